// Folder layouts that are not plain ImageFolder: split folders (train2017/, val/, ...) are not
// classes; classes are read inside them when they have class folders; a flat folder or splits
// without class folders are one unlabelled dataset, for which C_JS is "not applicable".
#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

#include "datasets/dataset_opener.h"
#include "datasets/folder_walker.h"
#include "profile/profile_json.h"
#include "scan/scanner.h"
#include "test_support.h"

using namespace nofade;

namespace {

void addImages(const QTemporaryDir& dir, const QString& folder, int count, int seed)
{
    for (int i = 0; i < count; ++i)
        QVERIFY(test::writeImage(dir.filePath(QStringLiteral("%1/%2.png").arg(folder).arg(i)),
                                 test::randomImage(10, 8, 1, std::uint32_t(seed * 100 + i))));
}

Profile scan(const DatasetSource& source)
{
    Feedback feedback;
    return scanDataset(source, ProfileSettings{}, ScanOptions{}, feedback);
}

} // namespace

class DatasetLayoutsTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void splitFolderNames()
    {
        for (const char* name : {"train", "val", "valid", "validation", "test", "trainval", "dev", "Train", "VAL",
                                 "train2017", "val2017", "test2015", "train_2014", "val-2017", "trainval2012"})
            QVERIFY2(isSplitFolderName(name), name);
        for (const char* name : {"cat", "trainer", "val2", "train20171", "testing", "n01440764", "2017", "train_set"})
            QVERIFY2(!isSplitFolderName(name), name);
    }

    // COCO: train2017/ and val2017/ hold the images directly, annotations/ holds none.
    void splitsWithoutClassFoldersAreOneUnlabelledDataset()
    {
        QTemporaryDir dir;
        addImages(dir, QStringLiteral("train2017"), 5, 1);
        addImages(dir, QStringLiteral("val2017"), 3, 2);
        QVERIFY(test::writeFile(dir.filePath(QStringLiteral("annotations/instances_val2017.json")), "{}"));
        OpenedDataset d = openDataset(dir.path());
        QVERIFY2(d.source, qPrintable(d.error));
        QCOMPARE(d.source->itemCount(), 8);
        QVERIFY(d.source->classNames().isEmpty());
        QVERIFY(!d.source->isLabelled());
        const QString notice = d.source->layoutNotice();
        QVERIFY2(notice.contains(QLatin1String("train2017, val2017")) && notice.contains(QLatin1String("unlabelled")),
                 qPrintable(notice));
        for (std::int64_t i = 0; i < d.source->itemCount(); ++i)
            QCOMPARE(d.source->knownClassOf(i), -1);

        const Profile p = scan(*d.source);
        QCOMPARE(p.images(), 8);
        QVERIFY(!p.labelled());
        QCOMPARE(p.unlabelledImages(), 8);
        const JsdSummary jsd = p.jsd();
        QVERIFY(!jsd.complexity);
        QVERIFY2(jsd.reason.startsWith(QLatin1String("not applicable")), qPrintable(jsd.reason));
        QCOMPARE(p.source.notice, notice);

        // The JSON says it, and reading it back keeps the notice.
        const QJsonObject json = profileToJson(p, false);
        QCOMPARE(json.value(QStringLiteral("labelled")).toBool(true), false);
        QCOMPARE(json.value(QStringLiteral("source")).toObject().value(QStringLiteral("notice")).toString(), notice);
        QString error;
        const auto back = profileFromJson(json, &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->source.notice, notice);
        QVERIFY(!back->labelled());
    }

    // train/ and val/ with class folders inside (and test/ without): classes from inside the
    // splits, one class per name across splits; images directly in a split have no class.
    void classesAreReadInsideSplitFolders()
    {
        QTemporaryDir dir;
        addImages(dir, QStringLiteral("train/cat"), 4, 1);
        addImages(dir, QStringLiteral("train/dog"), 3, 2);
        addImages(dir, QStringLiteral("val/cat"), 2, 3);
        addImages(dir, QStringLiteral("val/dog/nested"), 2, 4);
        addImages(dir, QStringLiteral("val/emu"), 1, 5);
        addImages(dir, QStringLiteral("test"), 2, 6);
        OpenedDataset d = openDataset(dir.path());
        QVERIFY2(d.source, qPrintable(d.error));
        QCOMPARE(d.source->classNames(), (QStringList{QStringLiteral("cat"), QStringLiteral("dog"), QStringLiteral("emu")}));
        QVERIFY(d.source->isLabelled());
        const QString notice = d.source->layoutNotice();
        QVERIFY2(notice.contains(QLatin1String("test, train, val")) && notice.contains(QLatin1String("3 classes"))
                     && notice.contains(QLatin1String("2 images outside a class folder")),
                 qPrintable(notice));
        int perClass[3] = {0, 0, 0};
        int unlabelled = 0;
        for (std::int64_t i = 0; i < d.source->itemCount(); ++i) {
            const QString path = d.source->itemPath(i).text;
            const int c = d.source->knownClassOf(i);
            const QString inner = path.section(QLatin1Char('/'), 1, 1);
            if (path.startsWith(QLatin1String("test/"))) {
                QCOMPARE(c, -1);
                ++unlabelled;
            } else {
                QVERIFY2(c >= 0 && d.source->classNames()[c] == inner, qPrintable(path));
                ++perClass[c];
            }
        }
        QCOMPARE(perClass[0], 6);
        QCOMPARE(perClass[1], 5);
        QCOMPARE(perClass[2], 1);
        QCOMPARE(unlabelled, 2);
        const Profile p = scan(*d.source);
        QCOMPARE(p.classes.size(), std::size_t(3));
        QCOMPARE(p.classes[0].moments.count(), 6);
        QVERIFY(p.jsd().complexity.has_value());
    }

    // A folder named like a split among ordinary class folders is a class as before.
    void oneSplitNameAmongClassesIsAClass()
    {
        QTemporaryDir dir;
        addImages(dir, QStringLiteral("cat"), 2, 1);
        addImages(dir, QStringLiteral("test"), 2, 2);
        OpenedDataset d = openDataset(dir.path());
        QVERIFY2(d.source, qPrintable(d.error));
        QCOMPARE(d.source->classNames(), (QStringList{QStringLiteral("cat"), QStringLiteral("test")}));
        QVERIFY(d.source->layoutNotice().isEmpty());
    }

    void flatFolderIsUnlabelled()
    {
        QTemporaryDir dir;
        addImages(dir, QStringLiteral("."), 4, 1);
        OpenedDataset d = openDataset(dir.path());
        QVERIFY2(d.source, qPrintable(d.error));
        QVERIFY(!d.source->isLabelled());
        const Profile p = scan(*d.source);
        QCOMPARE(p.images(), 4);
        QVERIFY(!p.labelled());
        QVERIFY2(p.jsd().reason.startsWith(QLatin1String("not applicable")), qPrintable(p.jsd().reason));
        QCOMPARE(profileToJson(p, false).value(QStringLiteral("labelled")).toBool(true), false);
    }

    // C_JS = ln(sum of pair distances): negative exactly when the sum is below 1, with its reason.
    void negativeComplexityCarriesItsReason()
    {
        const JsdSummary negative = summariseJsd({{0, 1, 0.25}}, 2); // ln(0.25) = -1.386
        QVERIFY(negative.complexity && *negative.complexity < -1.38 && *negative.complexity > -1.39);
        const QString reason = negativeComplexityReason(negative);
        QVERIFY2(reason.contains(QLatin1String("ln(0.25)")) && reason.contains(QLatin1String("less than 1")),
                 qPrintable(reason));
        QVERIFY(negativeComplexityReason(summariseJsd({{0, 1, 0.5}, {0, 2, 0.5}, {1, 2, 0.5}}, 3)).isEmpty()); // ln 1.5
        QVERIFY(negativeComplexityReason(summariseJsd({{0, 1, 1.0 - 1e-15}}, 2)).isEmpty()); // 1 up to rounding
        QVERIFY(negativeComplexityReason(summariseJsd({}, 1)).isEmpty()); // no C_JS at all

        // The profile JSON carries it next to the value.
        Profile p = makeEmptyProfile(ProfileSettings{}, ProfileSource{}, {QStringLiteral("a"), QStringLiteral("b")});
        for (int i = 0; i < 50; ++i) { // two classes of nearly the same entropies
            p.classes[0].moments.add(3.0 + 0.01 * (i % 10));
            p.classes[0].histogram.add(3.0 + 0.01 * (i % 10));
            p.classes[1].moments.add(3.05 + 0.01 * (i % 10));
            p.classes[1].histogram.add(3.05 + 0.01 * (i % 10));
        }
        const JsdSummary jsd = p.jsd();
        QVERIFY(jsd.complexity && *jsd.complexity < 0.0);
        const QJsonObject j = profileToJson(p, false).value(QStringLiteral("jsd")).toObject();
        QCOMPARE(j.value(QStringLiteral("note")).toString(), negativeComplexityReason(jsd));
        QVERIFY(!j.value(QStringLiteral("note")).toString().isEmpty());
    }
};

QTEST_GUILESS_MAIN(DatasetLayoutsTest)
#include "test_dataset_layouts.moc"

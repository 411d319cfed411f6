// Profiles: shard scans merge into exactly the whole scan; JSON reloads bit for bit; malformed or
// foreign JSON is refused with the key and the reason; incompatible merges are refused.
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

#include "datasets/dataset_opener.h"
#include "profile/profile_json.h"
#include "profile/profile_merge.h"
#include "scan/scanner.h"
#include "test_support.h"

using namespace nofade;

namespace {

Profile scanShard(const DatasetSource& source, Shard shard, const ProfileSettings& settings = {})
{
    Feedback feedback;
    ScanOptions options;
    options.shard = shard;
    return scanDataset(source, settings, options, feedback);
}

} // namespace

class ProfileMergeJsonTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    std::unique_ptr<DatasetSource> source_;

private Q_SLOTS:
    void initTestCase()
    {
        // 4 classes x 15 images of varied entropy, plus one broken file and two root images.
        for (int c = 0; c < 4; ++c)
            for (int i = 0; i < 15; ++i) {
                const cv::Mat img = (i % 2) ? test::randomImage(8 + i, 8 + c, 1 + 2 * (i % 2), std::uint32_t(c * 100 + i))
                                            : test::gradientImage(10 + i, 6 + c, 3, 1 + i + c);
                QVERIFY(test::writeImage(dir_.filePath(QStringLiteral("class%1/img%2.png").arg(c).arg(i, 2, 10, QLatin1Char('0'))), img));
            }
        QVERIFY(test::writeFile(dir_.filePath(QStringLiteral("class2/broken.png")), "not a png"));
        QVERIFY(test::writeImage(dir_.filePath(QStringLiteral("root1.png")), test::randomImage(5, 5, 1, 1)));
        QVERIFY(test::writeImage(dir_.filePath(QStringLiteral("root2.png")), test::randomImage(5, 5, 1, 2)));
        OpenedDataset d = openDataset(dir_.path());
        QVERIFY(d.source);
        source_ = std::move(d.source);
    }

    void shardsMergeIntoTheWholeScan_data()
    {
        QTest::addColumn<int>("shards");
        QTest::addColumn<int>("classModel");
        QTest::newRow("2 shards, histogram") << 2 << int(ClassModel::Histogram);
        QTest::newRow("3 shards, gaussian") << 3 << int(ClassModel::Gaussian);
        QTest::newRow("7 shards") << 7 << int(ClassModel::Histogram);
    }

    void shardsMergeIntoTheWholeScan()
    {
        QFETCH(int, shards);
        QFETCH(int, classModel);
        ProfileSettings settings;
        settings.classModel = ClassModel(classModel);
        const Profile whole = scanShard(*source_, Shard{}, settings);
        std::vector<Profile> parts;
        for (int k = shards - 1; k >= 0; --k) { // any order
            Profile part = scanShard(*source_, Shard{k, shards}, settings);
            // Through JSON, as shard files from a cluster would arrive.
            QString error;
            auto reloaded = profileFromJsonBytes(profileToJsonBytes(part, true), &error);
            QVERIFY2(reloaded, qPrintable(error));
            parts.push_back(std::move(*reloaded));
        }
        QString error;
        auto merged = mergeProfiles(parts, &error);
        QVERIFY2(merged, qPrintable(error));
        QVERIFY(merged->complete);
        QVERIFY(merged->moments == whole.moments);
        QVERIFY(merged->fine == whole.fine);
        QCOMPARE(merged->failedItems(), 1);
        for (std::size_t c = 0; c < whole.classes.size(); ++c) {
            QVERIFY(merged->classes[c].moments == whole.classes[c].moments);
            QVERIFY(merged->classes[c].histogram == whole.classes[c].histogram);
        }
        // The whole document is identical once the shard bookkeeping agrees.
        Profile wholeAsMerged = whole;
        wholeAsMerged.source.shardCount = shards;
        wholeAsMerged.source.shards.clear();
        for (int k = 0; k < shards; ++k)
            wholeAsMerged.source.shards.push_back(k);
        QCOMPARE(profileToJsonBytes(*merged, true), profileToJsonBytes(wholeAsMerged, true));
    }

    void missingShardMakesAnIncompleteMerge()
    {
        QString error;
        auto merged = mergeProfiles({scanShard(*source_, Shard{0, 3}), scanShard(*source_, Shard{2, 3})}, &error);
        QVERIFY(merged);
        QVERIFY(!merged->complete);
    }

    void incompatibleProfilesAreRefused()
    {
        ProfileSettings fast;
        fast.gray = GrayMode::Fast;
        QString error;
        QVERIFY(!mergeProfiles({scanShard(*source_, Shard{0, 2}), scanShard(*source_, Shard{1, 2}, fast)}, &error));
        QVERIFY2(error.contains(QLatin1String("different settings")) && error.contains(QLatin1String("gray=fast")), qPrintable(error));
        QVERIFY(!mergeProfiles({scanShard(*source_, Shard{0, 2}), scanShard(*source_, Shard{0, 2})}, &error));
        QVERIFY(error.contains(QLatin1String("appears twice")));
        QVERIFY(!mergeProfiles({scanShard(*source_, Shard{0, 2}), scanShard(*source_, Shard{1, 3})}, &error));
        QVERIFY(error.contains(QLatin1String("shard of")));
        ProfileSettings bins;
        bins.bins = 32;
        QVERIFY(!mergeProfiles({scanShard(*source_, Shard{0, 2}), scanShard(*source_, Shard{1, 2}, bins)}, &error));
        QVERIFY(error.contains(QLatin1String("bins=32")));
    }

    void jsonReloadsBitForBit()
    {
        const Profile p = scanShard(*source_, Shard{});
        const QByteArray once = profileToJsonBytes(p, true);
        QString error;
        auto back = profileFromJsonBytes(once, &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(profileToJsonBytes(*back, true), once);
        QCOMPARE(back->jsd().sum, p.jsd().sum);
        QCOMPARE(back->perImage.size(), p.perImage.size());
        // Without --per-image the list is not written, and the rest still reloads exactly.
        auto summaryOnly = profileFromJsonBytes(profileToJsonBytes(p, false), &error);
        QVERIFY(summaryOnly);
        QVERIFY(summaryOnly->perImage.empty());
        QCOMPARE(profileToJsonBytes(*summaryOnly, false), profileToJsonBytes(p, false));
    }

    void documentedKeysArePresent()
    {
        const QJsonObject j = profileToJson(scanShard(*source_, Shard{}), true);
        QCOMPARE(j[QStringLiteral("schema")].toString(), QStringLiteral("nofade.profile/1"));
        for (const char* key : {"settings", "source", "images", "complete", "failed", "entropy", "classes", "jsd", "per_image"})
            QVERIFY2(j.contains(QLatin1String(key)), key);
        QCOMPARE(j[QStringLiteral("images")].toInt(), 62);
        QCOMPARE(j[QStringLiteral("settings")].toObject()[QStringLiteral("gray")].toString(), QStringLiteral("exact"));
        QCOMPARE(j[QStringLiteral("settings")].toObject()[QStringLiteral("bins")].toInt(), 64);
        QCOMPARE(j[QStringLiteral("source")].toObject()[QStringLiteral("format")].toString(), QStringLiteral("folder"));
        const QJsonObject failed = j[QStringLiteral("failed")].toArray().at(0).toObject();
        QCOMPARE(failed[QStringLiteral("path")].toString(), QStringLiteral("class2/broken.png"));
        QVERIFY(!failed[QStringLiteral("reason")].toString().isEmpty());
        const QJsonObject entropy = j[QStringLiteral("entropy")].toObject();
        for (const char* key : {"mean", "std", "median", "min", "max", "histogram"})
            QVERIFY2(entropy.contains(QLatin1String(key)), key);
        const QJsonObject cls = j[QStringLiteral("classes")].toArray().at(0).toObject();
        for (const char* key : {"name", "images", "mean", "std"})
            QVERIFY2(cls.contains(QLatin1String(key)), key);
        const QJsonObject jsd = j[QStringLiteral("jsd")].toObject();
        QCOMPARE(jsd[QStringLiteral("pairs")].toArray().size(), 6);
        QVERIFY(jsd[QStringLiteral("complexity")].isDouble());
        const QJsonObject image = j[QStringLiteral("per_image")].toArray().at(0).toObject();
        QCOMPARE(image[QStringLiteral("path")].toString(), QStringLiteral("class0/img00.png"));
        QCOMPARE(image[QStringLiteral("class")].toString(), QStringLiteral("class0"));
    }

    void quantilesStayWithinMinAndMax()
    {
        // 5 identical images: every quantile is that one value, not the centre of its bin.
        QTemporaryDir same;
        for (int i = 0; i < 5; ++i)
            QVERIFY(test::writeImage(same.filePath(QStringLiteral("c/%1.png").arg(i)), test::gradientImage(16, 16, 1, 7)));
        OpenedDataset d = openDataset(same.path());
        const Profile p = scanShard(*d.source, Shard{});
        QCOMPARE(p.median(), p.moments.min());
        QCOMPARE(p.quantile(0.25), p.moments.max());
    }

    void noComplexityIsNullWithAReason()
    {
        QTemporaryDir flat;
        QVERIFY(test::writeImage(flat.filePath(QStringLiteral("one.png")), test::randomImage(4, 4, 1, 3)));
        OpenedDataset d = openDataset(flat.path());
        const QJsonObject j = profileToJson(scanShard(*d.source, Shard{}), false);
        const QJsonObject jsd = j[QStringLiteral("jsd")].toObject();
        QVERIFY(jsd[QStringLiteral("complexity")].isNull());
        // A flat folder has no classes: C_JS does not apply to it.
        QVERIFY(jsd[QStringLiteral("reason")].toString().startsWith(QLatin1String("not applicable")));

        QTemporaryDir oneClass;
        QVERIFY(test::writeImage(oneClass.filePath(QStringLiteral("cat/one.png")), test::randomImage(4, 4, 1, 3)));
        OpenedDataset c = openDataset(oneClass.path());
        const QJsonObject k = profileToJson(scanShard(*c.source, Shard{}), false)[QStringLiteral("jsd")].toObject();
        QVERIFY(k[QStringLiteral("complexity")].isNull());
        QVERIFY(k[QStringLiteral("reason")].toString().contains(QLatin1String("fewer than two")));
    }

    void malformedJsonIsRefusedWithThePlace()
    {
        const QJsonObject good = profileToJson(scanShard(*source_, Shard{}), false);
        QString error;
        QVERIFY(!profileFromJsonBytes("{\"schema\": ", &error));
        QVERIFY(error.contains(QLatin1String("not valid JSON")));
        QVERIFY(!profileFromJsonBytes("[1,2]", &error));

        QJsonObject newer = good;
        newer[QStringLiteral("schema")] = QStringLiteral("nofade.profile/2");
        QVERIFY(!profileFromJson(newer, &error));
        QVERIFY(error.contains(QLatin1String("newer")));

        QJsonObject badBins = good;
        QJsonObject settings = badBins[QStringLiteral("settings")].toObject();
        settings[QStringLiteral("bins")] = QStringLiteral("sixty-four");
        badBins[QStringLiteral("settings")] = settings;
        QVERIFY(!profileFromJson(badBins, &error));
        QVERIFY2(error.startsWith(QLatin1String("settings.bins")), qPrintable(error));

        QJsonObject badCounts = good;
        QJsonObject entropy = badCounts[QStringLiteral("entropy")].toObject();
        QJsonObject hist = entropy[QStringLiteral("histogram")].toObject();
        QJsonArray counts = hist[QStringLiteral("counts")].toArray();
        counts[5] = counts[5].toInt() + 1; // no longer sums to the image count
        hist[QStringLiteral("counts")] = counts;
        entropy[QStringLiteral("histogram")] = hist;
        badCounts[QStringLiteral("entropy")] = entropy;
        QVERIFY(!profileFromJson(badCounts, &error));
        QVERIFY2(error.contains(QLatin1String("entropy.histogram.counts")), qPrintable(error));

        QJsonObject noClasses = good;
        noClasses.remove(QStringLiteral("classes"));
        QVERIFY(!profileFromJson(noClasses, &error));
        QVERIFY(error.startsWith(QLatin1String("classes")));
    }
};

QTEST_GUILESS_MAIN(ProfileMergeJsonTest)
#include "test_profile_merge_json.moc"

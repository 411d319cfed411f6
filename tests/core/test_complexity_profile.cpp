// Complexity measures in profiles: the JSON reads back what was written (older profiles without
// measures still load), and shard profiles merge into exactly the numbers of one whole scan,
// per-image SI/bpp and the dataset measures recomputed from the joined sample alike.
#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

#include "complexity/measured_scan.h"
#include "datasets/dataset_opener.h"
#include "profile/profile_json.h"
#include "test_support.h"

using namespace nofade;

namespace {

MeasureSettings sampled()
{
    MeasureSettings m;
    m.names = QStringList{QStringLiteral("entropy"), QStringLiteral("si"), QStringLiteral("bpp"), QStringLiteral("id"),
                          QStringLiteral("f1"), QStringLiteral("n1"), QStringLiteral("csg")};
    m.perClass = 12;
    m.replicates = 3;
    m.seed = 7;
    return m;
}

Profile reread(const Profile& p, bool perImage)
{
    QString error;
    const auto back = profileFromJsonBytes(profileToJsonBytes(p, perImage), &error);
    if (!back)
        qFatal("profile does not read back: %s", qPrintable(error));
    return *back;
}

} // namespace

class ComplexityProfileTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    std::unique_ptr<DatasetSource> source_;
    Profile whole_;

    Profile scan(const Shard& shard, const MeasureSettings& m = sampled())
    {
        ScanOptions options;
        options.shard = shard;
        Feedback feedback;
        return scanWithMeasures(*source_, ProfileSettings{}, options, m, feedback);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        // 3 classes x 20 images of assorted sizes and content (a 2x2 image has no SI).
        for (int i = 0; i < 60; ++i) {
            const QString cls = QStringLiteral("c%1").arg(i % 3);
            const cv::Mat image = i == 5 ? test::randomImage(2, 2, 1, 5)
                                  : i % 2 ? test::randomImage(20 + i, 30 + (i % 7), i % 4 == 1 ? 3 : 1, std::uint32_t(i))
                                          : test::gradientImage(40 + i, 24 + i % 5, 1, 1 + i % 3);
            QVERIFY(test::writeImage(dir_.filePath(QStringLiteral("%1/%2.png").arg(cls).arg(i, 2, 10, QLatin1Char('0'))), image));
        }
        OpenedDataset dataset = openDataset(dir_.path());
        QVERIFY2(dataset.source, qPrintable(dataset.error));
        source_ = std::move(dataset.source);
        whole_ = scan(Shard{});
        QVERIFY(whole_.measures);
    }

    void sampledValuesHaveIntervals()
    {
        for (const QString& name : QStringList{QStringLiteral("id"), QStringLiteral("f1"), QStringLiteral("n1"), QStringLiteral("csg")}) {
            const MeasureValue* v = whole_.measures->find(name);
            QVERIFY(v && v->value);
            QCOMPARE(v->sample, qint64(36)); // 12 per class
            QCOMPARE(int(v->replicates.size()), 3);
            QVERIFY(v->interval && v->interval->contains(*v->value));
        }
        const MeasureValue* si = whole_.measures->find(QStringLiteral("si"));
        QCOMPARE(si->sample, qint64(59)); // the 2x2 image has none
        QVERIFY(!si->interval);
        std::size_t tiny = 0;
        while (whole_.perImage[tiny].path != QLatin1String("c2/05.png"))
            ++tiny;
        QVERIFY(std::isnan(whole_.measures->perImage[tiny].si));
        QVERIFY(!std::isnan(whole_.measures->perImage[tiny].bpp));
    }

    void jsonReadsBackWhatWasWritten()
    {
        const Profile back = reread(whole_, true);
        QVERIFY(back.measures);
        QVERIFY(back.measures->settings == whole_.measures->settings);
        QCOMPARE(back.measures->values.size(), whole_.measures->values.size());
        for (std::size_t i = 0; i < back.measures->values.size(); ++i) {
            const MeasureValue& a = whole_.measures->values[i];
            const MeasureValue& b = back.measures->values[i];
            QCOMPARE(b.name, a.name);
            QCOMPARE(b.value, a.value);
            QCOMPARE(b.sample, a.sample);
            QCOMPARE(b.definition, a.definition);
            QCOMPARE(b.interval.has_value(), a.interval.has_value());
            if (a.interval) {
                QCOMPARE(b.interval->low, a.interval->low);
                QCOMPARE(b.interval->high, a.interval->high);
            }
        }
        QCOMPARE(back.measures->perImage.size(), whole_.measures->perImage.size());
        for (std::size_t i = 0; i < back.measures->perImage.size(); ++i) {
            QCOMPARE(back.measures->perImage[i].index, whole_.measures->perImage[i].index);
            QCOMPARE(back.measures->perImage[i].bpp, whole_.measures->perImage[i].bpp);
            QCOMPARE(std::isnan(back.measures->perImage[i].si), std::isnan(whole_.measures->perImage[i].si));
        }
        // Without --per-image a whole profile keeps the values only.
        const Profile lean = reread(whole_, false);
        QVERIFY(lean.measures && lean.measures->perImage.empty() && lean.measures->sampleVectors.empty());
        QCOMPARE(lean.measures->find(QStringLiteral("csg"))->value, whole_.measures->find(QStringLiteral("csg"))->value);
    }

    void profilesWithoutMeasuresStillLoad()
    {
        Feedback feedback;
        const Profile plain = scanDataset(*source_, ProfileSettings{}, ScanOptions{}, feedback);
        const QJsonObject json = profileToJson(plain, false);
        QVERIFY(!json.contains(QStringLiteral("measures")));
        QString error;
        const auto back = profileFromJson(json, &error);
        QVERIFY2(back, qPrintable(error));
        QVERIFY(!back->measures);
    }

    void malformedMeasuresNameTheKey()
    {
        QJsonObject json = profileToJson(whole_, false);
        QJsonObject values = json[QStringLiteral("measures")].toObject();
        QJsonObject csg = values[QStringLiteral("csg")].toObject();
        csg[QStringLiteral("interval")] = QStringLiteral("wide");
        values[QStringLiteral("csg")] = csg;
        json[QStringLiteral("measures")] = values;
        QString error;
        QVERIFY(!profileFromJson(json, &error));
        QVERIFY2(error.startsWith(QStringLiteral("measures.csg.interval")), qPrintable(error));
        QJsonObject settings = profileToJson(whole_, false);
        QJsonObject ms = settings[QStringLiteral("measure_settings")].toObject();
        ms[QStringLiteral("seed")] = -1e300;
        settings[QStringLiteral("measure_settings")] = ms;
        error.clear();
        QVERIFY(!profileFromJson(settings, &error));
        QVERIFY2(error.startsWith(QStringLiteral("measure_settings.seed")), qPrintable(error));
        ms[QStringLiteral("seed")] = 1;
        ms[QStringLiteral("names")] = QJsonArray{QStringLiteral("fractal")};
        settings[QStringLiteral("measure_settings")] = ms;
        error.clear();
        QVERIFY(!profileFromJson(settings, &error));
        QVERIFY2(error.contains(QStringLiteral("unknown measure")), qPrintable(error));
    }

    void shardsMergeIntoTheWholeScan()
    {
        std::vector<Profile> parts;
        for (int k = 0; k < 3; ++k)
            parts.push_back(reread(scan(Shard{k, 3}), false)); // shards keep their raw state in the JSON
        QVERIFY(!parts[0].measures->sampleVectors.empty());
        QVERIFY(!parts[0].measures->find(QStringLiteral("csg"))->value); // waits for the merge
        QString error;
        const auto merged = mergeMeasuredProfiles(parts, &error);
        QVERIFY2(merged, qPrintable(error));
        QVERIFY(merged->complete);
        QCOMPARE(merged->measures->values.size(), whole_.measures->values.size());
        for (std::size_t i = 0; i < merged->measures->values.size(); ++i) {
            const MeasureValue& a = whole_.measures->values[i];
            const MeasureValue& b = merged->measures->values[i];
            QCOMPARE(b.name, a.name);
            QVERIFY2(b.value == a.value, qPrintable(a.name)); // bit for bit
            QCOMPARE(b.sample, a.sample);
            QCOMPARE(b.replicates, a.replicates);
        }
        QCOMPARE(merged->measures->perImage.size(), whole_.measures->perImage.size());
        for (std::size_t i = 0; i < merged->measures->perImage.size(); ++i)
            QCOMPARE(merged->measures->perImage[i].bpp, whole_.measures->perImage[i].bpp);
    }

    void mergeRefusesOtherMeasureSettings()
    {
        MeasureSettings other = sampled();
        other.seed = 8;
        QString error;
        QVERIFY(!mergeMeasuredProfiles({scan(Shard{0, 2}), scan(Shard{1, 2}, other)}, &error));
        QVERIFY2(error.contains(QStringLiteral("complexity measures")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(ComplexityProfileTest)
#include "test_complexity_profile.moc"

// nofade-cli scan --measures as a user runs it: the summary lines, the profile JSON's "measures",
// usage errors that name the option, and shard profiles merged by `nofade-cli merge` into the
// numbers of one scan.
#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

#include "test_support.h"

using nofade::test::readJson;
using nofade::test::runCli;

class CliMeasuresTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    QString dataset_;

private Q_SLOTS:
    void initTestCase()
    {
        dataset_ = dir_.filePath(QStringLiteral("data"));
        for (int c = 0; c < 3; ++c)
            for (int i = 0; i < 10; ++i)
                QVERIFY(nofade::test::writeImage(QStringLiteral("%1/c%2/i%3.png").arg(dataset_).arg(c).arg(i),
                                                 i % 2 ? nofade::test::randomImage(12 + i, 14 + c, 1, std::uint32_t(c * 10 + i))
                                                       : nofade::test::gradientImage(20 + i, 16, 3, 1 + c)));
    }

    void measuresAreWrittenAndSummarised()
    {
        const QString out = dir_.filePath(QStringLiteral("all.json"));
        const auto r = runCli({QStringLiteral("scan"), dataset_, QStringLiteral("--measures"), QStringLiteral("all"),
                               QStringLiteral("--measures-sample"), QStringLiteral("all"), QStringLiteral("--per-image"),
                               QStringLiteral("--out"), out});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        for (const char* name : {"entropy", "si", "bpp", "id", "f1", "n1", "csg"})
            QVERIFY2(r.out.contains(QByteArray("Measure     ").append(name)), r.out.constData());
        const QJsonObject json = readJson(out);
        const QJsonObject measures = json[QStringLiteral("measures")].toObject();
        QCOMPARE(measures.size(), 7);
        const QJsonObject csg = measures[QStringLiteral("csg")].toObject();
        QVERIFY(csg[QStringLiteral("value")].isDouble());
        QVERIFY(csg[QStringLiteral("interval")].isNull()); // --measures-sample all: one sample
        QCOMPARE(csg[QStringLiteral("sample")].toInt(), 30);
        QVERIFY(!csg[QStringLiteral("definition")].toString().isEmpty());
        QCOMPARE(measures[QStringLiteral("entropy")].toObject()[QStringLiteral("value")].toDouble(),
                 json[QStringLiteral("complexity")].toObject()[QStringLiteral("entropy")].toDouble());
        QCOMPARE(json[QStringLiteral("measure_per_image")].toArray().size(), 30);
        QCOMPARE(json[QStringLiteral("measure_settings")].toObject()[QStringLiteral("sample_per_class")].toString(),
                 QStringLiteral("all"));
    }

    void sampledMeasuresHaveIntervals()
    {
        const QString out = dir_.filePath(QStringLiteral("sampled.json"));
        const auto r = runCli({QStringLiteral("scan"), dataset_, QStringLiteral("--measures"), QStringLiteral("n1,f1"),
                               QStringLiteral("--measures-sample"), QStringLiteral("6"), QStringLiteral("--measures-replicates"),
                               QStringLiteral("4"), QStringLiteral("--out"), out});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject n1 = readJson(out)[QStringLiteral("measures")].toObject()[QStringLiteral("n1")].toObject();
        QCOMPARE(n1[QStringLiteral("sample")].toInt(), 18);
        QCOMPARE(n1[QStringLiteral("interval")].toArray().size(), 2);
        QCOMPARE(n1[QStringLiteral("replicates")].toArray().size(), 4);
    }

    void usageErrorsNameTheOption()
    {
        auto r = runCli({QStringLiteral("scan"), dataset_, QStringLiteral("--measures"), QStringLiteral("si,fractal")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--measures: unknown measure \"fractal\""), r.err.constData());
        r = runCli({QStringLiteral("scan"), dataset_, QStringLiteral("--measures-sample"), QStringLiteral("10")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("need --measures"), r.err.constData());
        r = runCli({QStringLiteral("scan"), dataset_, QStringLiteral("--measures"), QStringLiteral("id"),
                    QStringLiteral("--measures-sample"), QStringLiteral("0")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--measures-sample"), r.err.constData());
        r = runCli({QStringLiteral("scan"), dataset_, QStringLiteral("--measures"), QStringLiteral("csg"),
                    QStringLiteral("--sample"), QStringLiteral("10")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("without --sample"), r.err.constData());
        r = runCli({QStringLiteral("scan"), dataset_, QStringLiteral("--measures"), QStringLiteral("si"),
                    QStringLiteral("--cache"), dir_.filePath(QStringLiteral("c.sqlite"))});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--cache"), r.err.constData());
    }

    void mergedShardsEqualOneScan()
    {
        const QStringList measures = {QStringLiteral("--measures"), QStringLiteral("all"), QStringLiteral("--measures-sample"),
                                      QStringLiteral("7"), QStringLiteral("--measures-replicates"), QStringLiteral("3")};
        const QString whole = dir_.filePath(QStringLiteral("whole.json"));
        QCOMPARE(runCli(QStringList{QStringLiteral("scan"), dataset_, QStringLiteral("--out"), whole} + measures).exitCode, 0);
        const QString shards = dir_.filePath(QStringLiteral("shards"));
        for (int k = 0; k < 2; ++k)
            QCOMPARE(runCli(QStringList{QStringLiteral("scan"), dataset_, QStringLiteral("--shard"), QStringLiteral("%1/2").arg(k),
                                        QStringLiteral("--out-dir"), shards} + measures).exitCode, 0);
        const QString merged = dir_.filePath(QStringLiteral("merged.json"));
        const auto r = runCli({QStringLiteral("merge"), shards, QStringLiteral("--out"), merged});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(readJson(merged)[QStringLiteral("measures")], readJson(whole)[QStringLiteral("measures")]);
        QVERIFY(!readJson(merged).contains(QStringLiteral("measure_sample"))); // whole again: no raw vectors
    }
};

QTEST_GUILESS_MAIN(CliMeasuresTest)
#include "test_cli_measures.moc"

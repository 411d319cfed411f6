// `nofade-cli import` end to end: a sacct file and a CodeCarbon file become model tables that
// `nofade-cli report` reads; bad lines are named on stderr; exit codes as docs/CLI.md says.
#include <QTemporaryDir>
#include <QtTest>

#include "import_fixtures.h"
#include "models/csv_document.h"
#include "models/csv_table.h"
#include "test_support.h"

using nofade::test::readJson;
using nofade::test::runCli;
using nofade::test::writeFile;

class ImportCliTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sacctToReport()
    {
        QTemporaryDir dir;
        const QString input = dir.filePath("sacct.txt");
        const QString hardware = dir.filePath("hw.csv");
        const QString out = dir.filePath("models.csv");
        QVERIFY(writeFile(input, nofade::test::kSacct));
        QVERIFY(writeFile(hardware, nofade::test::kImportHardware));
        const auto run = runCli({"import", input, "--from", "sacct", "--sum-runs", "--task", "classification",
                                 "--dataset", "CIFAR-10", "--score", "93.5", "--hardware", hardware, "--out", out});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(run.out.contains("Imported 2 models"));
        QVERIFY(run.err.contains(QStringLiteral("%1: line 17, field \"ElapsedRaw\": \"12x\" is not a whole number of seconds").arg(input).toUtf8()));
        QVERIFY(run.err.contains(QStringLiteral("%1: line 10, field \"State\": warning: job 2000_3 (sweep) ended FAILED").arg(input).toUtf8()));
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const nofade::CsvTable table(nofade::parseCsv(f.readAll()));
        QCOMPARE(table.dataRecords().size(), 2);
        QCOMPARE(table.value(0, "model").value(), QStringLiteral("resnet50"));
        QCOMPARE(table.value(0, "wall_hours").value(), QStringLiteral("2"));   // 7200 s
        QCOMPARE(table.value(0, "device_count").value(), QStringLiteral("4"));
        QCOMPARE(table.value(0, "device").value(), QStringLiteral("Test V100"));
        QCOMPARE(table.value(1, "wall_hours").value(), QStringLiteral("1.5")); // (3600 + 1800) s
        QCOMPARE(table.value(1, "hours_provenance").value(), QStringLiteral("measured"));
        QCOMPARE(table.value(1, "score").value(), QStringLiteral("93.5"));

        // The report computes CO2 from the device-hours: 8 h x 300 W x PUE 1.2 / 1000 x 0.5 kg/kWh.
        const QString report = dir.filePath("r.json");
        const auto rep = runCli({"report", "--models", out, "--hardware", hardware, "--pue", "aws",
                                 "--intensity", "0.5", "--out", report});
        QVERIFY2(rep.exitCode == 0, rep.err.constData());
        const QJsonObject json = readJson(report);
        const QJsonObject first = json.value("models").toArray().at(0).toObject();
        QCOMPARE(first.value("device_hours").toDouble(), 8.0);
        QVERIFY(std::abs(first.value("co2_kg").toDouble() - 8 * 300 * 1.2 / 1000 * 0.5) < 1e-12);
        QCOMPARE(first.value("co2_provenance").toString(), QStringLiteral("computed"));
        QCOMPARE(json.value("table_errors").toArray().size(), 0);
    }

    void codecarbonMeasuredCo2ReachesTheReport()
    {
        QTemporaryDir dir;
        const QString input = dir.filePath("emissions.csv");
        const QString out = dir.filePath("models.csv");
        QVERIFY(writeFile(input, nofade::test::kCodeCarbonCurrent));
        const auto run = runCli({"import", input, "--from", "codecarbon", "--sum-runs", "--task", "classification",
                                 "--dataset", "CIFAR-10", "--score", "90", "--out", out});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(run.out.contains("2 lines left out with an error"));
        QVERIFY(run.err.contains(QStringLiteral("%1: line 6, field \"emissions\"").arg(input).toUtf8()));
        const QString report = dir.filePath("r.json");
        const auto rep = runCli({"report", "--models", out, "--intensity", "0.1", "--out", report});
        QVERIFY2(rep.exitCode == 0, rep.err.constData());
        const QJsonObject first = readJson(report).value("models").toArray().at(0).toObject();
        QVERIFY(std::abs(first.value("co2_kg").toDouble() - 1.2) < 1e-12); // 0.5 + 0.7 kg, measured
        QCOMPARE(first.value("co2_provenance").toString(), QStringLiteral("measured"));
        QCOMPARE(first.value("hours_provenance").toString(), QStringLiteral("measured"));
    }

    void exitCodes()
    {
        QTemporaryDir dir;
        const QString input = dir.filePath("e.csv");
        QVERIFY(writeFile(input, nofade::test::kCodeCarbon2020));
        QCOMPARE(runCli({"import", input, "--out", dir.filePath("o.csv")}).exitCode, 2);              // no --from
        QCOMPARE(runCli({"import", input, "--from", "excel", "--out", dir.filePath("o.csv")}).exitCode, 2);
        QCOMPARE(runCli({"import", input, "--from", "codecarbon"}).exitCode, 2);                      // no --out
        QCOMPARE(runCli({"import", input, "--from", "codecarbon", "--score", "101", "--out", "x"}).exitCode, 2);
        QCOMPARE(runCli({"import", dir.filePath("missing.csv"), "--from", "codecarbon", "--out", dir.filePath("o.csv")}).exitCode, 1);
        // Nothing importable: status 1 and no file written.
        QVERIFY(writeFile(dir.filePath("bad.csv"), "duration,emissions,energy_consumed\nx,y,z\n"));
        const auto bad = runCli({"import", dir.filePath("bad.csv"), "--from", "codecarbon", "--out", dir.filePath("o.csv")});
        QCOMPARE(bad.exitCode, 1);
        QVERIFY(bad.err.contains("no row could be imported"));
        QVERIFY(!QFile::exists(dir.filePath("o.csv")));
        const auto help = runCli({"import", "--help"});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("--include-failed"));
    }
};

QTEST_GUILESS_MAIN(ImportCliTest)
#include "test_import_cli.moc"

// Imports of the user's own runs: every CodeCarbon header version, Slurm sacct with array jobs and
// steps, Epoch AI's CSV, bad lines named and skipped; the measured energy and CO2 used as such by
// the report. Expected values are hand arithmetic on the fixtures' numbers.
#include <QtTest>

#include "import_fixtures.h"
#include "imports/append_imported_rows.h"
#include "imports/import_format_guess.h"
#include "imports/run_import.h"
#include "imports/sacct_import.h"
#include "models/bundled_data.h"
#include "models/csv_table.h"
#include "models/hardware_table.h"
#include "models/model_table.h"
#include "models/report_builder.h"

using namespace nofade;

namespace {

HardwareTable testHardware()
{
    QStringList errors;
    HardwareTable t = HardwareTable::fromCsv(test::kImportHardware, QStringLiteral("hw.csv"), &errors);
    if (!errors.isEmpty())
        qFatal("%s", qPrintable(errors.join('\n')));
    return t;
}

bool near(double a, double b) { return std::abs(a - b) <= 1e-12 * std::max(1.0, std::abs(b)); }

// The issues of one line, as "field: reason".
QStringList issuesOfLine(const ImportResult& r, int line, ImportIssue::Severity severity)
{
    QStringList out;
    for (const ImportIssue& i : r.issues)
        if (i.line == line && i.severity == severity)
            out << i.field + QStringLiteral(": ") + i.reason;
    return out;
}

} // namespace

class ImportsTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void codecarbonRunsAreMeasuredRows()
    {
        const HardwareTable hw = testHardware();
        ImportOptions o;
        o.hardware = &hw;
        const ImportResult r = importRuns(ImportFormat::CodeCarbon, test::kCodeCarbonCurrent, QStringLiteral("emissions.csv"), o);
        QCOMPARE(r.rows.size(), std::size_t(3));
        const ImportedRow& a = r.rows[0];
        QCOMPARE(a.line, 2);
        QCOMPARE(a.model, QStringLiteral("resnet50-cifar10 (2024-06-30T10:00:00)")); // two runs share the project
        QCOMPARE(a.hoursProvenance, QStringLiteral("measured"));
        QCOMPARE(*a.wallHours, 1.0);     // 3600 s
        QCOMPARE(*a.deviceCount, 2);
        QVERIFY(!a.deviceHours);
        QCOMPARE(*a.energyKwh, 1.25);
        QCOMPARE(*a.co2Kg, 0.5);
        QCOMPARE(a.device, QStringLiteral("Test V100"));  // "2 x Tesla V100-SXM2-16GB" through the alias
        QCOMPARE(a.year, QStringLiteral("2024"));
        QVERIFY(a.notes.contains(QLatin1String("PUE 1.0 applied by CodeCarbon")));
        QVERIFY(a.source.contains(QLatin1String("emissions.csv, line 2")));
        const ImportedRow& c = r.rows[2];
        QCOMPARE(c.model, QStringLiteral("vit-cifar100"));
        QCOMPARE(*c.wallHours, 2.0);     // 7200 s
        QCOMPARE(*c.deviceCount, 4);
        QCOMPARE(c.device, QStringLiteral("Test A100")); // "NVIDIA A100-SXM4-40GB": vendor dropped
        QVERIFY(c.notes.contains(QLatin1String("aws")));
        // Line 5: appended without its empty columns; line 6: emissions "n/a". Named, left out.
        QCOMPARE(issuesOfLine(r, 5, ImportIssue::Severity::Error).size(), 1);
        QVERIFY(issuesOfLine(r, 5, ImportIssue::Severity::Error).first().contains(QLatin1String("has 13 cells but the header has 32")));
        QCOMPARE(issuesOfLine(r, 6, ImportIssue::Severity::Error),
                 QStringList{QStringLiteral("emissions: \"n/a\" is not a non-negative number")});
        QCOMPARE(r.linesLeftOut(), 2);
        QVERIFY(r.messages().contains(QStringLiteral("emissions.csv: line 6, field \"emissions\": \"n/a\" is not a non-negative number")));
        // Task, dataset and score are missing: one warning each for the whole file.
        int wholeFile = 0;
        for (const ImportIssue& i : r.issues)
            wholeFile += i.line == 0 ? 1 : 0;
        QCOMPARE(wholeFile, 3);
    }

    void codecarbonSumsRunsOfOneExperiment()
    {
        ImportOptions o;
        o.sumRuns = true;
        o.task = QStringLiteral("classification");
        o.dataset = QStringLiteral("CIFAR-10");
        o.score = 95.1;
        const ImportResult r = importRuns(ImportFormat::CodeCarbon, test::kCodeCarbonCurrent, QStringLiteral("e.csv"), o);
        QCOMPARE(r.rows.size(), std::size_t(2));
        const ImportedRow& a = r.rows[0];
        QCOMPARE(a.model, QStringLiteral("resnet50-cifar10"));
        QCOMPARE(*a.wallHours, 2.5);      // (3600 + 5400) s / 3600
        QCOMPARE(*a.deviceCount, 2);
        QVERIFY(near(*a.energyKwh, 3.0)); // 1.25 + 1.75
        QVERIFY(near(*a.co2Kg, 1.2));     // 0.5 + 0.7
        QCOMPARE(*a.score, 95.1);
        QVERIFY(a.notes.contains(QLatin1String("summed over 2 runs")));
        QVERIFY(a.device.isEmpty()); // no hardware table given
    }

    void codecarbonEveryHeaderVersion()
    {
        // 2020-12 with a BOM, 2020-08 with pandas' index column, 2021-07 with empty trailing headers.
        for (const QByteArray& bytes : {test::kCodeCarbon2020, test::kCodeCarbon2020Indexed, test::kCodeCarbon2021}) {
            const ImportResult r = importRuns(ImportFormat::CodeCarbon, bytes, QStringLiteral("old.csv"), {});
            QCOMPARE(r.linesLeftOut(), 0);
            QCOMPARE(r.rows.size(), std::size_t(1));
            const ImportedRow& row = r.rows[0];
            QCOMPARE(row.model, QStringLiteral("project_gamma"));
            QCOMPARE(*row.energyKwh, 8.0);
            QCOMPARE(*row.co2Kg, 8.0);
            QCOMPARE(*row.wallHours, 34.0 / 3600.0);
            QVERIFY(!row.deviceCount); // no gpu_count column in these versions
            QCOMPARE(row.year, QStringLiteral("2020"));
            QVERIFY(row.notes.contains(QLatin1String("us-east-2")));
        }
        const ImportResult newest = importRuns(ImportFormat::CodeCarbon, test::kCodeCarbon2025, QStringLiteral("n.csv"), {});
        QCOMPARE(newest.rows.size(), std::size_t(1));
        QCOMPARE(*newest.rows[0].wallHours, 0.5);
        QCOMPARE(*newest.rows[0].deviceCount, 1);
        QCOMPARE(*newest.rows[0].energyKwh, 0.52);
        QVERIFY(newest.rows[0].source.contains(QLatin1String("CodeCarbon 3.1.0")));
        // Not an emissions.csv at all.
        const ImportResult wrong = importRuns(ImportFormat::CodeCarbon, "a,b\n1,2\n", QStringLiteral("w.csv"), {});
        QVERIFY(wrong.rows.empty());
        QCOMPARE(wrong.issues.front().line, 1);
        QVERIFY(wrong.issues.front().reason.contains(QLatin1String("not a CodeCarbon emissions.csv")));
    }

    void sacctCountsAllocationsNotSteps()
    {
        const HardwareTable hw = testHardware();
        ImportOptions o;
        o.hardware = &hw;
        const ImportResult r = importRuns(ImportFormat::Sacct, test::kSacct, QStringLiteral("sacct.txt"), o);
        // 1001, 2000_1, 2000_2: steps, the failed, pending, cancelled and CPU-only jobs not counted.
        QCOMPARE(r.rows.size(), std::size_t(3));
        const ImportedRow& job = r.rows[0];
        QCOMPARE(job.model, QStringLiteral("resnet50"));
        QCOMPARE(*job.wallHours * *job.deviceCount, 8.0); // 7200 s x 4 GPUs; steps would make it 31.9
        QCOMPARE(job.hoursProvenance, QStringLiteral("measured"));
        QCOMPARE(job.device, QStringLiteral("Test V100")); // gres/gpu:v100 through the alias
        QVERIFY(!job.energyKwh && !job.co2Kg);
        QCOMPARE(r.rows[1].model, QStringLiteral("sweep (job 2000_1)"));
        QCOMPARE(*r.rows[1].wallHours * *r.rows[1].deviceCount, 2.0); // 3600 s x 2
        QCOMPARE(*r.rows[2].wallHours * *r.rows[2].deviceCount, 1.0); // 1800 s x 2
        // Named: the failed, pending and cancelled jobs, the CPU-only one; errors on lines 16, 17.
        auto warned = [&](int line, const char* text) {
            const QStringList w = issuesOfLine(r, line, ImportIssue::Severity::Warning);
            return !w.isEmpty() && w.first().contains(QLatin1String(text));
        };
        QVERIFY(warned(10, "job 2000_3 (sweep) ended FAILED: not counted"));
        QVERIFY(warned(12, "PENDING, not finished"));
        QVERIFY(warned(13, "job 3000 (multinode) ended CANCELLED by 4242: not counted"));
        QVERIFY(warned(15, "no GPUs allocated"));
        QVERIFY(issuesOfLine(r, 16, ImportIssue::Severity::Error).first().contains(QLatin1String("has 4 fields but the header has 6")));
        QCOMPARE(issuesOfLine(r, 17, ImportIssue::Severity::Error),
                 QStringList{QStringLiteral("ElapsedRaw: \"12x\" is not a whole number of seconds")});
        QCOMPARE(r.linesLeftOut(), 2);
    }

    void sacctSumsArrayTasksAndCountsFailedWhenAsked()
    {
        const HardwareTable hw = testHardware();
        ImportOptions o;
        o.hardware = &hw;
        o.sumRuns = true;
        o.includeFailed = true;
        const ImportResult r = importRuns(ImportFormat::Sacct, test::kSacct, QStringLiteral("sacct.txt"), o);
        QCOMPARE(r.rows.size(), std::size_t(3)); // resnet50, sweep, multinode
        const ImportedRow& sweep = r.rows[1];
        QCOMPARE(sweep.model, QStringLiteral("sweep"));
        QCOMPARE(*sweep.wallHours, 1.75);  // (3600 + 1800 + 900) s / 3600, the failed task counted
        QCOMPARE(*sweep.deviceCount, 2);   // 3.5 device-hours
        QVERIFY(sweep.notes.contains(QLatin1String("2000_3 FAILED")));
        const ImportedRow& multinode = r.rows[2];
        QCOMPARE(*multinode.wallHours * *multinode.deviceCount, 12.0); // 5400 s x 8 A100
        QCOMPARE(multinode.device, QStringLiteral("Test A100"));
        QVERIFY(multinode.notes.contains(QLatin1String("gpu[10-11]")));
    }

    void tresGpuCounts()
    {
        QString type;
        QCOMPARE(gpusOfTres(QStringLiteral("billing=8,cpu=8,gres/gpu:a100=4,gres/gpu=4,mem=64G,node=1"), &type), std::optional<int>(4));
        QCOMPARE(type, QStringLiteral("a100"));
        type.clear();
        QCOMPARE(gpusOfTres(QStringLiteral("cpu=8,gres/gpu:v100=2,gres/gpu:t4=1"), &type), std::optional<int>(3));
        QCOMPARE(type, QStringLiteral("v100"));
        QCOMPARE(gpusOfTres(QStringLiteral("cpu=4,mem=8G,node=1"), nullptr), std::optional<int>(0));
        QCOMPARE(gpusOfTres(QStringLiteral("cpu=4,gres/gpu=two"), nullptr), std::nullopt);
    }

    void formatIsGuessedFromTheHeader()
    {
        using F = std::optional<ImportFormat>;
        for (const QByteArray* cc : {&test::kCodeCarbonCurrent, &test::kCodeCarbon2025, &test::kCodeCarbon2020,
                                     &test::kCodeCarbon2020Indexed, &test::kCodeCarbon2021})
            QCOMPARE(guessImportFormat(*cc), F(ImportFormat::CodeCarbon));
        QCOMPARE(guessImportFormat(test::kSacct), F(ImportFormat::Sacct));
        QCOMPARE(guessImportFormat(test::kEpoch), F(ImportFormat::Epoch));
        // Only the header counts: a model table, an empty file and a sacct listing without -P are none.
        QCOMPARE(guessImportFormat("model,task,dataset,score\nA,classification,ImageNet,80\n"), F());
        QCOMPARE(guessImportFormat(""), F());
        QCOMPARE(guessImportFormat("JobID    JobName  ElapsedRaw\n1001     resnet   7200\n"), F());
    }

    void importedRowsAreAppendedKeepingTheTable()
    {
        const HardwareTable hw = testHardware();
        const ModelTableOptions options{ScoreScale::Percent, &hw};
        const QByteArray original = "model,task,dataset,score,notes\r\nA,classification,ImageNet,80,\"a, b\"\r\n";
        const ModelTable table = ModelTable::fromCsv(original, QStringLiteral("mine.csv"), options);
        ImportOptions o;
        o.hardware = &hw;
        o.sumRuns = true;
        o.task = QStringLiteral("classification");
        o.dataset = QStringLiteral("CIFAR-10");
        o.score = 95.0;
        const ImportResult r = importRuns(ImportFormat::CodeCarbon, test::kCodeCarbonCurrent, QStringLiteral("e.csv"), o);
        QVERIFY(!r.rows.empty());
        const ModelTable after = appendImportedRows(table, r.rows, options);
        QCOMPARE(after.fileName(), QStringLiteral("mine.csv"));
        QCOMPARE(int(after.rows().size()), 1 + int(r.rows.size()));
        // The row that was there keeps its cells and line ending; the header gains the new columns.
        QCOMPARE(after.csv().value(0, QStringLiteral("notes")), std::optional<QString>(QStringLiteral("a, b")));
        QVERIFY(after.toCsv().startsWith("model,task,dataset,score,notes,"));
        QVERIFY(after.toCsv().contains("A,classification,ImageNet,80,\"a, b\","));
        QVERIFY(after.toCsv().endsWith("\r\n"));
        // resnet50-cifar10, exp-1 (lines 2 and 3): 1.25 + 1.75 kWh and 0.5 + 0.7 kg measured.
        const ModelRow& first = after.rows().at(1);
        QCOMPARE(first.model, r.rows[0].model);
        QVERIFY(near(first.energyKwh.value(), 3.0));
        QVERIFY(near(first.co2Kg.value(), 1.2));
        QCOMPARE(first.provenance, std::optional<HoursProvenance>(HoursProvenance::Measured));
        QVERIFY2(after.errorMessages().isEmpty(), qPrintable(after.errorMessages().join('\n')));
    }

    void epochRowsWaitForTheirScore()
    {
        const HardwareTable hw = testHardware();
        ImportOptions o;
        o.hardware = &hw;
        const ImportResult r = importRuns(ImportFormat::Epoch, test::kEpoch, QStringLiteral("epoch.csv"), o);
        QCOMPARE(r.rows.size(), std::size_t(2));
        const ImportedRow& a = r.rows[0];
        QCOMPARE(a.model, QStringLiteral("Example CNN A"));
        QCOMPARE(a.task, QStringLiteral("classification"));
        QCOMPARE(a.dataset, QStringLiteral("ImageNet"));
        QVERIFY(!a.score);
        QVERIFY(a.notes.contains(QLatin1String("score to be filled in")));
        QCOMPARE(*a.paramsMillions, 25.6);     // 25,600,000 parameters
        QCOMPARE(*a.trainingFlops, 1.2e18);
        QCOMPARE(*a.wallHours, 48.0);
        QCOMPARE(*a.deviceCount, 8);           // 384 device-hours
        QCOMPARE(a.hoursProvenance, QStringLiteral("reported"));
        QCOMPARE(a.device, QStringLiteral("Test V100"));
        QCOMPARE(a.year, QStringLiteral("2017"));
        QCOMPARE(a.confidence, QStringLiteral("Confident"));
        QVERIFY(a.notes.contains(QLatin1String("hardware utilization 0.35")));
        QVERIFY(a.source.contains(QLatin1String("https://example.org/a")));
        const ImportedRow& b = r.rows[1];
        QCOMPARE(b.task, QStringLiteral("detection"));
        QVERIFY(!b.wallHours && !b.deviceCount && b.hoursProvenance.isEmpty());
        QVERIFY(b.device.isEmpty());
        QVERIFY(issuesOfLine(r, 3, ImportIssue::Severity::Warning).first().contains(QLatin1String("\"Google TPU v9\" is not in the hardware table")));
        QCOMPARE(issuesOfLine(r, 4, ImportIssue::Severity::Error), QStringList{QStringLiteral("Parameters: \"lots\" is not a number greater than zero")});
        QCOMPARE(issuesOfLine(r, 5, ImportIssue::Severity::Error), QStringList{QStringLiteral("Model: is empty")});
        QCOMPARE(issuesOfLine(r, 6, ImportIssue::Severity::Error), QStringList{QStringLiteral("Hardware quantity: \"2.5\" is not a whole number of devices")});
        bool scoreWarning = false;
        for (const ImportIssue& i : r.issues)
            scoreWarning |= i.line == 0 && i.reason.startsWith(QLatin1String("2 of 2 imported models have no score"));
        QVERIFY(scoreWarning);
    }

    void importedTableIsAModelTableTheReportUses()
    {
        const HardwareTable hw = testHardware();
        ImportOptions o;
        o.hardware = &hw;
        o.sumRuns = true;
        o.task = QStringLiteral("classification");
        o.dataset = QStringLiteral("CIFAR-10");
        o.score = 95.0;
        const ImportResult r = importRuns(ImportFormat::CodeCarbon, test::kCodeCarbonCurrent, QStringLiteral("e.csv"), o);
        const QByteArray csv = importedRowsToCsv(r.rows);
        // Every column of the bundled corpus is written.
        const CsvTable corpus(parseCsv(bundledCorpusCsv()));
        for (int c = 0; c < corpus.columnCount(); ++c)
            QVERIFY2(importedColumns().contains(corpus.columnName(c)), qPrintable(corpus.columnName(c)));
        ModelTableOptions tableOptions;
        tableOptions.hardware = &hw;
        const ModelTable table = ModelTable::fromCsv(csv, QStringLiteral("imported.csv"), tableOptions);
        QVERIFY2(table.errorMessages().isEmpty(), qPrintable(table.errorMessages().join('\n')));
        QCOMPARE(table.rows().size(), std::size_t(2));
        QCOMPARE(*table.rows()[0].provenance, HoursProvenance::Measured);
        QVERIFY(near(*table.rows()[0].co2Kg, 1.2));
        // The report takes measured CO2 as it is, whatever its own intensity and PUE.
        ReportSettings s;
        s.kgPerKwh = 0.1;
        s.pue = 1.5;
        const Report report = buildReport(table, hw, {}, s);
        const ModelResult& m = report.models[0];
        QVERIFY(near(*m.co2Kg, 1.2));
        QVERIFY(near(*m.energyKwh, 3.0));
        QCOMPARE(m.co2Provenance, QStringLiteral("measured"));
        QCOMPARE(*m.deviceHours, 5.0); // 2.5 wall hours x 2 GPUs
        QCOMPARE(m.hoursProvenance, QStringLiteral("measured"));
        s.method = Co2Method::PaperEq1;
        QVERIFY(near(*buildReport(table, hw, {}, s).models[0].co2Kg, 1.2));
    }

    void trainingFlopsEstimateTheHours()
    {
        // Epoch's row A without its training time: the hours come from the total training compute.
        const HardwareTable hw = testHardware();
        const QByteArray csv = "model,task,dataset,score,device,training_flops\n"
                               "a,classification,ImageNet,76,Test V100,1.2e18\n"
                               "b,classification,ImageNet,77,,1.2e18\n";
        ModelTableOptions options;
        options.hardware = &hw;
        const ModelTable table = ModelTable::fromCsv(csv, QStringLiteral("t.csv"), options);
        QVERIFY2(table.errorMessages().isEmpty(), qPrintable(table.errorMessages().join('\n')));
        ReportSettings s; // utilisation 0.33
        const Report report = buildReport(table, hw, {}, s);
        const double hours = 1.2e18 / (15.7e12 * 0.33) / 3600; // FLOP / (FLOP/s) / (s/h)
        QVERIFY(near(*report.models[0].deviceHours, hours));
        QCOMPARE(report.models[0].hoursProvenance, QStringLiteral("estimated"));
        QVERIFY(near(*report.models[0].co2Kg, hours * 300 / 1000 * 0.707));
        QVERIFY(!report.models[1].deviceHours);
        QCOMPARE(report.models[1].hoursReason, QStringLiteral("no training time given, and no estimate without device"));
    }

    void measuredEnergyAloneUsesTheIntensity()
    {
        const QByteArray csv = "model,task,dataset,score,energy_kwh,hours_provenance,wall_hours\n"
                               "run,classification,CIFAR-10,90,10,measured,3\n"
                               "other,classification,CIFAR-10,91,,,\n";
        const ModelTable table = ModelTable::fromCsv(csv, QStringLiteral("t.csv"));
        QVERIFY2(table.errorMessages().isEmpty(), qPrintable(table.errorMessages().join('\n')));
        QVERIFY(table.issues().empty()); // measured energy: wall_hours without device_count is fine
        ReportSettings s;
        s.kgPerKwh = 0.4;
        const Report report = buildReport(table, HardwareTable(), {}, s);
        QCOMPARE(*report.models[0].co2Kg, 4.0); // 10 kWh x 0.4 kg/kWh
        QCOMPARE(report.models[0].co2Provenance, QStringLiteral("measured-energy"));
        QVERIFY(!report.models[1].co2Kg);
        const ModelTable bad = ModelTable::fromCsv("model,task,dataset,score,co2_kg,hours_provenance\n"
                                                   "x,classification,C,1,-2,guessed\n", QStringLiteral("b.csv"));
        QCOMPARE(bad.errorMessages().size(), 2);
        QVERIFY(bad.errorMessages()[0].contains(QLatin1String("\"hours_provenance\"")));
        QVERIFY(bad.errorMessages()[0].contains(QLatin1String("estimated, measured")));
        QVERIFY(bad.errorMessages()[1].contains(QLatin1String("column \"co2_kg\": -2 must not be negative")));
    }
};

QTEST_GUILESS_MAIN(ImportsTest)
#include "test_imports.moc"

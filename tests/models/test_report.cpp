// The report: CO2, NoFADE, Pareto and marginal cost per model, complexity and fit per dataset,
// its JSON ("nofade.report/1") and its spreadsheet-safe CSV, on a crafted table with the
// expected numbers worked out here.
#include <cmath>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include "timing_slack.h"

#include "models/bundled_data.h"
#include "models/csv_document.h"
#include "models/dataset_complexity.h"
#include "models/hardware_table.h"
#include "models/model_table.h"
#include "models/report_builder.h"
#include "models/report_csv.h"
#include "models/report_json.h"
#include "models/spreadsheet_csv.h"
#include "profile/profile.h"

using namespace nofade;

namespace {

bool close(double a, double b, double rel = 1e-12)
{
    return std::abs(a - b) <= rel * std::max(std::abs(a), std::abs(b));
}

const HardwareTable& hardware()
{
    static const HardwareTable hw = [] {
        QStringList errors;
        return HardwareTable::fromCsv("name,kind,tdp_watts,peak_tflops_fp32,aliases\n"
                                      "NVIDIA Tesla V100 SXM2 16GB,gpu,300,15.7,V100\n"
                                      "Intel Xeon E5-2699 v3,cpu,145,0.7,\n",
                                      QStringLiteral("hw.csv"), &errors);
    }();
    return hw;
}

// ImageNet: five models on V100 with reported device-hours (CO2 = h x 300 / 1000 x 0.707 kg):
//   A 10 h -> 2.121 kg, 70; B 20 h -> 4.242 kg, 76; C 40 h -> 8.484 kg, 74 (dominated by B);
//   D 80 h -> 16.968 kg, 80; E 160 h -> 33.936 kg, 81.
// Bad: text score, still gets CO2. COCO: two rows, one spelled "MS COCO". Cityscapes: no complexity.
const QByteArray kTable =
    "model,task,dataset,score,compute,compute_unit,device,device_hours,hours_provenance,source\n"
    "A,classification,ImageNet,70,1,GFLOPs,V100,10,reported,s\n"
    "B,classification,ImageNet,76,2,GMACs,V100,20,reported,s\n"
    "C,classification,ImageNet,74,4,GFLOPs,V100,40,derived,s\n"
    "D,classification,ImageNet,80,8,GFLOPs,V100,80,reported,s\n"
    "E,classification,ImageNet,81,16,GFLOPs,V100,160,reported,s\n"
    "Bad,classification,ImageNet,lots,16,GFLOPs,V100,1,reported,s\n"
    "\"=HYPERLINK(\"\"http://x\"\")\",detection,MS COCO,40,86,GFLOPs,V100,100,reported,s\n"
    "R,detection,COCO,38,,,V100,50,reported,s\n"
    "S,segmentation,Cityscapes,70,3,GFLOPs,,,,s\n";

Report build(const ReportSettings& settings = {}, std::vector<ComplexityInput> complexities = {})
{
    ModelTableOptions options;
    options.hardware = &hardware();
    const ModelTable table = ModelTable::fromCsv(kTable, QStringLiteral("crafted.csv"), options);
    if (complexities.empty()) {
        complexities.push_back(typedComplexity(QStringLiteral("imagenet"), 3.0, QStringLiteral("test")));
        ComplexityInput coco; // as a profile gives it: C_H, and no C_JS
        coco.dataset = QStringLiteral("COCO");
        coco.entropy = 4.5;
        coco.jensenShannonReason = QStringLiteral("no labels");
        coco.source = QStringLiteral("profile coco.json");
        complexities.push_back(coco);
    }
    return buildReport(table, hardware(), complexities, settings);
}

const ModelResult& model(const Report& r, const QString& name)
{
    for (const ModelResult& m : r.models)
        if (m.model == name)
            return m;
    qFatal("no model %s", qPrintable(name));
}

const DatasetResult& dataset(const Report& r, const QString& name)
{
    for (const DatasetResult& d : r.datasets)
        if (d.name == name)
            return d;
    qFatal("no dataset %s", qPrintable(name));
}

} // namespace

class ReportTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void co2AndNoFadePerModel()
    {
        const Report r = build();
        QVERIFY(close(*model(r, "A").co2Kg, 10 * 300 / 1000.0 * 0.707)); // 2.121
        QVERIFY(close(*model(r, "E").co2Kg, 33.936));
        // NoFADE = score x C / ln(f): A: 70 x 3 / ln(1e9) = 210 / 20.7232658 = 10.1335
        QVERIFY(close(*model(r, "A").nofade, 70 * 3.0 / std::log(1e9)));
        // B counts MACs: f = 2 x 2e9 = 4e9; 76 x 3 / ln(4e9)
        QCOMPARE(*model(r, "B").flops, 4e9);
        QVERIFY(close(*model(r, "B").nofade, 76 * 3.0 / std::log(4e9)));
        // COCO is a detection dataset: C_H = 4.5; 40 x 4.5 / ln(86e9)
        const ModelResult& link = model(r, "=HYPERLINK(\"http://x\")");
        QVERIFY(close(*link.nofade, 40 * 4.5 / std::log(86e9)));
        QVERIFY(model(r, "R").nofadeReason.contains(QLatin1String("no forward compute")));
        QVERIFY(!model(r, "S").co2Kg);
        QVERIFY(model(r, "S").nofadeReason.contains(QLatin1String("no complexity for this dataset")));
        // The flagged row keeps its CO2; NoFADE says why not.
        const ModelResult& bad = model(r, "Bad");
        QVERIFY(bad.flagged);
        QVERIFY(close(*bad.co2Kg, 0.2121));
        QCOMPARE(bad.nofadeReason, QStringLiteral("no valid score"));
        QCOMPARE(bad.issues.size(), 1);
        QVERIFY(bad.issues[0].contains(QLatin1String("row 6 (line 7), column \"score\"")));
        QCOMPARE(r.tableErrors.size(), 1);
    }

    void datasetsAndAliases()
    {
        const Report r = build();
        QCOMPARE(r.datasets.size(), std::size_t(3)); // ImageNet, COCO (incl. "MS COCO"), Cityscapes
        const DatasetResult& coco = dataset(r, "COCO");
        QCOMPARE(coco.models, 2);
        QCOMPARE(coco.measure, QStringLiteral("C_H"));
        QCOMPARE(*coco.complexity, 4.5);
        QCOMPARE(coco.complexitySource, QStringLiteral("profile coco.json"));
        QCOMPARE(coco.fit.reason, QStringLiteral("a fit needs at least 4 models with CO2 and a score; this dataset has 2"));
        const DatasetResult& imagenet = dataset(r, "ImageNet");
        QCOMPARE(imagenet.measure, QStringLiteral("C_JS"));
        QCOMPARE(imagenet.complexitySource, QStringLiteral("typed in: test"));
        QCOMPARE(imagenet.modelsWithCo2, 5); // "Bad" has CO2 but no score
        QVERIFY(imagenet.fit.log);
        // Switching COCO to C_JS, which its profile lacks: no NoFADE, and the reason why.
        ReportSettings s;
        s.measures.insert(QStringLiteral("coco"), ComplexityMeasure::JensenShannon);
        const Report switched = build(s);
        QVERIFY(!dataset(switched, "COCO").complexity);
        QCOMPARE(dataset(switched, "COCO").complexityReason, QStringLiteral("the profile has no C_JS: no labels"));
        QVERIFY(!model(switched, "R").nofade);
    }

    void paretoAndMarginalCost()
    {
        const Report r = build();
        QVERIFY(model(r, "A").pareto && model(r, "B").pareto && !model(r, "C").pareto);
        QVERIFY(model(r, "D").pareto && model(r, "E").pareto);
        // B vs A: (4.242 - 2.121) / (76 - 70) = 0.3535 kg per point
        QVERIFY(close(*model(r, "B").marginalKgPerPoint, (4.242 - 2.121) / 6.0, 1e-9));
        // D vs B (C is off the front): (16.968 - 4.242) / (80 - 76) = 3.1815
        QVERIFY(close(*model(r, "D").marginalKgPerPoint, (16.968 - 4.242) / 4.0, 1e-9));
        QCOMPARE(model(r, "D").previousParetoModel, QStringLiteral("B"));
        // E vs D: (33.936 - 16.968) / 1 = 16.968: ten times D's price per point
        QVERIFY(close(*model(r, "E").marginalKgPerPoint, 16.968, 1e-9));
        QCOMPARE(model(r, "A").marginalReason, QStringLiteral("the cheapest model on the Pareto front"));
        QVERIFY(model(r, "Bad").marginalReason.contains(QLatin1String("no valid score")));
    }

    void complexityFromAProfile()
    {
        ProfileSource source;
        source.path = QStringLiteral("/data/fashion-mnist");
        Profile p = makeEmptyProfile(ProfileSettings{}, source, {QStringLiteral("a"), QStringLiteral("b")});
        for (double e : {2.0, 4.0, 6.0}) // C_H = (2 + 4 + 6) / 3 = 4
            p.moments.add(e);
        const ComplexityInput in = complexityFromProfile(p, QString(), QStringLiteral("/tmp/fm.json"));
        QCOMPARE(in.dataset, QStringLiteral("fashion-mnist"));
        QCOMPARE(*in.entropy, 4.0);
        QCOMPARE(in.jensenShannon.has_value(), p.jsd().complexity.has_value());
        QVERIFY(in.source.startsWith(QLatin1String("profile fm.json (3 images")));
        const ChosenComplexity js = chooseComplexity(in, ComplexityMeasure::JensenShannon);
        QVERIFY(!js.value); // empty classes: no pairs
        QVERIFY(js.reason.startsWith(QLatin1String("the profile has no C_JS: ")));
        QCOMPARE(*chooseComplexity(in, ComplexityMeasure::Entropy).value, 4.0);
        QCOMPARE(*chooseComplexity(typedComplexity("x", 2.5, "n"), ComplexityMeasure::Entropy).value, 2.5);
    }

    void jsonCarriesSchemaSettingsAndReasons()
    {
        ReportSettings s;
        s.method = Co2Method::PaperEq1;
        s.kgPerKwh = 0.475;
        const QJsonObject j = QJsonDocument::fromJson(reportToJsonBytes(build(s))).object();
        QCOMPARE(j.value("schema").toString(), QStringLiteral("nofade.report/1"));
        const QJsonObject settings = j.value("settings").toObject();
        QCOMPARE(settings.value("method").toString(), QStringLiteral("paper-eq1"));
        QVERIFY(settings.value("method_label").toString().contains(QLatin1String("as published")));
        QCOMPARE(settings.value("carbon_intensity_kg_per_kwh").toDouble(), 0.475);
        for (const char* key : {"utilisation", "mac_as_two_flops", "score_scale", "log_base", "knee_threshold_points_per_decade",
                                "paper_eq1_cpu", "pue_note"})
            QVERIFY2(settings.contains(key), key);
        const QJsonArray models = j.value("models").toArray();
        QCOMPARE(models.size(), 9);
        const QJsonObject a = models[0].toObject();
        for (const char* key : {"model", "dataset", "task", "score", "flops", "device_hours", "hours_provenance", "energy_kwh",
                                "co2_kg", "nofade", "pareto", "marginal_kg_per_point"})
            QVERIFY2(a.contains(key), key);
        // paper-eq1 for A: 1e9 x (300/15.7e12 + 145/0.7e12) x 10 h / 1000 x 0.475 kg
        QVERIFY(close(a.value("co2_kg").toDouble(), 1e9 * (300 / 15.7e12 + 145 / 0.7e12) * 10 / 1000 * 0.475, 1e-12));
        const QJsonObject s9 = models[8].toObject();
        QVERIFY(s9.value("co2_kg").isNull());
        QVERIFY(!s9.value("co2_kg_reason").toString().isEmpty());
        QVERIFY(s9.value("nofade").isNull());
        QVERIFY(!s9.value("nofade_reason").toString().isEmpty());
        const QJsonArray datasets = j.value("datasets").toArray();
        const QJsonObject coco = datasets[1].toObject();
        QCOMPARE(coco.value("dataset").toString(), QStringLiteral("COCO"));
        QVERIFY(coco.value("fit").isNull());
        QVERIFY(coco.value("fit_reason").toString().contains(QLatin1String("at least 4")));
        QCOMPARE(coco.value("complexity_source").toString(), QStringLiteral("profile coco.json"));
        const QJsonObject fit = datasets[0].toObject().value("fit").toObject();
        for (const char* key : {"model", "y_max", "r2", "headroom", "knee_log10_co2"})
            QVERIFY2(fit.contains(key), key);
        QCOMPARE(j.value("table_errors").toArray().size(), 1);
    }

    void jsonReloadsToTheSameJson()
    {
        ReportSettings eq1;
        eq1.method = Co2Method::PaperEq1;
        eq1.measures.insert(QStringLiteral("coco"), ComplexityMeasure::JensenShannon);
        for (const ReportSettings& s : {ReportSettings{}, eq1}) {
            const Report original = build(s);
            QString error;
            const auto reloaded = reportFromJsonBytes(reportToJsonBytes(original), &error);
            QVERIFY2(reloaded, qPrintable(error));
            QCOMPARE(reportToJsonBytes(*reloaded), reportToJsonBytes(original));
            QCOMPARE(reloaded->models.size(), original.models.size());
            QCOMPARE(*reloaded->models[1].marginalKgPerPoint, *original.models[1].marginalKgPerPoint);
            QCOMPARE(reloaded->datasets[1].key, QStringLiteral("coco"));
        }
        // The bundled corpus: a saturation fit (ImageNet), fewer than 4 models (Cityscapes) and more.
        QStringList hwErrors;
        const HardwareTable hw = loadHardwareTable(&hwErrors, QStringLiteral("/nonexistent.csv"));
        ModelTableOptions options;
        options.hardware = &hw;
        const Report corpus = buildReport(ModelTable::fromCsv(bundledCorpusCsv(), "bundled corpus", options), hw,
                                          {typedComplexity("ImageNet", 3.2, "t")}, ReportSettings{});
        QVERIFY(dataset(corpus, "ImageNet").fit.saturation);
        QString error;
        const auto reloaded = reportFromJsonBytes(reportToJsonBytes(corpus), &error);
        QVERIFY2(reloaded, qPrintable(error));
        QCOMPARE(reportToJsonBytes(*reloaded), reportToJsonBytes(corpus));
        QCOMPARE(dataset(*reloaded, "ImageNet").fit.saturation->yMax, dataset(corpus, "ImageNet").fit.saturation->yMax);

        // A straight line in log10 CO2: the saturation fit is refused, the log fit stands in.
        const ModelTable line = ModelTable::fromCsv("model,task,dataset,score,device,device_hours\n"
                                                    "a,detection,COCO,60,V100,1\nb,detection,COCO,65,V100,10\n"
                                                    "c,detection,COCO,70,V100,100\nd,detection,COCO,75,V100,1000\n",
                                                    "line.csv", options);
        const Report logFit = buildReport(line, hw, {}, ReportSettings{});
        QVERIFY(!logFit.datasets[0].fit.saturation && logFit.datasets[0].fit.log);
        const auto logReloaded = reportFromJsonBytes(reportToJsonBytes(logFit), &error);
        QVERIFY2(logReloaded, qPrintable(error));
        QCOMPARE(reportToJsonBytes(*logReloaded), reportToJsonBytes(logFit));
        QCOMPARE(logReloaded->datasets[0].fit.saturationReason, logFit.datasets[0].fit.saturationReason);

        QVERIFY(!reportFromJsonBytes("{\"schema\": \"nofade.profile/1\"}", &error));
        QVERIFY(error.contains(QLatin1String("is not nofade.report/1")));
        QJsonObject broken = reportToJson(build());
        QJsonArray models = broken.value("models").toArray();
        QJsonObject first = models[0].toObject();
        first.insert("co2_kg", "lots");
        models[0] = first;
        broken.insert("models", models);
        QVERIFY(!reportFromJson(broken, &error));
        QCOMPARE(error, QStringLiteral("models[0].co2_kg: neither a number nor null"));
        QVERIFY(!reportFromJsonBytes("{not json", &error));
        QVERIFY(error.startsWith(QLatin1String("not JSON")));
    }

    void tenThousandRowsReport()
    {
        // 10,000 models on one dataset, every 100th with a bad score; hours h = 1 + i % 500.
        QByteArray bytes = "model,task,dataset,score,compute,compute_unit,device,device_hours,hours_provenance\n";
        for (int i = 0; i < 10000; ++i) {
            const QByteArray score = i % 100 == 99 ? QByteArray("?") : QByteArray::number(60 + 30 * (1 - std::exp(-(i % 500) / 100.0)), 'f', 3);
            bytes += "m" + QByteArray::number(i) + ",classification,ImageNet," + score + ",4,GFLOPs,V100," + QByteArray::number(1 + i % 500) + ",reported\n";
        }
        ModelTableOptions options;
        options.hardware = &hardware();
        QElapsedTimer clock;
        clock.start();
        const ModelTable table = ModelTable::fromCsv(bytes, QStringLiteral("big.csv"), options);
        const Report r = buildReport(table, hardware(), {typedComplexity("ImageNet", 3.0, "t")}, ReportSettings{});
        const QByteArray json = reportToJsonBytes(r);
        const QByteArray csv = reportToCsv(r);
        // A hang detector, not a speed check (bench/ measures speed).
        QVERIFY2(clock.elapsed() < 20000 * test::kTimingSlack, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(r.models.size(), std::size_t(10000));
        QCOMPARE(r.tableErrors.size(), 100);
        QCOMPARE(r.models[99].issues.size(), 1);
        QCOMPARE(r.datasets[0].modelsWithCo2, 9900);
        // Scores follow 60 + 30 (1 - exp(-(h - 1) / 100)) with x = log10(h x 0.2121): a rising, levelling curve.
        QVERIFY(r.datasets[0].fit.saturation || r.datasets[0].fit.log);
        QVERIFY(json.size() > 0 && csv.count('\n') == 10001);
    }

    void csvExportIsSpreadsheetSafe()
    {
        const QByteArray csv = reportToCsv(build());
        const CsvDocument doc = parseCsv(csv);
        QVERIFY(doc.problems.isEmpty());
        QCOMPARE(doc.records.size(), 10);
        QCOMPARE(doc.records[0].cell(0), QStringLiteral("model"));
        QCOMPARE(doc.records[0].cells.size(), reportCsvColumns().size());
        // The formula-looking model name is made text; the numbers stay numbers.
        QCOMPARE(doc.records[7].cell(0), QStringLiteral("'=HYPERLINK(\"http://x\")"));
        QCOMPARE(doc.records[7].cell(4), QStringLiteral("40"));
        QCOMPARE(doc.records[1].cell(reportCsvColumns().indexOf("co2_kg")), QStringLiteral("2.121"));
        QCOMPARE(doc.records[1].cell(reportCsvColumns().indexOf("pareto")), QStringLiteral("true"));

        const QByteArray cells = writeSpreadsheetCsv({"name", "value"},
                                                     {{ExportCell::plain("+1 555"), ExportCell::number(-5.25)},
                                                      {ExportCell::plain("-2+3"), ExportCell::number(-1e-7)},
                                                      {ExportCell::plain("@SUM(A1)"), ExportCell::number(0)},
                                                      {ExportCell::plain("\tcmd"), ExportCell::number(std::nullopt)},
                                                      {ExportCell::plain("plain, text"), ExportCell::number(12)}});
        QCOMPARE(cells, QByteArray("name,value\r\n'+1 555,-5.25\r\n'-2+3,-1e-07\r\n'@SUM(A1),0\r\n'\tcmd,\r\n\"plain, text\",12\r\n"));
    }
};

QTEST_GUILESS_MAIN(ReportTest)
#include "test_report.moc"

// `nofade-cli report` end to end through the built executable: the bundled corpus, a scanned
// Fashion-MNIST profile, typed-in complexities, bad input and the exit codes.
#include <cmath>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "models/bundled_data.h"
#include "models/csv_document.h"
#include "models/csv_table.h"
#include "test_support.h"

namespace {

const QString kFashionMnist = QStringLiteral("/usr/share/datasets/fashion-mnist");

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run cli(const QStringList& args)
{
    QProcess p;
    p.start(QStringLiteral(NOFADE_CLI), args);
    Run r;
    if (!p.waitForFinished(120000))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

} // namespace

using nofade::test::readJson;

class ReportCliTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void bundledCorpusGivesCo2AndNoFadeOrSaysWhy()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath("r.json");
        const Run run = cli({"report", "--complexity", "ImageNet=3.2", "--complexity", "MS COCO=4.1", "--out", out});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(run.out.contains("Report on bundled corpus"));
        const QJsonObject report = readJson(out);
        QCOMPARE(report.value("schema").toString(), QStringLiteral("nofade.report/1"));
        QCOMPARE(report.value("table_errors").toArray().size(), 0);

        // What each corpus row offers, read straight from the bundled CSV.
        const nofade::CsvTable corpus(nofade::parseCsv(nofade::bundledCorpusCsv()));
        const QJsonArray models = report.value("models").toArray();
        QCOMPARE(models.size(), corpus.dataRecords().size());
        int co2 = 0, nofade = 0, estimated = 0;
        for (int i = 0; i < models.size(); ++i) {
            const QJsonObject m = models[i].toObject();
            const QString name = m.value("model").toString();
            QCOMPARE(name, corpus.value(i, "model").value());
            auto has = [&](const char* column) { return !corpus.value(i, column).value_or(QString()).isEmpty(); };
            const bool hours = has("device_hours") || (has("wall_hours") && has("device_count"));
            const bool estimable = has("compute") && has("epochs") && has("images_per_epoch") && has("device");
            // Every row that has or can estimate training time, on a device of the table, has CO2.
            if (has("device") && (hours || estimable)) {
                QVERIFY2(!m.value("co2_kg").isNull(), qPrintable(name + ": " + m.value("co2_kg_reason").toString()));
                QVERIFY(m.value("co2_kg").toDouble() > 0);
                if (!hours)
                    QCOMPARE(m.value("hours_provenance").toString(), QStringLiteral("estimated"));
            }
            if (m.value("co2_kg").isNull())
                QVERIFY2(!m.value("co2_kg_reason").toString().isEmpty(), qPrintable(name));
            else
                ++co2;
            estimated += m.value("hours_provenance").toString() == QLatin1String("estimated") ? 1 : 0;
            // NoFADE for every row of a dataset with a complexity that has a score and FLOPs.
            const QString dataset = m.value("dataset").toString();
            const bool complexity = dataset == QLatin1String("ImageNet") || dataset == QLatin1String("MS COCO");
            if (complexity && has("compute")) {
                QVERIFY2(!m.value("nofade").isNull(), qPrintable(name + ": " + m.value("nofade_reason").toString()));
                const double c = dataset == QLatin1String("ImageNet") ? 3.2 : 4.1;
                const double expected = m.value("score").toDouble() * c / std::log(m.value("flops").toDouble());
                QVERIFY(std::abs(m.value("nofade").toDouble() - expected) < 1e-9 * expected);
            }
            if (m.value("nofade").isNull())
                QVERIFY2(!m.value("nofade_reason").toString().isEmpty(), qPrintable(name));
            else
                ++nofade;
        }
        QVERIFY(co2 >= 15);
        QVERIFY(estimated >= 10);
        QVERIFY(nofade >= 25);
        // The summary says why for the rest.
        QVERIFY(run.out.contains("ENet (Cityscapes): no CO2: "));
        // Per dataset: complexity with its source, a fit or the reason for none.
        for (const QJsonValue v : report.value("datasets").toArray()) {
            const QJsonObject d = v.toObject();
            QVERIFY(d.value("fit").isObject() || !d.value("fit_reason").toString().isEmpty());
            if (d.value("dataset").toString() == QLatin1String("COCO")) {
                QCOMPARE(d.value("complexity").toDouble(), 4.1);
                QCOMPARE(d.value("complexity_measure").toString(), QStringLiteral("C_H"));
                QVERIFY(d.value("complexity_source").toString().contains("typed in"));
            }
        }
    }

    void scannedProfileGivesTheComplexity()
    {
        if (!QFileInfo::exists(kFashionMnist))
            QSKIP("dataset-fashion-mnist is not installed");
        QTemporaryDir dir;
        const QString profile = dir.filePath("fm.json");
        const Run scan = cli({"scan", kFashionMnist, "--out", profile});
        QVERIFY2(scan.exitCode == 0, scan.err.constData());
        const double cjs = readJson(profile).value("complexity").toObject().value("js").toDouble();
        const double ch = readJson(profile).value("complexity").toObject().value("entropy").toDouble();
        QVERIFY(cjs > 0 && ch > 0);
        // Four models on "Fashion-MNIST" (the profile's folder is "fashion-mnist") with hours on V100.
        const QString models = dir.filePath("fm-models.csv");
        QVERIFY(writeFile(models, "model,task,dataset,score,compute,compute_unit,device,device_hours,hours_provenance,source\n"
                                  "m1,classification,Fashion-MNIST,89.0,0.01,GFLOPs,V100,0.5,reported,test\n"
                                  "m2,classification,FashionMNIST,91.5,0.1,GFLOPs,V100,2,reported,test\n"
                                  "m3,classification,Fashion-MNIST,93.0,1,GFLOPs,V100,8,reported,test\n"
                                  "m4,classification,Fashion-MNIST,93.6,10,GFLOPs,V100,32,reported,test\n"
                                  "m5,classification,Fashion-MNIST,93.8,40,GFLOPs,V100,128,reported,test\n"));
        const QString out = dir.filePath("r.json");
        const QString csv = dir.filePath("r.csv");
        const Run run = cli({"report", "--models", models, "--profile", profile, "--out", out, "--csv", csv});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject report = readJson(out);
        const QJsonObject d = report.value("datasets").toArray().at(0).toObject();
        QCOMPARE(d.value("dataset").toString(), QStringLiteral("Fashion-MNIST"));
        QCOMPARE(d.value("complexity_measure").toString(), QStringLiteral("C_JS"));
        QCOMPARE(d.value("complexity").toDouble(), cjs);
        QVERIFY(d.value("complexity_source").toString().startsWith("profile fm.json (70000 images"));
        QVERIFY(d.value("fit").isObject());
        // m1: 89.0 x C_JS / ln(1e7)
        const QJsonObject m1 = report.value("models").toArray().at(0).toObject();
        QVERIFY(std::abs(m1.value("nofade").toDouble() - 89.0 * cjs / std::log(1e7)) < 1e-9);
        // CO2 of m2: 2 h x 300 W / 1000 x 0.707 = 0.4242 kg
        QCOMPARE(report.value("models").toArray().at(1).toObject().value("co2_kg").toDouble(), 0.4242);
        // --measure switches to C_H.
        const Run switched = cli({"report", "--models", models, "--profile", "Fashion-MNIST=" + profile,
                                  "--measure", "fashion-mnist=C_H", "--out", out});
        QVERIFY2(switched.exitCode == 0, switched.err.constData());
        QCOMPARE(readJson(out).value("datasets").toArray().at(0).toObject().value("complexity").toDouble(), ch);
        QVERIFY(QFileInfo(csv).size() > 0);
    }

    void settingsChangeTheNumbersAndAreRecorded()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath("r.json");
        const Run run = cli({"report", "--region", "world", "--pue", "1.58", "--out", out});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject r = readJson(out);
        QCOMPARE(r.value("settings").toObject().value("carbon_intensity_kg_per_kwh").toDouble(), 0.475);
        QCOMPARE(r.value("settings").toObject().value("pue").toDouble(), 1.58);
        for (const QJsonValue v : r.value("models").toArray()) {
            const QJsonObject m = v.toObject();
            if (m.value("model").toString() == QLatin1String("DETR R50")) {
                // 1867 h x 300 W x 1.58 / 1000 = 884.958 kWh; x 0.475 = 420.35505 kg
                QVERIFY(std::abs(m.value("energy_kwh").toDouble() - 884.958) < 1e-9);
                QVERIFY(std::abs(m.value("co2_kg").toDouble() - 420.35505) < 1e-9);
            }
        }
        // JSON to standard output, the summary to stderr.
        const Run piped = cli({"report", "--method", "paper-eq1", "--out", "-"});
        QCOMPARE(piped.exitCode, 0);
        const QJsonObject fromStdout = QJsonDocument::fromJson(piped.out).object();
        QCOMPARE(fromStdout.value("settings").toObject().value("method").toString(), QStringLiteral("paper-eq1"));
        QVERIFY(piped.err.contains("Report on bundled corpus (paper-eq1"));
    }

    void intervalsNextPointAndWhatIf()
    {
        // The bundled corpus with fewer draws and replicates (the defaults are 10,000 and 1,000).
        const Run run = cli({"report", "--draws", "2000", "--bootstrap", "100", "--pue", "1.2", "--embodied", "--out", "-"});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.err.contains("  ImageNet (classification)") && run.err.contains("    next point: "), run.err.constData());
        QVERIFY(run.err.contains("    families: saturating-exp"));
        const QJsonObject r = QJsonDocument::fromJson(run.out).object();
        const QJsonObject u = r.value("settings").toObject().value("uncertainty").toObject();
        QCOMPARE(u.value("draws").toInt(), 2000);
        QCOMPARE(u.value("pue").toArray(), (QJsonArray{1.2, 1.2})); // --pue alone fixes the range
        QVERIFY(r.value("settings").toObject().value("life_cycle").toObject().value("embodied").toBool());
        int withInterval = 0;
        for (const QJsonValue v : r.value("models").toArray()) {
            const QJsonObject m = v.toObject();
            if (m.value("co2_kg").isNull())
                continue;
            const QJsonArray i = m.value("co2_kg_interval").toArray();
            QVERIFY(i[0].toDouble() <= m.value("co2_kg_median").toDouble() && m.value("co2_kg_median").toDouble() <= i[1].toDouble());
            QVERIFY(m.value("co2_terms").toObject().value("embodied").toDouble() > 0.0);
            ++withInterval;
        }
        QVERIFY(withInterval > 20);
        const QJsonObject imagenet = r.value("datasets").toArray()[0].toObject();
        QCOMPARE(imagenet.value("fits").toArray().size(), 4);
        QVERIFY(imagenet.value("chosen_family").isString());
        QVERIFY(imagenet.value("next_point_co2_kg").toObject().contains("reachable"));
        // --fixed-inputs: every median is the point value.
        const Run fixed = cli({"report", "--fixed-inputs", "--draws", "1000", "--bootstrap", "0", "--out", "-"});
        QCOMPARE(fixed.exitCode, 0);
        for (const QJsonValue v : QJsonDocument::fromJson(fixed.out).object().value("models").toArray())
            QCOMPARE(v.toObject().value("co2_kg_median"), v.toObject().value("co2_kg"));
        // What if: regions and accelerators, ranked.
        const Run what = cli({"report", "--what-if", "DETR R50", "--draws", "0", "--bootstrap", "0"});
        QCOMPARE(what.exitCode, 0);
        QVERIFY(what.out.contains("What if DETR R50 (MS COCO, row 38)"));
        QVERIFY(what.out.contains("by accelerator") && what.out.contains("*"));
        // Usage errors.
        QCOMPARE(cli({"report", "--what-if", "No such model"}).exitCode, 2);
        QCOMPARE(cli({"report", "--seed", "x"}).exitCode, 2);
        QCOMPARE(cli({"report", "--pue-range", "1.5:1.2"}).exitCode, 2);
        const Run lonely = cli({"report", "--use-rate", "0.5"});
        QCOMPARE(lonely.exitCode, 2);
        QVERIFY(lonely.err.contains("--use-rate needs --embodied"));
    }

    void badInputIsNamedAndNotFatal()
    {
        QTemporaryDir dir;
        const QString models = dir.filePath("bad.csv");
        QVERIFY(writeFile(models, "\xEF\xBB\xBFmodel,task,dataset,score,compute,compute_unit,device,device_hours\r\n"
                                  "ok,detection,COCO,40,10,GFLOPs,V100,10\r\n"
                                  "\"=cmd|' /C calc'!A0\",detection,COCO,forty,10,GFLOPs,Abacus,10\r\n"));
        const QString out = dir.filePath("r.json");
        const QString csv = dir.filePath("r.csv");
        const Run run = cli({"report", "--models", models, "--out", out, "--csv", csv});
        QCOMPARE(run.exitCode, 0);
        const QString err = QString::fromUtf8(run.err);
        QVERIFY2(err.contains(models + ": row 2 (line 3), column \"score\": \"forty\" is not a number"), run.err.constData());
        QVERIFY(err.contains(models + ": row 2 (line 3), column \"device\": \"Abacus\" is not in the hardware table"));
        const QJsonObject r = readJson(out);
        QCOMPARE(r.value("models").toArray().size(), 2);
        QCOMPARE(r.value("table_errors").toArray().size(), 2);
        QVERIFY(r.value("models").toArray().at(1).toObject().value("flagged").toBool());
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains("\n'=cmd|' /C calc'!A0,"));

        QCOMPARE(cli({"report", "--models", dir.filePath("missing.csv")}).exitCode, 1);
        QCOMPARE(cli({"report", "--method", "guess"}).exitCode, 2);
        QCOMPARE(cli({"report", "--pue", "0.5"}).exitCode, 2);
        QCOMPARE(cli({"report", "--complexity", "ImageNet"}).exitCode, 2);
        QCOMPARE(cli({"report", "--region", "Atlantis"}).exitCode, 2);
        QCOMPARE(cli({"report", "--intensity", "0.3", "--region", "world"}).exitCode, 2);
        const Run noProfile = cli({"report", "--profile", dir.filePath("nope.json")});
        QCOMPARE(noProfile.exitCode, 1);
        QVERIFY(noProfile.err.contains("nope.json"));
    }
};

QTEST_GUILESS_MAIN(ReportCliTest)
#include "test_report_cli.moc"

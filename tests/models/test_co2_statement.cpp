// `nofade-cli report --statement`: every number of the LaTeX paragraph is a report JSON value (or
// a sum or count of them) at 3 significant digits (printf's %.3g, docs/CLI.md); special characters
// of model names are escaped; the .bib parses with a strict reader (tests/golden/bibtex_check.py,
// python3-bibtexparser) and holds every key the paragraph cites.
#include <cmath>
#include <cstdio>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include "models/carbon_table.h"
#include "models/co2_statement.h"
#include "models/pue_table.h"
#include "test_support.h"

namespace {

using nofade::test::readJson;
using nofade::test::runCli;
using nofade::test::writeFile;

// The special model's name, and how it must read in LaTeX (written by hand).
const QString kSpecialName = QStringLiteral("Net_50% & #1 {v2} ~x^2 $5 \\ok");
const QString kSpecialTex = QStringLiteral(
    "Net\\_50\\% \\& \\#1 \\{v2\\} \\textasciitilde{}x\\textasciicircum{}2 \\$5 \\textbackslash{}ok");

// Reported hours on 4 V100; hours estimated from compute on an A100; wall hours x 8 devices
// (derived); measured energy and CO2; measured energy only; no CO2 at all.
const QByteArray kTable =
    "model,task,dataset,score,compute,compute_unit,device,device_count,device_hours,wall_hours,hours_provenance,"
    "epochs,images_per_epoch,energy_kwh,co2_kg,source\n"
    "\"Net_50% & #1 {v2} ~x^2 $5 \\ok\",classification,CIFAR-10,91.5,0.56,GFLOPs,V100,4,123.456,,reported,,,,,s\n"
    "Wide,classification,CIFAR-10,95.1,5.2,GFLOPs,A100,,,,,200,50000,,,s\n"
    "Derived,classification,CIFAR-10,93,1,GFLOPs,V100,8,,12.5,derived,,,,,s\n"
    "Measured,classification,CIFAR-10,90,1,GFLOPs,,,,,,,,3.21,1.2345,s\n"
    "MeasuredEnergy,classification,CIFAR-10,89,1,GFLOPs,,,,,,,,7.77,,s\n"
    "NoCo2,classification,CIFAR-10,80,1,GFLOPs,,,,,,,,,,s\n";

// The documented rule, written independently of the code: %.3g, read back.
double rounded(double v)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.3g", v);
    return std::strtod(buffer, nullptr);
}

bool sameNumber(double a, double b)
{
    return std::abs(a - b) <= 1e-12 * std::max(std::abs(a), std::abs(b));
}

struct Paragraph {
    QString tex;
    QString bib;
    QJsonObject report;
    QString error;
};

Paragraph run(const QTemporaryDir& dir, const QStringList& extra)
{
    Paragraph p;
    const QString table = dir.filePath("table.csv");
    if (!writeFile(table, kTable)) {
        p.error = QStringLiteral("cannot write the table");
        return p;
    }
    const auto r = runCli(QStringList{"report", "--models", table, "--out", dir.filePath("r.json"), "--statement",
                                      dir.filePath("co2.tex")} + extra, 60000);
    if (r.exitCode != 0) {
        p.error = QString::fromUtf8(r.err);
        return p;
    }
    QFile tex(dir.filePath("co2.tex")), bib(dir.filePath("co2.bib"));
    if (!tex.open(QIODevice::ReadOnly) || !bib.open(QIODevice::ReadOnly)) {
        p.error = QStringLiteral("co2.tex or co2.bib missing");
        return p;
    }
    p.tex = QString::fromUtf8(tex.readAll());
    p.bib = QString::fromUtf8(bib.readAll());
    p.report = readJson(dir.filePath("r.json"));
    return p;
}

// The paragraph without its comment lines, citations, "CO$_2$" and the names of models, datasets,
// devices and the region (which hold digits that are not quantities).
QString quantitiesOnly(QString tex, const QJsonObject& report)
{
    tex.remove(QRegularExpression(QStringLiteral("^%[^\\n]*\\n"), QRegularExpression::MultilineOption));
    tex.remove(QRegularExpression(QStringLiteral("\\\\cite\\{[^}]*\\}")));
    tex.remove(QStringLiteral("CO$_2$"));
    tex.remove(kSpecialTex);
    for (const QJsonValue v : report.value("models").toArray()) {
        const QJsonObject m = v.toObject();
        for (const char* key : {"model", "dataset", "device"})
            if (!m.value(key).toString().isEmpty())
                tex.remove(m.value(key).toString());
    }
    tex.remove(QStringLiteral("France"));
    tex.remove(QStringLiteral("FP32"));
    return tex;
}

QList<double> numbersIn(const QString& text)
{
    QList<double> out;
    static const QRegularExpression number(QStringLiteral("(?<![\\w.])\\d+(?:\\.\\d+)?(?![\\w.]|\\.\\d)"));
    for (auto it = number.globalMatch(text); it.hasNext();)
        out << it.next().captured(0).toDouble();
    return out;
}

// The number where NUM stands in the pattern.
double captured(const QString& text, QString pattern)
{
    pattern.replace(QStringLiteral("NUM"), QStringLiteral("(\\d+(?:\\.\\d+)?)"));
    const auto m = QRegularExpression(pattern).match(text);
    return m.hasMatch() ? m.captured(1).toDouble() : std::nan("");
}

QJsonObject model(const QJsonObject& report, const QString& name)
{
    for (const QJsonValue v : report.value("models").toArray())
        if (v.toObject().value("model").toString() == name)
            return v.toObject();
    return {};
}

} // namespace

class Co2StatementTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void totalNumbersAreTheReportsRounded_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("hardware-energy") << QStringList{};
        QTest::newRow("paper-eq1") << QStringList{"--method", "paper-eq1"};
        QTest::newRow("life cycle") << QStringList{"--idle", "--embodied", "--lifetime-years", "4"};
    }

    void totalNumbersAreTheReportsRounded()
    {
        QFETCH(QStringList, args);
        QTemporaryDir dir;
        const Paragraph p = run(dir, args);
        QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
        const QJsonObject s = p.report.value("settings").toObject();
        // Sums and counts over the JSON's models, as the paragraph states them.
        double co2 = 0, energy = 0, hours = 0;
        int withCo2 = 0, withEnergy = 0, withHours = 0, reported = 0, derived = 0, estimated = 0, measured = 0;
        const QJsonArray models = p.report.value("models").toArray();
        for (const QJsonValue v : models) {
            const QJsonObject m = v.toObject();
            if (m.value("co2_kg").isNull())
                continue;
            ++withCo2;
            co2 += m.value("co2_kg").toDouble();
            if (!m.value("energy_kwh").isNull()) {
                ++withEnergy;
                energy += m.value("energy_kwh").toDouble();
            }
            if (!m.value("device_hours").isNull()) {
                ++withHours;
                hours += m.value("device_hours").toDouble();
                const QString prov = m.value("hours_provenance").toString();
                reported += prov == QLatin1String("reported");
                derived += prov == QLatin1String("derived");
                estimated += prov == QLatin1String("estimated");
            }
            measured += m.value("co2_provenance").toString().startsWith(QLatin1String("measured"));
        }
        QCOMPARE(models.size(), 6);
        QCOMPARE(withCo2, 5);
        QCOMPARE(reported, 1);
        QCOMPARE(derived, 1);
        QCOMPARE(estimated, 1);
        QCOMPARE(measured, 2);
        // The headline numbers, each where the sentence puts it.
        const QString tex = p.tex;
        QVERIFY(sameNumber(captured(tex, "together they emitted NUM~kg"), rounded(co2)));
        QVERIFY(sameNumber(captured(tex, "(?:used|had energy terms of) NUM~kWh"), rounded(energy)));
        QVERIFY(sameNumber(captured(tex, "took NUM device-hours"), rounded(hours)));
        QVERIFY(sameNumber(captured(tex, "intensity of NUM~kg"), rounded(s.value("carbon_intensity_kg_per_kwh").toDouble())));
        const QJsonObject life = s.value("life_cycle").toObject();
        QList<double> lifeCycle;
        if (args.contains("--embodied")) {
            QVERIFY(life.value("idle").toBool() && life.value("embodied").toBool());
            QCOMPARE(life.value("lifetime_years").toDouble(), 4.0);
            for (const char* key : {"idle_share", "embodied_device_kg", "embodied_server_kg", "devices_per_server",
                                    "lifetime_years", "use_rate"})
                lifeCycle << rounded(life.value(key).toDouble());
            QVERIFY(sameNumber(captured(tex, "energy, NUM times the operational"), lifeCycle[0]));
            QVERIFY(sameNumber(captured(tex, "over NUM years"), 4.0));
            QVERIFY(tex.contains("luccioni2023bloom"));
        } else {
            QVERIFY(!tex.contains("luccioni2023bloom"));
        }
        if (!args.contains("--method")) {
            QVERIFY(sameNumber(captured(tex, "PUE of NUM"), rounded(s.value("pue").toDouble())));
            // The default PUE is the PUE table's workstation row, named in the JSON and the text.
            QVERIFY(s.value("pue_source").toString().startsWith("Workstation"));
            QVERIFY(tex.contains("(a workstation, without data-centre overhead)"));
        }
        else
            QVERIFY(tex.contains("without a power usage effectiveness (PUE) factor") && s.value("pue").isNull());
        QVERIFY(sameNumber(captured(tex, "at NUM of the device's peak"), rounded(s.value("utilisation").toDouble())));
        QVERIFY(sameNumber(captured(tex, "Of the NUM models"), models.size()));
        // Every number of the paragraph is one of these values.
        const QList<double> expected = QList<double>{rounded(co2), rounded(energy), rounded(hours),
                                        rounded(s.value("carbon_intensity_kg_per_kwh").toDouble()),
                                        rounded(s.value("pue").toDouble(1.0)), rounded(s.value("utilisation").toDouble()),
                                        double(models.size()), double(withCo2), double(withEnergy), double(withHours),
                                        double(reported), double(derived), double(estimated), double(measured)}
                                       + lifeCycle;
        const QList<double> found = numbersIn(quantitiesOnly(tex, p.report));
        QVERIFY(found.size() >= 10);
        for (double v : found)
            QVERIFY2(std::any_of(expected.begin(), expected.end(), [&](double e) { return sameNumber(v, e); }),
                     qPrintable(QStringLiteral("%1 in: %2").arg(v).arg(tex)));
        // The paper's default intensity cites its EPA source; every cited key is in the .bib.
        QVERIFY(tex.contains("epa_ghg_equivalencies"));
    }

    void chosenModelsStateTheirOwnNumbers()
    {
        QTemporaryDir dir;
        const Paragraph p = run(dir, {"--region", "France", "--pue", "1.5", "--statement-models",
                                      kSpecialName + ",Derived", "--statement-models", "Measured"});
        QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
        const QStringList lines = p.tex.split('\n');
        auto lineOf = [&](const QString& name) {
            for (const QString& l : lines)
                if (l.startsWith(QStringLiteral("\\emph{%1}").arg(name)))
                    return l;
            return QString();
        };
        // Escaped by hand; the raw name's special characters never reach the paragraph.
        const QString special = lineOf(kSpecialTex);
        QVERIFY2(!special.isEmpty(), qPrintable(p.tex));
        QVERIFY(!p.tex.contains(kSpecialName));
        for (const auto& [name, line] : {std::pair{kSpecialName, special}, std::pair{QStringLiteral("Derived"), lineOf("Derived")}}) {
            const QJsonObject m = model(p.report, name);
            QVERIFY(!line.isEmpty());
            const QList<double> n = numbersIn(quantitiesOnly(line + '\n', p.report));
            // hours, device count, energy, CO2, in that order
            QCOMPARE(n.size(), 4);
            QVERIFY(sameNumber(n[0], rounded(m.value("device_hours").toDouble())));
            QCOMPARE(n[1], m.value("device_count").toDouble());
            QVERIFY(sameNumber(n[2], rounded(m.value("energy_kwh").toDouble())));
            QVERIFY(sameNumber(n[3], rounded(m.value("co2_kg").toDouble())));
            QVERIFY(line.contains(m.value("device").toString()));
        }
        QVERIFY(special.contains("(as reported)"));
        QVERIFY(lineOf("Derived").contains("(derived from the reported training time)"));
        const QJsonObject measured = model(p.report, "Measured");
        const QString measuredLine = lineOf("Measured");
        QVERIFY(measuredLine.contains("measured during training"));
        QVERIFY(measuredLine.startsWith("\\emph{Measured} (CIFAR-10): its "));
        const QList<double> mn = numbersIn(quantitiesOnly(measuredLine + '\n', p.report));
        QCOMPARE(mn.size(), 2);
        QVERIFY(sameNumber(mn[0], rounded(measured.value("energy_kwh").toDouble())));
        QVERIFY(sameNumber(mn[1], rounded(measured.value("co2_kg").toDouble())));
        // The total of the three, the PUE and France's intensity with its Green Algorithms source.
        double total = 0;
        for (const char* name : {"Derived", "Measured"})
            total += model(p.report, name).value("co2_kg").toDouble();
        total += model(p.report, kSpecialName).value("co2_kg").toDouble();
        QVERIFY(sameNumber(captured(p.tex, "Together these 3 models emitted NUM~kg"), rounded(total)));
        const QJsonObject s = p.report.value("settings").toObject();
        QCOMPARE(s.value("pue").toDouble(), 1.5);
        QVERIFY(sameNumber(captured(p.tex, "PUE of NUM"), 1.5));
        QVERIFY(sameNumber(captured(p.tex, "intensity of NUM~kg"), rounded(s.value("carbon_intensity_kg_per_kwh").toDouble())));
        QVERIFY(p.tex.contains("France; Green Algorithms~\\cite{greenalgorithms_ci,lannelongue2021green}"));
        QString error;
        const QJsonObject bib = nofade::test::runReference("bibtex_check.py", {dir.filePath("co2.bib")}, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(bib.value(dir.filePath("co2.bib")).toObject().value("keys").toArray().size(), 4);
        QVERIFY(lineOf("Wide").isEmpty());
        QVERIFY(lineOf("NoCo2").isEmpty());
    }

    // Each family of intensity sources, as `nofade-cli report --region` names them, through the core
    // call the GUI uses; all .bib files are read in one run of the strict reader.
    void bibParsesStrictlyAndHoldsEveryCitedKey()
    {
        struct Case {
            QString region;
            QStringList mustCite;
            QString pue; // a provider of resources/pue.csv, as --pue NAME gives it
        };
        const QList<Case> cases = {
            {"EPA", {"fu2021nofade", "lacoste2019quantifying", "lannelongue2021green", "epa_ghg_equivalencies"}, {}},
            {"France", {"greenalgorithms_ci", "lannelongue2021green", "greenalgorithms_pue"}, "gcp"},
            {"aws us-east-1", {"mlco2impact_data", "lacoste2019quantifying", "epa_egrid"}, {}},
            {"Canada", {"owid_energy", "codecarbon"}, {}},
            {"World", {"greenalgorithms_ci", "codecarbon"}, {}},
            {"Strubell", {"strubell2019energy"}, "strubell"},
            {"life cycle", {"luccioni2023bloom"}, {}}, // EPA with idle and embodied terms
            {"", {"fu2021nofade"}, {}}, // typed in
        };
        nofade::Report report;
        nofade::ModelResult m;
        m.model = QStringLiteral("M");
        m.device = QStringLiteral("V100");
        m.deviceHours = 3.0;
        m.hoursProvenance = QStringLiteral("reported");
        m.energyKwh = 0.9;
        m.co2Kg = 0.5;
        m.co2Provenance = QStringLiteral("computed");
        report.models.push_back(m);
        const nofade::CarbonTable carbon = nofade::CarbonTable::bundled();
        const nofade::PueTable pues = nofade::PueTable::bundled();
        QTemporaryDir dir;
        QStringList files;
        QList<nofade::Co2Statement> statements;
        for (const Case& c : cases) {
            report.settings.lifeCycle.idle = report.settings.lifeCycle.embodied = c.region == QLatin1String("life cycle");
            if (c.region == QLatin1String("life cycle")) {
                report.settings.kgPerKwh = nofade::kPaperCarbonIntensity;
                report.settings.intensitySource = QStringLiteral("EPA AVERT U.S. marginal rate (the paper's factor)");
            } else if (c.region.isEmpty()) {
                report.settings.kgPerKwh = 0.2;
                report.settings.intensitySource = QStringLiteral("custom value (--intensity)");
            } else {
                const nofade::CarbonIntensity* row = carbon.find(c.region);
                QVERIFY2(row, qPrintable(c.region));
                report.settings.kgPerKwh = row->kgPerKwh;
                report.settings.intensitySource = QStringLiteral("%1 (%2; %3)").arg(row->region, row->year, row->source);
            }
            report.settings.pueSource.clear();
            if (!c.pue.isEmpty()) {
                const nofade::ProviderPue* p = pues.find(c.pue);
                QVERIFY(p);
                report.settings.pue = p->pue;
                report.settings.pueSource = QStringLiteral("%1 (%2)").arg(p->provider, p->source);
            }
            QString error;
            const auto st = nofade::co2Statement(report, {}, QStringLiteral("co2"), &error);
            QVERIFY2(st, qPrintable(error));
            files << dir.filePath(QStringLiteral("s%1.bib").arg(files.size()));
            QVERIFY(writeFile(files.last(), st->bib.toUtf8()));
            statements << *st;
        }
        QString error;
        const QJsonObject parsed = nofade::test::runReference("bibtex_check.py", files, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        for (int i = 0; i < cases.size(); ++i) {
            QStringList keys;
            for (const QJsonValue v : parsed.value(files[i]).toObject().value("keys").toArray())
                keys << v.toString();
            QStringList cited;
            static const QRegularExpression cite(QStringLiteral("\\\\cite\\{([^}]*)\\}"));
            for (auto it = cite.globalMatch(statements[i].tex); it.hasNext();)
                cited << it.next().captured(1).split(',');
            QVERIFY(!cited.isEmpty());
            for (const QString& key : cited)
                QVERIFY2(keys.contains(key), qPrintable(cases[i].region + ": " + key + " is cited but not in the .bib"));
            for (const QString& key : keys)
                QVERIFY2(cited.contains(key), qPrintable(cases[i].region + ": " + key + " is in the .bib but never cited"));
            for (const QString& key : cases[i].mustCite)
                QVERIFY2(cited.contains(key), qPrintable(cases[i].region + ": " + key + " not cited in: " + statements[i].tex));
        }
        QVERIFY(statements.last().tex.contains("a value chosen by the authors"));
    }

    void strictReaderRejectsABrokenBib()
    {
        QTemporaryDir dir;
        const QByteArray good = "@misc{a,\n  title = {T},\n  url = {https://example.org}\n}\n";
        QString error;
        QVERIFY(writeFile(dir.filePath("good.bib"), good));
        nofade::test::runReference("bibtex_check.py", {dir.filePath("good.bib")}, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(writeFile(dir.filePath("bad.bib"), good + "@misc{b,\n  title = {T}\n  url = {x}\n}\n"));
        nofade::test::runReference("bibtex_check.py", {dir.filePath("bad.bib")}, &error);
        QVERIFY(error.contains("parsed 1 entries of 2"));
    }

    void badSelectionsAreRefused()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath("table.csv"), kTable));
        const QString table = dir.filePath("table.csv");
        auto r = runCli({"report", "--models", table, "--statement", dir.filePath("x.tex"), "--statement-models", "Nope"}, 60000);
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("no model named \"Nope\""));
        r = runCli({"report", "--models", table, "--statement", dir.filePath("x.tex"), "--statement-models", "NoCo2"}, 60000);
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("\"NoCo2\"") && r.err.contains("has no CO2"));
        QVERIFY(!QFile::exists(dir.filePath("x.tex")));
        r = runCli({"report", "--models", table, "--statement-models", "Wide"}, 60000);
        QCOMPARE(r.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(Co2StatementTest)
#include "test_co2_statement.moc"

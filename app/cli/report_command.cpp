#include "report_command.h"

#include <algorithm>
#include <cmath>
#include <QCommandLineParser>
#include <QFileInfo>

#include "cli_support.h"
#include "report_uncertainty.h"
#include "models/bundled_data.h"
#include "models/carbon_table.h"
#include "models/co2_statement.h"
#include "models/dataset_names.h"
#include "models/hardware_table.h"
#include "models/model_table.h"
#include "models/pue_table.h"
#include "models/report_builder.h"
#include "models/report_csv.h"
#include "models/report_json.h"
#include "models/text_values.h"
#include "profile/profile_json.h"

namespace nofade::cli {

namespace {

constexpr int kHelpShown = -1;

struct ReportRequest {
    QString models;      // empty: the bundled corpus
    QString hardware;    // empty: the user's file in the app data folder
    QStringList profiles;
    QStringList complexities;
    ReportSettings settings;
    QString out;
    QString csv;
    QString statement;          // FILE.tex; FILE.bib beside it
    QStringList statementModels; // empty: the total
    QStringList whatIf;
};

int usageError(const QString& message)
{
    printErr(QStringLiteral("nofade-cli report: %1\n").arg(message));
    return kUsage;
}

// "NAME=VALUE" -> (NAME, VALUE), split at the last '=' so names may contain one.
bool splitAssignment(const QString& text, QString* name, QString* value)
{
    const qsizetype eq = text.lastIndexOf(QLatin1Char('='));
    if (eq <= 0)
        return false;
    *name = text.left(eq).trimmed();
    *value = text.mid(eq + 1).trimmed();
    return !name->isEmpty() && !value->isEmpty();
}

int parseReportArguments(const QStringList& args, ReportRequest& r)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Training energy, CO2 and NoFADE of every model in a model table, the Pareto front and the\n"
        "diminishing-returns fit of every dataset (docs/CLI.md, docs/MODELS.md)."));
    parser.addHelpOption();
    auto option = [&](const QString& name, const QString& help, const QString& value = QString(),
                      const QString& fallback = QString()) {
        const QCommandLineOption o(QStringList{name}, help, value, fallback);
        parser.addOption(o);
        return o;
    };
    const auto models = option(QStringLiteral("models"), QStringLiteral("Model table CSV (default: the bundled corpus)."), QStringLiteral("FILE"));
    const auto profile = option(QStringLiteral("profile"), QStringLiteral("A scan profile giving a dataset's complexity; [DATASET=]P.json, "
                                "the dataset named after the scanned folder by default. Repeatable."), QStringLiteral("P.json"));
    const auto complexity = option(QStringLiteral("complexity"), QStringLiteral("A dataset complexity typed in, DATASET=VALUE. Repeatable."),
                                   QStringLiteral("DATASET=VALUE"));
    const auto measure = option(QStringLiteral("measure"), QStringLiteral("Complexity measure of a dataset, DATASET=C_JS|C_H|SI|bpp|ID|F1|N1|CSG "
                                "(default C_JS for classification, C_H otherwise; the others from a profile scanned with "
                                "--measures). Repeatable."), QStringLiteral("DATASET=M"));
    const auto method = option(QStringLiteral("method"), QStringLiteral("hardware-energy (default) | paper-eq1 (the paper's Eq. 1, as published)."),
                               QStringLiteral("METHOD"), QStringLiteral("hardware-energy"));
    const auto pue = option(QStringLiteral("pue"), QStringLiteral("Power usage effectiveness, a number or a provider of the bundled "
                            "PUE table: aws, gcp, azure, unknown... (default 1.0; hardware-energy only; see --list-regions)."),
                            QStringLiteral("X"), QStringLiteral("1.0"));
    const auto intensity = option(QStringLiteral("intensity"), QStringLiteral("Carbon intensity in kg CO2 per kWh (default 0.707, the paper's EPA factor)."),
                                  QStringLiteral("KG_PER_KWH"));
    const auto region = option(QStringLiteral("region"), QStringLiteral("Carbon intensity of a region of the bundled table (see --list-regions)."),
                               QStringLiteral("NAME"));
    const auto listRegions = option(QStringLiteral("list-regions"), QStringLiteral("List the bundled carbon intensities and default PUEs, and exit."));
    const auto utilisation = option(QStringLiteral("utilisation"), QStringLiteral("Share of peak FP32 throughput reached, for estimated training time (default 0.33)."),
                                    QStringLiteral("U"), QStringLiteral("0.33"));
    const auto macFlops = option(QStringLiteral("mac-flops"), QStringLiteral("FLOPs per multiply-accumulate: 2 (default) or 1."),
                                 QStringLiteral("N"), QStringLiteral("2"));
    const auto scoreScale = option(QStringLiteral("score-scale"), QStringLiteral("The table's scores: percent (default) | fraction."),
                                   QStringLiteral("SCALE"), QStringLiteral("percent"));
    const auto logBase = option(QStringLiteral("log-base"), QStringLiteral("Logarithm of the FLOPs in NoFADE: ln (default) | log10 | log2."),
                                QStringLiteral("BASE"), QStringLiteral("ln"));
    const auto threshold = option(QStringLiteral("knee-threshold"), QStringLiteral("Diminishing-returns point: where the fitted gain falls below this many "
                                  "score points per 10x CO2 (default 1)."), QStringLiteral("POINTS"), QStringLiteral("1"));
    const auto eq1Cpu = option(QStringLiteral("eq1-cpu"), QStringLiteral("CPU of paper-eq1's omega_c (default Intel Xeon E5-2699 v3)."),
                               QStringLiteral("NAME"), QStringLiteral("Intel Xeon E5-2699 v3"));
    const auto hardware = option(QStringLiteral("hardware"), QStringLiteral("Your own devices, a CSV that overrides the bundled table "
                                 "(default: %1).").arg(userHardwareFile()), QStringLiteral("FILE"));
    const auto out = option(QStringLiteral("out"), QStringLiteral("Write the report JSON to FILE (- for standard output)."), QStringLiteral("FILE"));
    const auto csv = option(QStringLiteral("csv"), QStringLiteral("Write one CSV row per model to FILE (- for standard output)."), QStringLiteral("FILE"));
    const auto statement = option(QStringLiteral("statement"), QStringLiteral("Write the paper's CO2 paragraph to FILE.tex and the "
                                  "sources it cites to FILE.bib beside it."), QStringLiteral("FILE.tex"));
    const auto statementModels = option(QStringLiteral("statement-models"), QStringLiteral("The models the paragraph states, "
                                        "NAME[,NAME...]. Repeatable. Default: the total of every model with CO2."),
                                        QStringLiteral("NAMES"));
    const UncertaintyOptions uncertainty;
    uncertainty.addTo(parser);
    if (!parser.parse(args))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(commandHelp(parser, QStringLiteral("nofade-cli report")));
        return kHelpShown;
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("unexpected argument \"%1\"; see --help").arg(parser.positionalArguments().first()));
    if (parser.isSet(listRegions)) {
        const CarbonTable carbon = CarbonTable::bundled();
        for (const CarbonIntensity& c : carbon.regions())
            printOut(QStringLiteral("%1  %2  %3\n").arg(formatNumber(c.kgPerKwh).leftJustified(7), c.region, c.source));
        printOut(QStringLiteral("\nDefault PUE per provider (--pue NAME):\n"));
        const PueTable pues = PueTable::bundled();
        for (const ProviderPue& p : pues.providers())
            printOut(QStringLiteral("%1  %2 (%3)  %4\n").arg(formatNumber(p.pue).leftJustified(7), p.provider,
                                                            p.aliases.join(QStringLiteral(", ")), p.source));
        return kHelpShown;
    }
    ReportSettings& s = r.settings;
    r.models = parser.value(models);
    r.hardware = parser.value(hardware);
    r.profiles = parser.values(profile);
    r.complexities = parser.values(complexity);
    r.out = parser.value(out);
    r.csv = parser.value(csv);
    r.statement = parser.value(statement);
    r.statementModels = parser.values(statementModels);
    if (r.statement == QLatin1String("-"))
        return usageError(QStringLiteral("--statement needs a file name (FILE.bib is written beside it)"));
    if (!r.statementModels.isEmpty() && r.statement.isEmpty())
        return usageError(QStringLiteral("--statement-models needs --statement FILE.tex"));
    if (r.out == QLatin1String("-") && r.csv == QLatin1String("-"))
        return usageError(QStringLiteral("--out and --csv cannot both be standard output"));
    const auto m = co2MethodFromName(parser.value(method));
    if (!m)
        return usageError(QStringLiteral("--method must be hardware-energy or paper-eq1 (got \"%1\")").arg(parser.value(method)));
    s.method = *m;
    auto number = [&](const QCommandLineOption& o, double* into) {
        const auto v = parseNumber(parser.value(o));
        if (v)
            *into = *v;
        return v.has_value();
    };
    if (!number(pue, &s.pue)) {
        const PueTable pues = PueTable::bundled();
        const ProviderPue* p = pues.find(parser.value(pue));
        if (!p)
            return usageError(QStringLiteral("--pue must be a number or a provider of the PUE table (got \"%1\"; see --list-regions)")
                                  .arg(parser.value(pue)));
        s.pue = p->pue;
        s.pueSource = QStringLiteral("%1 (%2)").arg(p->provider, p->source);
    } else if (!parser.isSet(pue)) {
        // The default, 1.0, is the table's workstation row.
        const PueTable pues = PueTable::bundled();
        if (const ProviderPue* p = pues.find(QStringLiteral("workstation")); p && p->pue == s.pue)
            s.pueSource = QStringLiteral("%1 (%2)").arg(p->provider, p->source);
    }
    if (parser.isSet(intensity) && parser.isSet(region))
        return usageError(QStringLiteral("give --intensity or --region, not both"));
    if (parser.isSet(intensity)) {
        if (!number(intensity, &s.kgPerKwh))
            return usageError(QStringLiteral("--intensity must be a number of kg CO2 per kWh (got \"%1\")").arg(parser.value(intensity)));
        s.intensitySource = QStringLiteral("custom value (--intensity)");
    }
    if (parser.isSet(region)) {
        const CarbonTable carbon = CarbonTable::bundled();
        const CarbonIntensity* c = carbon.find(parser.value(region));
        if (!c)
            return usageError(QStringLiteral("--region \"%1\" is not in the carbon-intensity table (see --list-regions)").arg(parser.value(region)));
        s.kgPerKwh = c->kgPerKwh;
        s.intensitySource = QStringLiteral("%1 (%2; %3)").arg(c->region, c->year, c->source);
    }
    if (!number(utilisation, &s.utilisation))
        return usageError(QStringLiteral("--utilisation must be a number in (0, 1]"));
    const QString mac = parser.value(macFlops);
    if (mac != QLatin1String("1") && mac != QLatin1String("2"))
        return usageError(QStringLiteral("--mac-flops must be 1 or 2 (got \"%1\")").arg(mac));
    s.macAsTwoFlops = mac == QLatin1String("2");
    const auto scale = scoreScaleFromName(parser.value(scoreScale));
    if (!scale)
        return usageError(QStringLiteral("--score-scale must be percent or fraction"));
    s.nofade.scoreScale = *scale;
    const auto base = logBaseFromName(parser.value(logBase));
    if (!base)
        return usageError(QStringLiteral("--log-base must be ln, log10 or log2"));
    s.nofade.logBase = *base;
    if (!number(threshold, &s.kneeThreshold))
        return usageError(QStringLiteral("--knee-threshold must be a number"));
    s.eq1Cpu = parser.value(eq1Cpu);
    for (const QString& text : parser.values(measure)) {
        QString dataset, name;
        const auto mm = splitAssignment(text, &dataset, &name) ? complexityMeasureFromName(name) : std::nullopt;
        if (!mm)
            return usageError(QStringLiteral("--measure takes DATASET=C_JS, C_H, SI, bpp, ID, F1, N1 or CSG (got \"%1\")").arg(text));
        s.measures.insert(datasetKey(dataset), *mm);
    }
    r.whatIf = parser.values(uncertainty.whatIf);
    if (const QString e = uncertainty.apply(parser, parser.isSet(pue), parser.isSet(intensity) || parser.isSet(region), s); !e.isEmpty())
        return usageError(e);
    const QString invalid = s.validate();
    if (!invalid.isEmpty())
        return usageError(invalid);
    return kOk;
}

// The typed-in and scanned complexities; false (message printed) when one cannot be read.
bool readComplexities(const ReportRequest& r, std::vector<ComplexityInput>* inputs, int* exitCode)
{
    for (const QString& arg : r.profiles) {
        QString dataset, file = arg;
        if (!QFileInfo::exists(arg) && !splitAssignment(arg, &dataset, &file)) {
            printErr(QStringLiteral("nofade-cli report: --profile %1: no such file\n").arg(arg));
            *exitCode = kFailed;
            return false;
        }
        QByteArray bytes;
        QString error;
        if (!readInput(file, &bytes, &error)) {
            printErr(QStringLiteral("nofade-cli report: %1\n").arg(error));
            *exitCode = kFailed;
            return false;
        }
        const auto profile = profileFromJsonBytes(bytes, &error);
        if (!profile) {
            printErr(QStringLiteral("nofade-cli report: %1: %2\n").arg(file, error));
            *exitCode = kFailed;
            return false;
        }
        inputs->push_back(complexityFromProfile(*profile, dataset, file));
    }
    for (const QString& arg : r.complexities) {
        QString dataset, text;
        const auto value = splitAssignment(arg, &dataset, &text) ? parseNumber(text) : std::nullopt;
        if (!value) {
            printErr(QStringLiteral("nofade-cli report: --complexity takes DATASET=VALUE (got \"%1\")\n").arg(arg));
            *exitCode = kUsage;
            return false;
        }
        inputs->push_back(typedComplexity(dataset, *value, QStringLiteral("--complexity %1").arg(arg)));
    }
    return true;
}

QString summaryText(const Report& report)
{
    const int total = int(report.models.size());
    const int co2 = report.count([](const ModelResult& m) { return m.co2Kg.has_value(); });
    const int estimated = report.count([](const ModelResult& m) {
        return m.co2Kg.has_value() && m.hoursProvenance == QLatin1String("estimated");
    });
    const int measured = report.count([](const ModelResult& m) {
        return m.co2Kg.has_value() && m.co2Provenance.startsWith(QLatin1String("measured"));
    });
    const int nofade = report.count([](const ModelResult& m) { return m.nofade.has_value(); });
    const int flagged = report.count([](const ModelResult& m) { return m.flagged; });
    QString text = QStringLiteral("Report on %1 (%2, %3 kg CO2/kWh): %4 models in %5 datasets; CO2 for %6 "
                                  "(%7 from estimated training time%10), NoFADE for %8, %9 rows with errors\n")
                       .arg(report.modelsSource, co2MethodName(report.settings.method),
                            formatNumber(report.settings.kgPerKwh))
                       .arg(total).arg(report.datasets.size()).arg(co2).arg(estimated).arg(nofade).arg(flagged)
                       .arg(measured > 0 ? QStringLiteral(", %1 measured").arg(measured) : QString());
    text += uncertaintySummary(report.settings);
    for (const DatasetResult& d : report.datasets) {
        text += QStringLiteral("  %1 (%2): %3 models, %4 with CO2; complexity %5")
                    .arg(d.name, d.task).arg(d.models).arg(d.modelsWithCo2)
                    .arg(d.complexity ? QStringLiteral("%1 = %2 (%3)").arg(d.measure, QString::number(*d.complexity, 'g', 5), d.complexitySource)
                                      : QStringLiteral("none"));
        if (d.fit.saturation) {
            const SaturationFit& f = *d.fit.saturation;
            text += QStringLiteral("; saturation fit y_max %1, R2 %2, headroom %3, diminishing returns from 10^%4 kg")
                        .arg(QString::number(f.yMax, 'f', 2), QString::number(f.r2, 'f', 3),
                             QString::number(f.headroom, 'f', 2), f.kneeX ? QString::number(*f.kneeX, 'f', 2) : QStringLiteral("?"));
        } else if (d.fit.log) {
            text += QStringLiteral("; log fit y = %1 + %2 log10(CO2), R2 %3 (no saturation fit: %4)")
                        .arg(QString::number(d.fit.log->a, 'f', 2), QString::number(d.fit.log->b, 'f', 2),
                             QString::number(d.fit.log->r2, 'f', 3), d.fit.saturationReason);
        } else {
            text += QStringLiteral("; no fit: %1").arg(d.fit.reason);
        }
        text += QLatin1Char('\n');
        if (!d.complexityNote.isEmpty())
            text += QStringLiteral("    note: %1\n").arg(d.complexityNote);
        if (d.fit.saturation && !d.fit.saturation->warning.isEmpty())
            text += QStringLiteral("    warning: %1\n").arg(d.fit.saturation->warning);
        text += frontierSummary(d);
    }
    for (const ModelResult& m : report.models) {
        QStringList missing;
        if (!m.co2Kg)
            missing << QStringLiteral("no CO2: ") + m.co2Reason;
        if (!m.nofade)
            missing << QStringLiteral("no NoFADE: ") + m.nofadeReason;
        if (!missing.isEmpty())
            text += QStringLiteral("  row %1 %2 (%3): %4\n").arg(m.row + 1).arg(m.model, m.dataset, missing.join(QStringLiteral("; ")));
    }
    return text;
}

// The model names of --statement-models, split at commas; pieces are joined back where together
// they name a model ("ResNet-50 (pycls, 100 ep)" contains a comma).
QStringList statementModelNames(const QStringList& values, const Report& report)
{
    auto known = [&](const QString& name) {
        return std::any_of(report.models.begin(), report.models.end(), [&](const ModelResult& m) { return m.model == name; });
    };
    QStringList names;
    for (const QString& value : values) {
        const QStringList pieces = value.split(QLatin1Char(','));
        for (qsizetype i = 0; i < pieces.size();) {
            qsizetype take = 1; // the longest run of pieces from i that names a model, else one piece
            for (qsizetype n = pieces.size() - i; n > 1; --n)
                if (known(QStringList(pieces.mid(i, n)).join(QLatin1Char(',')).trimmed())) {
                    take = n;
                    break;
                }
            const QString name = QStringList(pieces.mid(i, take)).join(QLatin1Char(',')).trimmed();
            if (!name.isEmpty())
                names << name;
            i += take;
        }
    }
    return names;
}

// FILE.tex and FILE.bib (FILE without its .tex suffix + ".bib").
bool writeStatement(const ReportRequest& r, const Report& report, QString* error)
{
    QString base = r.statement;
    if (base.endsWith(QLatin1String(".tex"), Qt::CaseInsensitive))
        base.chop(4);
    const QString bibPath = base + QStringLiteral(".bib");
    const auto statement = co2Statement(report, statementModelNames(r.statementModels, report), QFileInfo(base).fileName(), error);
    if (!statement) {
        *error = QStringLiteral("--statement: ") + *error;
        return false;
    }
    return writeOutput(r.statement, statement->tex.toUtf8(), error) && writeOutput(bibPath, statement->bib.toUtf8(), error);
}

} // namespace

int runReportCommand(const QStringList& args)
{
    ReportRequest request;
    const int parsed = parseReportArguments(args, request);
    if (parsed == kHelpShown)
        return kOk;
    if (parsed != kOk)
        return parsed;
    QStringList hardwareErrors;
    if (!request.hardware.isEmpty() && !QFileInfo::exists(request.hardware)) {
        printErr(QStringLiteral("nofade-cli report: --hardware %1: no such file\n").arg(request.hardware));
        return kFailed;
    }
    const HardwareTable hardware = loadHardwareTable(&hardwareErrors, request.hardware);
    for (const QString& e : hardwareErrors)
        printErr(QStringLiteral("nofade-cli report: %1\n").arg(e));
    QByteArray bytes;
    QString name = request.models;
    if (request.models.isEmpty()) {
        bytes = bundledCorpusCsv();
        name = QStringLiteral("bundled corpus");
    } else {
        QString error;
        if (!readInput(request.models, &bytes, &error)) {
            printErr(QStringLiteral("nofade-cli report: %1\n").arg(error));
            return kFailed;
        }
    }
    ModelTableOptions options;
    options.scoreScale = request.settings.nofade.scoreScale;
    options.hardware = &hardware;
    const ModelTable table = ModelTable::fromCsv(bytes, name, options);
    for (const TableIssue& issue : table.issues())
        printErr(QStringLiteral("nofade-cli report: %1\n").arg(table.issueMessage(issue)));
    std::vector<ComplexityInput> complexities;
    int exitCode = kOk;
    if (!readComplexities(request, &complexities, &exitCode))
        return exitCode;
    const Report report = buildReport(table, hardware, complexities, request.settings);
    for (const QString& note : report.notes)
        printErr(QStringLiteral("nofade-cli report: note: %1\n").arg(note));
    QString error;
    if (!request.out.isEmpty() && !writeOutput(request.out, reportToJsonBytes(report), &error)) {
        printErr(QStringLiteral("nofade-cli report: %1\n").arg(error));
        return kFailed;
    }
    if (!request.csv.isEmpty() && !writeOutput(request.csv, reportToCsv(report), &error)) {
        printErr(QStringLiteral("nofade-cli report: %1\n").arg(error));
        return kFailed;
    }
    if (!request.statement.isEmpty() && !writeStatement(request, report, &error)) {
        printErr(QStringLiteral("nofade-cli report: %1\n").arg(error));
        return kFailed;
    }
    QString summary = summaryText(report);
    for (const QString& name : request.whatIf) {
        const QString text = whatIfText(report, name, hardware, CarbonTable::bundled());
        if (text.isEmpty()) {
            printErr(QStringLiteral("nofade-cli report: --what-if \"%1\": no model of that name in the table\n").arg(name));
            return kUsage;
        }
        summary += text;
    }
    if (request.out == QLatin1String("-") || request.csv == QLatin1String("-"))
        printErr(summary);
    else
        printOut(summary);
    return kOk;
}

} // namespace nofade::cli

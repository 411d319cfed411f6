#include "export/figure_export_command.h"

#include <cstdio>
#include <QCommandLineParser>
#include <QFile>
#include <QRegularExpression>

#include <QFileInfo>

#include "chart_kit/chart_palette.h"
#include "complexity/measure_names.h"
#include "complexity/measured_scan.h"
#include "dataset_state/profile_files.h"
#include "datasets/dataset_opener.h"
#include "export/figure_folder_export.h"
#include "export/figure_spec.h"
#include "parallel/feedback.h"
#include "scan/scanner.h"
#include "models/bundled_data.h"
#include "models/hardware_table.h"
#include "models/model_table.h"
#include "models/report_builder.h"
#include "models/report_json.h"

namespace nofade::ui {

namespace {
constexpr int kOk = 0, kFailed = 1, kUsage = 2;

void printErr(const QString& text)
{
    std::fputs(qPrintable(QStringLiteral("nofade --export-figures: %1\n").arg(text)), stderr);
}

bool readFile(const QString& file, QByteArray* bytes, QString* error)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: cannot read: %2").arg(file, f.errorString());
        return false;
    }
    *bytes = f.readAll();
    return true;
}

// The report to draw: a saved report JSON, or one built from a model table (the bundled corpus
// by default) with the typed-in complexities. Nullopt with the message printed and `exit` set.
std::optional<Report> loadReport(const QCommandLineParser& parser, int* exit)
{
    QString error;
    QByteArray bytes;
    const QString reportFile = parser.value(QStringLiteral("report"));
    if (!reportFile.isEmpty()) {
        if (parser.isSet(QStringLiteral("models")) || parser.isSet(QStringLiteral("complexity"))) {
            printErr(QStringLiteral("--report draws a saved report as it is: it takes no --models or --complexity"));
            *exit = kUsage;
            return std::nullopt;
        }
        if (!readFile(reportFile, &bytes, &error)) {
            printErr(error);
            *exit = kFailed;
            return std::nullopt;
        }
        auto report = reportFromJsonBytes(bytes, &error);
        if (!report) {
            printErr(QStringLiteral("%1: %2").arg(reportFile, error));
            *exit = kFailed;
        }
        return report;
    }
    QStringList hardwareErrors;
    const HardwareTable hardware = loadHardwareTable(&hardwareErrors);
    for (const QString& e : std::as_const(hardwareErrors))
        printErr(QStringLiteral("warning: %1").arg(e));
    const ReportSettings settings;
    QString modelsName = QStringLiteral("bundled corpus");
    bytes = bundledCorpusCsv();
    if (parser.isSet(QStringLiteral("models"))) {
        modelsName = parser.value(QStringLiteral("models"));
        if (!readFile(modelsName, &bytes, &error)) {
            printErr(error);
            *exit = kFailed;
            return std::nullopt;
        }
    }
    const ModelTable table = ModelTable::fromCsv(bytes, modelsName, ModelTableOptions{settings.nofade.scoreScale, &hardware});
    std::vector<ComplexityInput> complexities;
    for (const QString& arg : parser.values(QStringLiteral("complexity"))) {
        const int eq = arg.lastIndexOf(QLatin1Char('='));
        bool ok = false;
        const double value = eq > 0 ? arg.mid(eq + 1).trimmed().toDouble(&ok) : 0.0;
        if (!ok || !(value > 0.0)) {
            printErr(QStringLiteral("--complexity takes DATASET=VALUE with a positive number (got \"%1\")").arg(arg));
            *exit = kUsage;
            return std::nullopt;
        }
        complexities.push_back(typedComplexity(arg.left(eq).trimmed(), value, QStringLiteral("--complexity %1").arg(arg)));
    }
    return buildReport(table, hardware, complexities, settings);
}

// A dataset on the command line: a profile JSON (as saved by the application or nofade-cli scan)
// as it is, anything else opened and scanned here with the default settings and, when given,
// the complexity measures (default sample and replicates).
std::optional<FigureDataset> loadDataset(const QString& path, int index, const MeasureSettings* measures, QString* error)
{
    FigureDataset d;
    d.colour = ChartPalette::colour(index);
    const QFileInfo info(path);
    if (info.isFile() && info.suffix().compare(QLatin1String("json"), Qt::CaseInsensitive) == 0) {
        const LoadedProfile loaded = ProfileFiles::load(path);
        if (!loaded.profile) {
            *error = loaded.error;
            return std::nullopt;
        }
        d.name = info.completeBaseName();
        d.profile = loaded.profile;
        d.jsd = loaded.jsd;
        return d;
    }
    OpenedDataset opened = openDataset(path);
    if (!opened.source) {
        *error = opened.error;
        return std::nullopt;
    }
    if (opened.source->itemCount() == 0) {
        *error = QStringLiteral("%1: no images found").arg(path);
        return std::nullopt;
    }
    Feedback feedback;
    auto profile = std::make_shared<Profile>(measures ? scanWithMeasures(*opened.source, ProfileSettings{}, ScanOptions{}, *measures, feedback)
                                                      : scanDataset(*opened.source, ProfileSettings{}, ScanOptions{}, feedback));
    profile->source.path = info.absoluteFilePath();
    d.name = info.fileName();
    d.jsd = std::make_shared<const JsdSummary>(profile->jsd());
    d.profile = std::move(profile);
    return d;
}
} // namespace

void FigureExportCommand::addOptions(QCommandLineParser* parser)
{
    parser->addOptions({
        {QStringLiteral("export-figures"), QStringLiteral("Write the figures of the datasets or profiles given as paths and of the "
                                                          "model table (PNG, SVG, PDF, each with its data as CSV), report.csv, "
                                                          "report.json and settings.json into DIR, without a window, and quit."),
         QStringLiteral("DIR")},
        {QStringLiteral("report"), QStringLiteral("With --export-figures: draw this saved report (nofade.report/1 JSON, e.g. from "
                                                  "nofade-cli report --out)."), QStringLiteral("FILE")},
        {QStringLiteral("models"), QStringLiteral("With --export-figures: the model table CSV (default: the bundled corpus)."), QStringLiteral("FILE")},
        {QStringLiteral("complexity"), QStringLiteral("With --export-figures: a dataset's complexity for NoFADE (repeatable)."),
         QStringLiteral("DATASET=VALUE")},
        {QStringLiteral("style"), QStringLiteral("With --export-figures: screen or publication (default screen)."), QStringLiteral("NAME")},
        {QStringLiteral("font"), QStringLiteral("With --export-figures --style publication: the font family."), QStringLiteral("FAMILY")},
        {QStringLiteral("dpi"), QStringLiteral("With --export-figures: PNG resolution (default 300)."), QStringLiteral("N")},
        {QStringLiteral("size"), QStringLiteral("With --export-figures: figure size in inches (default 6x4)."), QStringLiteral("WxH")},
        {QStringLiteral("colour-by"), QStringLiteral("With --export-figures: point colours: family, task or dataset (default family)."),
         QStringLiteral("NAME")},
        {QStringLiteral("figures"), QStringLiteral("With --export-figures: all (default) or a comma-separated list of histograms, "
                                                   "per-class, class-distances, images, complexity-measures, measure-histograms, measure-prediction, "
                                                   "saturation, nofade."), QStringLiteral("KINDS")},
        {QStringLiteral("formats"), QStringLiteral("With --export-figures: a comma-separated list of png, svg, pdf (default all three)."),
         QStringLiteral("LIST")},
        {QStringLiteral("measures"), QStringLiteral("With --export-figures: the complexity measures to compute when scanning a folder "
                                                    "given as a path: entropy,si,bpp,id,f1,n1,csg or all (profiles keep theirs)."),
         QStringLiteral("LIST")},
    });
}

bool FigureExportCommand::requested(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray a(argv[i]);
        if (a == "--export-figures" || a.startsWith("--export-figures="))
            return true;
    }
    return false;
}

std::vector<char*> FigureExportCommand::withoutStyle(int argc, char** argv)
{
    std::vector<char*> kept;
    for (int i = 0; i < argc; ++i) {
        const QByteArray a(argv[i]);
        if (i > 0 && (a == "--style" || a == "-style")) {
            ++i; // and its value
            continue;
        }
        if (i > 0 && (a.startsWith("--style=") || a.startsWith("-style=")))
            continue;
        kept.push_back(argv[i]);
    }
    return kept;
}

int FigureExportCommand::run(const QCommandLineParser& parser)
{
    FolderExport job;
    const QString dir = parser.value(QStringLiteral("export-figures"));
    if (dir.isEmpty()) {
        printErr(QStringLiteral("needs a folder: --export-figures DIR"));
        return kUsage;
    }
    const QString styleName = parser.isSet(QStringLiteral("style")) ? parser.value(QStringLiteral("style")) : QStringLiteral("screen");
    const auto style = FigureStyle::fromName(styleName);
    if (!style) {
        printErr(QStringLiteral("--style %1: use %2").arg(styleName, FigureStyle::names().join(QStringLiteral(" or "))));
        return kUsage;
    }
    job.style = *style;
    if (parser.isSet(QStringLiteral("font"))) {
        if (!job.style.isPublication()) {
            printErr(QStringLiteral("--font applies to --style publication"));
            return kUsage;
        }
        job.style = FigureStyle::publication(parser.value(QStringLiteral("font")));
    }
    if (parser.isSet(QStringLiteral("dpi"))) {
        bool ok = false;
        job.size.dpi = parser.value(QStringLiteral("dpi")).toInt(&ok);
        if (!ok) {
            printErr(QStringLiteral("--dpi %1: not a whole number").arg(parser.value(QStringLiteral("dpi"))));
            return kUsage;
        }
    }
    if (parser.isSet(QStringLiteral("size"))) {
        static const QRegularExpression wxh(QStringLiteral("^\\s*([0-9.]+)\\s*[xX×]\\s*([0-9.]+)\\s*$"));
        const QRegularExpressionMatch m = wxh.match(parser.value(QStringLiteral("size")));
        bool okW = false, okH = false;
        if (m.hasMatch()) {
            job.size.widthIn = m.captured(1).toDouble(&okW);
            job.size.heightIn = m.captured(2).toDouble(&okH);
        }
        if (!okW || !okH) {
            printErr(QStringLiteral("--size %1: use WIDTHxHEIGHT in inches, e.g. 6x4").arg(parser.value(QStringLiteral("size"))));
            return kUsage;
        }
    }
    if (const QString why = job.size.validate(); !why.isEmpty()) {
        printErr(why);
        return kUsage;
    }
    if (parser.isSet(QStringLiteral("colour-by"))) {
        const auto c = colourByFromName(parser.value(QStringLiteral("colour-by")));
        if (!c) {
            printErr(QStringLiteral("--colour-by %1: use family, task or dataset").arg(parser.value(QStringLiteral("colour-by"))));
            return kUsage;
        }
        job.colourBy = *c;
    }
    const QString figures = parser.isSet(QStringLiteral("figures")) ? parser.value(QStringLiteral("figures")) : QStringLiteral("all");
    if (figures != QLatin1String("all")) {
        for (const QString& k : figures.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            if (!kindNames().contains(k.trimmed())) {
                printErr(QStringLiteral("--figures %1: \"%2\" is not a kind (use all or %3)")
                             .arg(figures, k.trimmed(), kindNames().join(QLatin1Char(','))));
                return kUsage;
            }
            job.kinds << k.trimmed();
        }
    }
    if (parser.isSet(QStringLiteral("formats"))) {
        job.formats.clear();
        for (const QString& f : parser.value(QStringLiteral("formats")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QString ext = f.trimmed().toLower();
            if (ext != QLatin1String("png") && ext != QLatin1String("svg") && ext != QLatin1String("pdf")) {
                printErr(QStringLiteral("--formats %1: use png, svg and/or pdf").arg(parser.value(QStringLiteral("formats"))));
                return kUsage;
            }
            job.formats << ext;
        }
    }
    std::optional<MeasureSettings> measures;
    if (parser.isSet(QStringLiteral("measures"))) {
        QString why;
        const auto names = parseMeasureList(parser.value(QStringLiteral("measures")), &why);
        if (!names) {
            printErr(QStringLiteral("--measures: %1").arg(why));
            return kUsage;
        }
        measures = MeasureSettings{};
        measures->names = *names;
    }
    int exit = kOk;
    const std::optional<Report> report = loadReport(parser, &exit);
    if (!report)
        return exit;
    FigureInputs inputs;
    inputs.report = std::make_shared<const Report>(*report);
    QString error;
    const QStringList paths = parser.positionalArguments();
    for (int i = 0; i < int(paths.size()); ++i) {
        auto d = loadDataset(paths[i], i, measures ? &*measures : nullptr, &error);
        if (!d) {
            printErr(error);
            return kFailed;
        }
        inputs.datasets.push_back(std::move(*d));
    }
    if (!job.run(std::move(inputs), dir, &error)) {
        printErr(error);
        return kFailed;
    }
    for (const QString& s : std::as_const(job.skipped))
        printErr(QStringLiteral("left out: %1").arg(s));
    std::fputs(qPrintable(QStringLiteral("Wrote %1 files to %2: %3\n").arg(job.written.size()).arg(dir, job.written.join(QStringLiteral(", ")))),
               stdout);
    return kOk;
}

} // namespace nofade::ui

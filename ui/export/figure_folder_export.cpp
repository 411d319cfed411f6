#include "export/figure_folder_export.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include "export/figure_spec.h"
#include "models/report_csv.h"
#include "models/report_json.h"

namespace nofade::ui {

namespace {
bool writeFile(const QString& file, const QByteArray& bytes, QString* error)
{
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit()) {
        *error = QStringLiteral("%1: cannot write: %2").arg(file, out.errorString());
        return false;
    }
    return true;
}

QString kindName(FigureSpec::Kind kind)
{
    return kind == FigureSpec::Kind::Saturation ? QStringLiteral("saturation") : QStringLiteral("nofade");
}
} // namespace

bool FolderExport::run(const Report& report, const QString& directory, QString* error)
{
    written.clear();
    skipped.clear();
    if (const QString why = size.validate(); !why.isEmpty()) {
        *error = why;
        return false;
    }
    QDir dir(directory);
    if (!dir.mkpath(QStringLiteral("."))) {
        *error = QStringLiteral("%1: cannot create the folder").arg(directory);
        return false;
    }
    QJsonArray figures;
    for (const FigureSpec& spec : allFigures(report, colourBy, &skipped)) {
        const auto charts = buildCharts(report, spec, style, selected);
        std::vector<QChart*> raw;
        for (const auto& c : charts)
            raw.push_back(c.get());
        QJsonArray files;
        for (const char* ext : {"png", "svg", "pdf"}) {
            const QString name = QStringLiteral("%1.%2").arg(spec.baseName, QLatin1String(ext));
            if (!FigureRenderer::write(raw, size, dir.filePath(name), error))
                return false;
            written << name;
            files.append(name);
        }
        figures.append(QJsonObject{{QStringLiteral("kind"), kindName(spec.kind)},
                                   {QStringLiteral("panels"), QJsonArray::fromStringList(spec.panels)},
                                   {QStringLiteral("overlay"), spec.overlay},
                                   {QStringLiteral("colour_by"), colourByName(spec.colourBy)},
                                   {QStringLiteral("files"), files}});
    }
    if (!writeFile(dir.filePath(QStringLiteral("report.csv")), reportToCsv(report), error))
        return false;
    written << QStringLiteral("report.csv");
    if (!writeFile(dir.filePath(QStringLiteral("report.json")), reportToJsonBytes(report), error))
        return false;
    written << QStringLiteral("report.json");
    QList<int> selectedRows = selected.values();
    std::sort(selectedRows.begin(), selectedRows.end());
    QJsonArray selectedJson;
    for (int row : selectedRows)
        selectedJson.append(row + 1); // 1-based, as in report.csv
    const QJsonObject settings{
        {QStringLiteral("schema"), QStringLiteral("nofade.figures/1")},
        {QStringLiteral("report_settings"), reportToJson(report).value(QStringLiteral("settings"))},
        {QStringLiteral("models_source"), report.modelsSource},
        {QStringLiteral("style"), style.toJson()},
        {QStringLiteral("width_in"), size.widthIn},
        {QStringLiteral("height_in"), size.heightIn},
        {QStringLiteral("dpi"), size.dpi},
        {QStringLiteral("colour_by"), colourByName(colourBy)},
        {QStringLiteral("selected_rows"), selectedJson},
        {QStringLiteral("figures"), figures},
        {QStringLiteral("skipped"), QJsonArray::fromStringList(skipped)},
    };
    if (!writeFile(dir.filePath(QStringLiteral("settings.json")), QJsonDocument(settings).toJson(), error))
        return false;
    written << QStringLiteral("settings.json");
    return true;
}

} // namespace nofade::ui

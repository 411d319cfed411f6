#include "export/figure_folder_export.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include "complexity/measure_rows.h"
#include "export/figure_builder.h"
#include "models/measure_prediction.h"
#include "export/figure_spec.h"
#include "model_figures/model_chart.h"
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

QString scaleName(FigureInputs::DistanceScale scale)
{
    switch (scale) {
    case FigureInputs::DistanceScale::Fixed: return QStringLiteral("fixed");
    case FigureInputs::DistanceScale::Shared: return QStringLiteral("shared");
    case FigureInputs::DistanceScale::DatasetMax: return QStringLiteral("dataset-max");
    }
    return {};
}
} // namespace

bool FolderExport::run(const Report& report, const QString& directory, QString* error)
{
    FigureInputs inputs;
    inputs.report = std::make_shared<const Report>(report);
    if (kinds.isEmpty())
        kinds = QStringList{QStringLiteral("saturation"), QStringLiteral("nofade")};
    return run(std::move(inputs), directory, error);
}

bool FolderExport::run(FigureInputs inputs, const QString& directory, QString* error)
{
    written.clear();
    skipped.clear();
    inputs.colourBy = colourBy;
    inputs.selected = selected;
    if (const QString why = size.validate(); !why.isEmpty()) {
        *error = why;
        return false;
    }
    for (const QString& k : std::as_const(kinds))
        if (!kindNames().contains(k)) {
            *error = QStringLiteral("unknown figure kind \"%1\" (use %2)").arg(k, kindNames().join(QStringLiteral(", ")));
            return false;
        }
    QDir dir(directory);
    if (!dir.mkpath(QStringLiteral("."))) {
        *error = QStringLiteral("%1: cannot create the folder").arg(directory);
        return false;
    }
    QJsonArray figures;
    QHash<QString, QString> captions;
    for (const FigureSpec& spec : figureSpecs(inputs, kinds, size, &skipped)) {
        BuiltFigure figure = buildFigure(spec, inputs, style);
        if (style.isPublication() && !legendFits(figure, size)) {
            // Too many legend entries for the plot to stay readable at this size.
            if (spec.kind == FigureSpec::Kind::Saturation && spec.overlay) {
                skipped << QStringLiteral("%1: its legend does not fit %2 × %3 in (each dataset has its own figure; export "
                                          "larger for the overlay)").arg(spec.baseName).arg(size.widthIn).arg(size.heightIn);
                continue;
            }
            if (spec.kind == FigureSpec::Kind::Saturation && spec.colourBy != ColourBy::Dataset) {
                FigureSpec plain = spec;
                plain.colourBy = ColourBy::Dataset;
                figure = buildFigure(plain, inputs, style);
                skipped << QStringLiteral("%1 not coloured by %2 but by dataset: that legend does not fit %3 × %4 in")
                               .arg(spec.baseName, colourByName(spec.colourBy)).arg(size.widthIn).arg(size.heightIn);
            }
            if (!legendFits(figure, size)) {
                // Still crowded: the fit's numbers and notes go to the caption (settings.json) instead.
                for (const auto& chart : figure.charts)
                    if (auto* model = dynamic_cast<ModelChart*>(chart.get()); model && !QString(model->stats() + model->note()).isEmpty()) {
                        model->setFooterVisible(false);
                        captions.insert(spec.baseName, QStringList{model->stats(), model->note()}.join(QLatin1Char('\n')).trimmed());
                    }
            }
        }
        QJsonArray files;
        for (const QString& ext : std::as_const(formats)) {
            const QString name = QStringLiteral("%1.%2").arg(spec.baseName, ext);
            if (!figure.write(size, dir.filePath(name), error))
                return false;
            written << name;
            files.append(name);
        }
        const QString csv = spec.baseName + QStringLiteral(".csv");
        if (!writeFile(dir.filePath(csv), figure.csv, error))
            return false;
        written << csv;
        files.append(csv);
        QJsonObject entry{{QStringLiteral("kind"), kindName(spec.kind)}, {QStringLiteral("files"), files}};
        if (captions.contains(spec.baseName)) // drawn under the chart on screen, left out here for room
            entry.insert(QStringLiteral("notes_for_caption"), captions.value(spec.baseName));
        if (spec.dataset >= 0)
            entry.insert(QStringLiteral("dataset"), inputs.datasets[std::size_t(spec.dataset)].name);
        if (spec.kind == FigureSpec::Kind::PerClass || spec.kind == FigureSpec::Kind::PerClassOverlay)
            entry.insert(QStringLiteral("layout"), spec.kind == FigureSpec::Kind::PerClass ? QStringLiteral("small-multiples")
                                                                                        : QStringLiteral("overlay"));
        if (spec.kind == FigureSpec::Kind::MeasureHistograms)
            entry.insert(QStringLiteral("measures"), QJsonArray::fromStringList(spec.panels));
        if (spec.kind == FigureSpec::Kind::MeasurePrediction) {
            entry.insert(QStringLiteral("measure"), measureLabel(spec.panels.value(0)));
            entry.insert(QStringLiteral("outcome"), outcomeName(PredictionOutcome(spec.outcome)));
        }
        if (spec.kind == FigureSpec::Kind::Saturation || spec.kind == FigureSpec::Kind::NoFade) {
            entry.insert(QStringLiteral("panels"), QJsonArray::fromStringList(spec.panels));
            entry.insert(QStringLiteral("overlay"), spec.overlay);
            entry.insert(QStringLiteral("colour_by"), colourByName(spec.colourBy));
        }
        figures.append(entry);
    }
    QJsonObject settings{
        {QStringLiteral("schema"), QStringLiteral("nofade.figures/1")},
        {QStringLiteral("style"), style.toJson()},
        {QStringLiteral("width_in"), size.widthIn},
        {QStringLiteral("height_in"), size.heightIn},
        {QStringLiteral("dpi"), size.dpi},
        {QStringLiteral("kinds"), QJsonArray::fromStringList(kinds.isEmpty() ? kindNames() : kinds)},
        {QStringLiteral("histogram_bins"), inputs.bins},
        {QStringLiteral("mean_markers"), inputs.meanMarkers},
        {QStringLiteral("distance_scale"), scaleName(inputs.distanceScale)},
        {QStringLiteral("colour_by"), colourByName(colourBy)},
        {QStringLiteral("figures"), figures},
        {QStringLiteral("skipped"), QJsonArray::fromStringList(skipped)},
    };
    QJsonArray datasets;
    for (const FigureDataset& d : inputs.datasets)
        datasets.append(QJsonObject{{QStringLiteral("name"), d.name},
                                    {QStringLiteral("path"), d.profile ? d.profile->source.path : QString()},
                                    {QStringLiteral("images"), d.profile ? double(d.profile->images()) : 0.0}});
    settings.insert(QStringLiteral("datasets"), datasets);
    if (inputs.report) {
        const Report& report = *inputs.report;
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
        settings.insert(QStringLiteral("report_settings"), reportToJson(report).value(QStringLiteral("settings")));
        settings.insert(QStringLiteral("models_source"), report.modelsSource);
        settings.insert(QStringLiteral("selected_rows"), selectedJson);
    }
    if (!writeFile(dir.filePath(QStringLiteral("settings.json")), QJsonDocument(settings).toJson(), error))
        return false;
    written << QStringLiteral("settings.json");
    return true;
}

} // namespace nofade::ui

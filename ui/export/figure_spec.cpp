#include "export/figure_spec.h"

#include <algorithm>
#include <QRegularExpression>

#include "model_figures/nofade_chart.h"
#include "models/dataset_names.h"

namespace nofade::ui {

std::vector<std::unique_ptr<ModelChart>> buildCharts(const Report& report, const FigureSpec& spec,
                                                     const FigureStyle& style, const QSet<int>& selected)
{
    std::vector<std::unique_ptr<ModelChart>> charts;
    if (spec.kind == FigureSpec::Kind::Saturation && spec.overlay) {
        charts.push_back(std::make_unique<SaturationChart>(report, spec.panels, spec.colourBy, style));
    } else {
        for (const QString& panel : spec.panels) {
            if (spec.kind == FigureSpec::Kind::Saturation)
                charts.push_back(std::make_unique<SaturationChart>(report, QStringList{panel}, spec.colourBy, style));
            else
                charts.push_back(std::make_unique<NoFadeChart>(report, panel, style));
        }
    }
    for (auto& chart : charts)
        chart->setSelectedRows(selected);
    return charts;
}

int gridColumns(int charts)
{
    if (charts <= 3)
        return std::max(1, charts);
    return charts == 4 ? 2 : 3;
}

QString kindName(FigureSpec::Kind kind)
{
    switch (kind) {
    case FigureSpec::Kind::Saturation: return QStringLiteral("saturation");
    case FigureSpec::Kind::NoFade: return QStringLiteral("nofade");
    case FigureSpec::Kind::Histograms: return QStringLiteral("histograms");
    case FigureSpec::Kind::PerClass:
    case FigureSpec::Kind::PerClassOverlay: return QStringLiteral("per-class");
    case FigureSpec::Kind::ClassDistances: return QStringLiteral("class-distances");
    case FigureSpec::Kind::Images: return QStringLiteral("images");
    case FigureSpec::Kind::ComplexityMeasures: return QStringLiteral("complexity-measures");
    case FigureSpec::Kind::MeasureHistograms: return QStringLiteral("measure-histograms");
    case FigureSpec::Kind::MeasurePrediction: return QStringLiteral("measure-prediction");
    }
    return {};
}

QStringList kindNames()
{
    return {QStringLiteral("histograms"), QStringLiteral("per-class"), QStringLiteral("class-distances"),
            QStringLiteral("images"), QStringLiteral("complexity-measures"), QStringLiteral("measure-histograms"),
            QStringLiteral("measure-prediction"), QStringLiteral("saturation"), QStringLiteral("nofade")};
}

QString fileSlug(const QString& text)
{
    QString slug = text.toLower();
    slug.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-"));
    while (slug.startsWith(QLatin1Char('-')))
        slug.remove(0, 1);
    while (slug.endsWith(QLatin1Char('-')))
        slug.chop(1);
    return slug.isEmpty() ? QStringLiteral("figure") : slug;
}

std::vector<FigureSpec> allFigures(const Report& report, ColourBy colourBy, QStringList* skipped)
{
    std::vector<FigureSpec> figures;
    QStringList drawn;
    for (const DatasetResult& d : report.datasets) {
        if (d.modelsWithCo2 == 0) {
            skipped->append(QStringLiteral("saturation curves of %1: no model with CO2").arg(d.name));
            continue;
        }
        drawn << d.key;
        figures.push_back({FigureSpec::Kind::Saturation, {d.key}, false, colourBy,
                           QStringLiteral("saturation-%1").arg(fileSlug(d.name)), -1, {}, 0});
    }
    if (drawn.size() > 1)
        figures.push_back({FigureSpec::Kind::Saturation, drawn, true, ColourBy::Dataset, QStringLiteral("saturation-overlay"), -1, {}, 0});
    for (const QString& task : NoFadeChart::tasks(report)) {
        const bool any = std::any_of(report.models.begin(), report.models.end(), [&task](const ModelResult& m) {
            return m.task == task && m.nofade && m.co2Kg && *m.co2Kg > 0.0;
        });
        if (any)
            figures.push_back({FigureSpec::Kind::NoFade, {task}, false, colourBy, QStringLiteral("nofade-%1").arg(task), -1, {}, 0});
        else
            skipped->append(QStringLiteral("NoFADE scatter of %1: no model has a NoFADE score (no dataset complexity yet: "
                                           "scan the dataset or type its complexity in)").arg(task));
    }
    return figures;
}

} // namespace nofade::ui

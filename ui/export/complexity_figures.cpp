#include "export/complexity_figures.h"

#include <cmath>
#include <QLegend>
#include <QValueAxis>
#include <QXYSeries>

#include "complexity/measure_histogram_chart.h"
#include "complexity/measure_parallel_chart.h"
#include "complexity/measure_scatter_chart.h"
#include "models/csv_document.h"
#include "models/dataset_names.h"
#include "models/measure_prediction.h"

namespace nofade::ui {

namespace {
constexpr PredictionOutcome kOutcomes[] = {PredictionOutcome::BestScore, PredictionOutcome::YMax,
                                           PredictionOutcome::NextPointCo2};
const QStringList kPerImage{QStringLiteral("si"), QStringLiteral("bpp")};

QString num(double v) { return std::isfinite(v) ? QString::number(v, 'g', 17) : QString(); }
QString num(const std::optional<double>& v) { return v ? num(*v) : QString(); }

void publicationLayout(QChart* chart, const FigureStyle& style)
{
    style.apply(chart);
    if (style.isPublication())
        chart->setMargins(QMargins(2, 2, 4, 2));
}

std::vector<MeasureSeries> perImageSeries(const FigureInputs& in, const QString& measure)
{
    std::vector<MeasureSeries> out;
    for (const FigureDataset& d : in.datasets)
        if (d.profile && d.profile->images() > 0)
            if (MeasureSeries s = perImageMeasure(d.name, d.colour, *d.profile, measure); !s.values.empty())
                out.push_back(std::move(s));
    return out;
}

MeasurePrediction predictionOf(const FigureInputs& in, const QString& column, PredictionOutcome outcome)
{
    const int c = int(measureColumns().indexOf(column));
    std::vector<std::pair<QString, std::optional<double>>> byKey;
    for (const MeasureRow& row : figureMeasureRows(in))
        byKey.emplace_back(datasetKey(row.name), c >= 0 ? row.values[std::size_t(c)].value : std::nullopt);
    return predictOutcome(byKey, datasetOutcomes(*in.report), outcome);
}
} // namespace

std::vector<MeasureRow> figureMeasureRows(const FigureInputs& inputs)
{
    std::vector<MeasureRow> rows;
    for (const FigureDataset& d : inputs.datasets)
        if (d.profile && d.profile->images() > 0)
            rows.push_back(measureRow(d.name, d.colour, *d.profile, d.jsd.get()));
    return rows;
}

MeasurePrediction figurePrediction(const FigureInputs& inputs, const QString& column, int outcome)
{
    return predictionOf(inputs, column, PredictionOutcome(outcome));
}

QString predictionBaseName(const QString& column, int outcome)
{
    return QStringLiteral("measure-prediction-%1-%2").arg(fileSlug(measureLabel(column)), fileSlug(outcomeName(PredictionOutcome(outcome))));
}

void addComplexitySpecs(const FigureInputs& inputs, const std::function<bool(const QString&)>& wanted,
                        std::vector<FigureSpec>* specs, QStringList* skipped)
{
    const std::vector<MeasureRow> rows = figureMeasureRows(inputs);
    const auto add = [specs](FigureSpec::Kind kind, const QString& base, QStringList panels, int outcome = 0) {
        FigureSpec s;
        s.kind = kind;
        s.baseName = base;
        s.panels = std::move(panels);
        s.outcome = outcome;
        specs->push_back(std::move(s));
    };
    if (wanted(QStringLiteral("complexity-measures"))) {
        if (!measureAxes(rows).empty())
            add(FigureSpec::Kind::ComplexityMeasures, QStringLiteral("complexity-measures"), {});
        else
            skipped->append(QStringLiteral("complexity measures: no dataset with a profile"));
    }
    if (wanted(QStringLiteral("measure-histograms"))) {
        for (const QString& m : kPerImage) {
            if (!perImageSeries(inputs, m).empty())
                add(FigureSpec::Kind::MeasureHistograms, QStringLiteral("measure-histograms-%1").arg(m), {m});
            else
                skipped->append(QStringLiteral("%1 per image: no profile holds it (scan with the measure %1: nofade-cli scan "
                                               "--measures %1, or tick it under Complexity measures)").arg(m));
        }
    }
    if (wanted(QStringLiteral("measure-prediction"))) {
        if (!inputs.report) {
            skipped->append(QStringLiteral("measure predictions: no model table"));
            return;
        }
        bool any = false;
        for (PredictionOutcome o : kOutcomes)
            for (const QString& column : measureColumns())
                if (!predictionOf(inputs, column, o).x.empty()) {
                    add(FigureSpec::Kind::MeasurePrediction, predictionBaseName(column, int(o)), {column}, int(o));
                    any = true;
                }
        if (!any)
            skipped->append(QStringLiteral("measure predictions: no dataset with a profile has models in the model table "
                                           "(matched by name)"));
    }
}

BuiltFigure complexityMeasuresFigure(const FigureInputs& inputs, const FigureStyle& style)
{
    BuiltFigure f;
    auto chart = std::make_unique<MeasureParallelChart>();
    chart->setTitle(QStringLiteral("Complexity measures, normalised per measure"));
    chart->setRows(figureMeasureRows(inputs), style.isPublication() ? std::max(4.0, style.markerPx * 0.6) : 7.0);
    publicationLayout(chart.get(), style);
    QString out = csvLine({QStringLiteral("dataset"), QStringLiteral("measure"), QStringLiteral("value"), QStringLiteral("interval_low"),
                           QStringLiteral("interval_high"), QStringLiteral("sample"), QStringLiteral("axis_low"),
                           QStringLiteral("axis_high"), QStringLiteral("normalised")});
    for (const MeasureRow& r : chart->rows())
        for (const MeasureAxis& a : chart->measureAxes()) {
            const MeasureValue& v = r.values[std::size_t(a.index)];
            out += csvLine({r.name, measureLabel(a.column), num(v.value), v.interval ? num(v.interval->low) : QString(),
                            v.interval ? num(v.interval->high) : QString(), v.value ? QString::number(v.sample) : QString(),
                            num(a.low), num(a.high), v.value ? num(a.normalise(*v.value)) : QString()});
        }
    f.csv = out.toUtf8();
    f.charts.push_back(std::move(chart));
    return f;
}

BuiltFigure measureHistogramsFigure(const FigureSpec& spec, const FigureInputs& inputs, const FigureStyle& style)
{
    BuiltFigure f;
    QString out = csvLine({QStringLiteral("series"), QStringLiteral("measure"), QStringLiteral("bin_lower"), QStringLiteral("bin_upper"),
                           QStringLiteral("images"), QStringLiteral("density")});
    for (const QString& m : spec.panels) {
        auto chart = std::make_unique<MeasureHistogramChart>();
        chart->setSeries(MeasureHistogramChart::titleOf(m), MeasureHistogramChart::axisTitleOf(m), perImageSeries(inputs, m));
        publicationLayout(chart.get(), style);
        if (style.isPublication())
            for (QAbstractSeries* s : chart->series())
                if (auto* line = qobject_cast<QXYSeries*>(s))
                    line->setPen(QPen(line->pen().color(), style.lineWidth));
        const auto& edges = chart->edges();
        for (std::size_t s = 0; s < chart->counts().size(); ++s)
            for (std::size_t b = 0; b + 1 < edges.size(); ++b)
                out += csvLine({chart->measureSeries()[s].name, m, num(edges[b]), num(edges[b + 1]), QString::number(chart->counts()[s][b]),
                                num(chart->densities()[s][b])});
        f.charts.push_back(std::move(chart));
    }
    f.columns = int(spec.panels.size());
    f.csv = out.toUtf8();
    return f;
}

BuiltFigure measurePredictionFigure(const FigureSpec& spec, const FigureInputs& inputs, const FigureStyle& style)
{
    BuiltFigure f;
    const QString column = spec.panels.value(0);
    const auto outcome = PredictionOutcome(spec.outcome);
    const MeasurePrediction p = predictionOf(inputs, column, outcome);
    auto chart = std::make_unique<MeasureScatterChart>();
    chart->setPrediction(p, column, outcome, [&inputs](const QString& name) {
        for (const FigureDataset& d : inputs.datasets)
            if (datasetKey(d.name) == datasetKey(name))
                return d.colour;
        return QColor();
    }, style.isPublication() ? style.markerPx : 12.0);
    publicationLayout(chart.get(), style);
    if (style.isPublication())
        chart->legend()->setAlignment(Qt::AlignBottom);
    QString out = csvLine({QStringLiteral("dataset"), QStringLiteral("measure"), QStringLiteral("measure_value"), QStringLiteral("outcome"),
                           QStringLiteral("outcome_value"), QStringLiteral("spearman_rho"), QStringLiteral("n")});
    for (std::size_t i = 0; i < p.x.size(); ++i)
        out += csvLine({p.datasets.value(int(i)), measureLabel(column), num(p.x[i]), outcomeName(outcome), num(p.y[i]), num(p.rho),
                        QString::number(p.x.size())});
    f.csv = out.toUtf8();
    f.charts.push_back(std::move(chart));
    return f;
}

} // namespace nofade::ui

#include "model_figures/saturation_chart.h"

#include <algorithm>
#include <cmath>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>

#include "chart_kit/chart_palette.h"
#include "model_figures/model_chart_text.h"
#include "models/dataset_names.h"

namespace nofade::ui {

QString colourByName(ColourBy c)
{
    switch (c) {
    case ColourBy::Task: return QStringLiteral("task");
    case ColourBy::Dataset: return QStringLiteral("dataset");
    case ColourBy::Family: break;
    }
    return QStringLiteral("family");
}

std::optional<ColourBy> colourByFromName(const QString& name)
{
    for (ColourBy c : {ColourBy::Family, ColourBy::Task, ColourBy::Dataset})
        if (colourByName(c) == name)
            return c;
    return std::nullopt;
}

namespace {
QString groupOf(const ModelResult& m, ColourBy by)
{
    switch (by) {
    case ColourBy::Task: return m.task.isEmpty() ? QStringLiteral("(no task)") : m.task;
    case ColourBy::Dataset: return canonicalDatasetName(m.dataset);
    case ColourBy::Family: break;
    }
    return modelFamily(m.model);
}

// The same group has the same colour in every chart: its index among all groups of the report.
int groupColourIndex(const Report& report, ColourBy by, const QString& group)
{
    if (by == ColourBy::Dataset) {
        for (int i = 0; i < int(report.datasets.size()); ++i)
            if (report.datasets[std::size_t(i)].name == group)
                return i;
    }
    QStringList groups;
    for (const ModelResult& m : report.models) {
        const QString g = groupOf(m, by);
        if (!groups.contains(g))
            groups << g;
    }
    return int(groups.indexOf(group));
}

int datasetIndex(const Report& report, const QString& key)
{
    for (int i = 0; i < int(report.datasets.size()); ++i)
        if (report.datasets[std::size_t(i)].key == key)
            return i;
    return 0;
}

bool drawable(const ModelResult& m) { return m.score && m.co2Kg && *m.co2Kg > 0.0; }
} // namespace

SaturationChart::SaturationChart(const Report& report, const QStringList& datasetKeys, ColourBy colourBy,
                                 const FigureStyle& style, QGraphicsItem* parent)
    : ModelChart(report, style, parent)
{
    const bool overlay = datasetKeys.size() > 1;
    QList<double> extraY;
    QStringList notes, stats;
    QStringList names;
    for (const QString& key : datasetKeys)
        for (const DatasetResult& d : this->report().datasets)
            if (d.key == key) {
                drawDataset(d, overlay, colourBy, &extraY, &notes, &stats);
                names << d.name;
            }
    // Hollow markers explained once, when there are any.
    bool anyHollow = false;
    for (QScatterSeries* s : std::as_const(hollow_))
        anyHollow = anyHollow || s->count() > 0;
    if (anyHollow) {
        QScatterSeries* key = addScatter(tr("estimated (hollow)"), QColor(0x55, 0x55, 0x55), true);
        legend()->markers(key).constFirst()->setBrush(Qt::white);
    }
    QString metric;
    for (const ModelResult& m : this->report().models)
        if (datasetKeys.contains(datasetKey(m.dataset)) && drawable(m) && metric.isEmpty())
            metric = m.metric;
    setTitle(overlay ? tr("Score against training CO₂") : tr("%1: score against training CO₂").arg(names.value(0)));
    setNote(notes.join(QLatin1Char('\n')));
    setStats(stats.join(QLatin1Char('\n')));
    finish(metric.isEmpty() ? tr("Score") : tr("Score (%1)").arg(metric), extraY);
}

void SaturationChart::drawDataset(const DatasetResult& d, bool overlay, ColourBy colourBy, QList<double>* extraY,
                                  QStringList* notes, QStringList* stats)
{
    const QColor datasetColour = ChartPalette::colour(datasetIndex(report(), d.key));
    // Legend entries are short ("ImageNet fit"); the numbers go into the footer, one line per dataset.
    const QString prefix = overlay ? d.name + QLatin1Char(' ') : QString();
    const QString statsPrefix = overlay ? d.name + QStringLiteral(": ") : QString();
    std::vector<const ModelResult*> front;
    int drawnCount = 0;
    for (const ModelResult& m : report().models) {
        if (datasetKey(m.dataset) != d.key || !drawable(m))
            continue;
        const QString group = groupOf(m, colourBy);
        const bool hollow = m.hoursProvenance == QLatin1String("estimated");
        QHash<QString, QScatterSeries*>& map = hollow ? hollow_ : filled_;
        QScatterSeries*& series = map[group];
        if (!series) {
            series = addScatter(group, ChartPalette::colour(groupColourIndex(report(), colourBy, group)), hollow);
            // One legend entry per group: the filled series', or the hollow one's when it is alone.
            if (hollow && filled_.contains(group))
                legend()->markers(series).constFirst()->setVisible(false);
            if (!hollow && hollow_.contains(group))
                legend()->markers(hollow_.value(group)).constFirst()->setVisible(false);
        }
        addPoint(m.row, QPointF(*m.co2Kg, *m.score), series);
        ++drawnCount;
        if (m.pareto)
            front.push_back(&m);
    }
    Drawn drawn;
    const QColor lineColour = overlay ? datasetColour : QColor(0x30, 0x30, 0x30);
    // The Pareto front as a step line: across at the lower score, then up to the next model.
    std::sort(front.begin(), front.end(), [](const ModelResult* a, const ModelResult* b) {
        return *a->co2Kg < *b->co2Kg || (*a->co2Kg == *b->co2Kg && *a->score < *b->score);
    });
    if (front.size() >= 2) {
        QList<QPointF> steps;
        for (std::size_t i = 0; i < front.size(); ++i) {
            if (i > 0)
                steps.append(QPointF(*front[i]->co2Kg, *front[i - 1]->score));
            steps.append(QPointF(*front[i]->co2Kg, *front[i]->score));
        }
        drawn.pareto = new QLineSeries;
        drawn.pareto->setName(prefix + tr("Pareto front"));
        drawn.pareto->setPen(QPen(lineColour, style().lineWidth, Qt::SolidLine, Qt::FlatCap, Qt::MiterJoin));
        drawn.pareto->replace(steps);
        attach(drawn.pareto);
    }
    // The fit, sampled over the models' CO2 range (x = log10 kg).
    double lo = INFINITY, hi = -INFINITY;
    for (const ModelResult& m : report().models)
        if (datasetKey(m.dataset) == d.key && drawable(m)) {
            lo = std::min(lo, std::log10(*m.co2Kg));
            hi = std::max(hi, std::log10(*m.co2Kg));
        }
    auto sample = [&](auto valueAt) {
        QList<QPointF> pts;
        constexpr int kSamples = 120;
        const double a = lo - 0.15, b = hi + 0.15;
        for (int i = 0; i <= kSamples; ++i) {
            const double x = a + (b - a) * i / kSamples;
            pts.append(QPointF(std::pow(10.0, x), valueAt(x)));
        }
        return pts;
    };
    const DiminishingReturns& fit = d.fit;
    if (fit.saturation) {
        const SaturationFit& s = *fit.saturation;
        drawn.fit = new QLineSeries;
        drawn.fit->setName(prefix + tr("saturation fit"));
        QString line = tr("%1saturation fit: y_max = %2, R² = %3, headroom %4 points")
                           .arg(statsPrefix, formatNumber(s.yMax)).arg(s.r2, 0, 'f', 3).arg(formatNumber(s.headroom));
        if (s.kneeX)
            line += tr(", diminishing returns from %1 CO₂ (gain below %2 point per 10× CO₂)")
                        .arg(formatCo2(std::pow(10.0, *s.kneeX)), formatNumber(report().settings.kneeThreshold));
        stats->append(line);
        if (!s.warning.isEmpty())
            notes->append(statsPrefix + tr("warning: %1").arg(s.warning));
        drawn.fit->setPen(QPen(lineColour, style().lineWidth * 1.3));
        drawn.fit->replace(sample([&s](double x) { return s.valueAt(x); }));
        attach(drawn.fit);
        drawn.yMax = new QLineSeries;
        drawn.yMax->setName(prefix + tr("y_max"));
        drawn.yMax->setPen(QPen(lineColour, style().lineWidth, Qt::DashLine));
        drawn.yMax->replace(QList<QPointF>{{std::pow(10.0, lo - 1.5), s.yMax}, {std::pow(10.0, hi + 1.5), s.yMax}});
        attach(drawn.yMax);
        extraY->append(s.yMax);
        if (s.kneeX) {
            drawn.knee = new QScatterSeries;
            drawn.knee->setName(prefix + tr("diminishing returns"));
            drawn.knee->setMarkerShape(QScatterSeries::MarkerShapeRotatedRectangle);
            drawn.knee->setMarkerSize(style().markerPx + 5);
            drawn.knee->setBrush(QColor(0xE6, 0x9F, 0x00));
            drawn.knee->setPen(QPen(Qt::black, 1.0));
            drawn.knee->append(std::pow(10.0, *s.kneeX), s.valueAt(*s.kneeX));
            attach(drawn.knee);
        } else if (!s.kneeReason.isEmpty()) {
            notes->append(statsPrefix + tr("no diminishing-returns point: %1").arg(s.kneeReason));
        }
    } else if (fit.log) {
        const LogFit& l = *fit.log;
        drawn.logFit = true;
        drawn.fit = new QLineSeries;
        drawn.fit->setName(prefix + tr("log fit"));
        stats->append(tr("%1log fit: %2 points per 10× CO₂, R² = %3").arg(statsPrefix, formatNumber(l.b)).arg(l.r2, 0, 'f', 3));
        drawn.fit->setPen(QPen(lineColour, style().lineWidth, Qt::DashDotLine));
        drawn.fit->replace(sample([&l](double x) { return l.a + l.b * x; }));
        attach(drawn.fit);
        if (!fit.saturationReason.isEmpty())
            notes->append(statsPrefix + tr("no saturation fit: %1").arg(fit.saturationReason));
    } else {
        const QString why = !fit.reason.isEmpty() ? fit.reason : fit.saturationReason;
        notes->append(statsPrefix + (drawnCount == 0 ? tr("no model with a score and CO₂") : tr("points only: %1").arg(why)));
    }
    const FrontierAnalysis& frontier = d.frontier;
    if (!overlay && frontier.chosen && drawnCount > 0) {
        // The families: the chosen one solid, the others dashed, each named in the legend.
        for (const FamilyResult& f : frontier.families) {
            if (!f.fit)
                continue;
            const bool chosen = f.family == *frontier.chosen;
            const QString name = curveFamilyName(f.family);
            QLineSeries* line = nullptr;
            if (f.family == CurveFamily::SaturatingExp && drawn.fit && !drawn.logFit) {
                line = drawn.fit; // today's saturation fit is this family
            } else {
                line = new QLineSeries;
                line->setName(tr("%1 fit").arg(name));
                const Curve curve = f.fit->curve;
                line->replace(sample([curve](double x) { return curve.valueAt(x); }));
                attach(line);
            }
            if (chosen)
                line->setName(line->name() + tr(" (chosen)"));
            const QColor colour = chosen ? lineColour : ChartPalette::colour(4 + int(f.family)).darker(110);
            line->setPen(QPen(colour, style().lineWidth * (chosen ? 1.3 : 1.0), chosen ? Qt::SolidLine : Qt::DashLine));
            drawn.families.insert(name, line);
        }
    }
    // An overlay has a line per dataset: only the next point's there.
    const QStringList footer = frontierFooter(frontier, statsPrefix);
    stats->append(overlay ? footer.mid(0, 1) : footer);
    drawn_.insert(d.key, drawn);
}

QString SaturationChart::tooltip(int row) const
{
    for (const ModelResult& m : report().models)
        if (m.row == row)
            return saturationTooltip(m);
    return {};
}

} // namespace nofade::ui

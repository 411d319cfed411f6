#include "complexity/measure_scatter_chart.h"

#include <algorithm>
#include <cmath>
#include <QScatterSeries>
#include <QValueAxis>

#include "complexity/measure_rows.h"

namespace nofade::ui {

MeasureScatterChart::MeasureScatterChart(QGraphicsItem* parent) : QChart(parent)
{
    legend()->setAlignment(Qt::AlignRight);
}

QString MeasureScatterChart::titleText(const MeasurePrediction& p, const QString& column, PredictionOutcome outcome)
{
    return p.rho ? tr("%1 against %2: Spearman ρ = %3 (n = %4)")
                       .arg(measureLabel(column), outcomeName(outcome), QString::number(*p.rho, 'f', 2))
                       .arg(p.x.size())
                 : tr("%1 against %2: no ρ (%3)").arg(measureLabel(column), outcomeName(outcome), p.reason);
}

QString MeasureScatterChart::outcomeAxisTitle(PredictionOutcome outcome)
{
    return outcome == PredictionOutcome::NextPointCo2 ? tr("kg CO2 per point") : outcomeName(outcome);
}

void MeasureScatterChart::setPrediction(const MeasurePrediction& p, const QString& column, PredictionOutcome outcome,
                                        const std::function<QColor(const QString&)>& colourOf, double markerPx)
{
    removeAllSeries();
    for (QAbstractAxis* axis : axes())
        removeAxis(axis), delete axis;
    setTitle(titleText(p, column, outcome));
    if (p.x.empty())
        return;
    auto* x = new QValueAxis;
    x->setTitleText(measureLabel(column));
    auto* y = new QValueAxis;
    y->setTitleText(outcomeAxisTitle(outcome));
    addAxis(x, Qt::AlignBottom);
    addAxis(y, Qt::AlignLeft);
    const auto [xlo, xhi] = std::minmax_element(p.x.begin(), p.x.end());
    const auto [ylo, yhi] = std::minmax_element(p.y.begin(), p.y.end());
    // One point, or equal values: a tenth of the value around it (1 around a zero); round ticks.
    const auto pad = [](double lo, double hi) { return hi > lo ? (hi - lo) * 0.1 : lo != 0.0 ? std::abs(lo) * 0.1 : 1.0; };
    const double xpad = pad(*xlo, *xhi), ypad = pad(*ylo, *yhi);
    x->setRange(*xlo - xpad, *xhi + xpad);
    y->setRange(*ylo - ypad, *yhi + ypad);
    x->applyNiceNumbers();
    y->applyNiceNumbers();
    // A score axis stops at 100 (the padding went to 110 for a best score of 97), on the same ticks.
    if (outcome != PredictionOutcome::NextPointCo2 && *yhi <= 100.0 && y->max() > 100.0) {
        const double step = (y->max() - y->min()) / (y->tickCount() - 1);
        y->setMax(100.0);
        y->setTickCount(int(std::lround((100.0 - y->min()) / step)) + 1);
    }
    // Three significant digits: kg CO2 in the millions as 6.5e+06, not a label wider than the axis.
    x->setLabelFormat(QStringLiteral("%.3g"));
    y->setLabelFormat(QStringLiteral("%.3g"));
    for (std::size_t i = 0; i < p.x.size(); ++i) {
        auto* s = new QScatterSeries;
        s->setName(p.datasets[i]);
        s->setMarkerSize(markerPx);
        if (const QColor c = colourOf(p.datasets[i]); c.isValid())
            s->setColor(c);
        s->append(p.x[i], p.y[i]);
        addSeries(s);
        s->attachAxis(x);
        s->attachAxis(y);
    }
}

} // namespace nofade::ui

#include "complexity/measure_parallel_chart.h"

#include <QCategoryAxis>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QValueAxis>

#include "complexity/measure_interval_layer.h"

namespace nofade::ui {

MeasureParallelChart::MeasureParallelChart(QGraphicsItem* parent) : QChart(parent)
{
    legend()->setAlignment(Qt::AlignTop);
    new MeasureIntervalLayer(this);
}

void MeasureParallelChart::setRows(std::vector<MeasureRow> rows, double markerPx)
{
    removeAllSeries();
    for (QAbstractAxis* axis : axes())
        removeAxis(axis), delete axis;
    rows_ = std::move(rows);
    axes_ = ui::measureAxes(rows_);
    const int n = int(axes_.size());
    if (n == 0)
        return;
    auto* x = new QCategoryAxis;
    x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionCenter);
    x->setStartValue(-0.5);
    for (int i = 0; i < n; ++i)
        x->append(measureLabel(axes_[std::size_t(i)].column), i + 0.5);
    x->setRange(-0.5, n - 0.5);
    x->setGridLineVisible(false); // the layer draws each measure's axis instead
    auto* y = new QValueAxis;
    y->setRange(MeasureIntervalLayer::kBottom, MeasureIntervalLayer::kTop);
    y->setTickType(QValueAxis::TicksDynamic);
    y->setTickAnchor(0.0);
    y->setTickInterval(0.5);
    y->setLabelFormat(QStringLiteral("%.1f"));
    y->setTitleText(tr("normalised per measure"));
    addAxis(x, Qt::AlignBottom);
    addAxis(y, Qt::AlignLeft);
    for (const MeasureRow& r : rows_) {
        // A gap where the dataset has no value: the line goes on in another series.
        QLineSeries* line = nullptr;
        bool first = true;
        for (int i = 0; i < n; ++i) {
            const MeasureAxis& a = axes_[std::size_t(i)];
            const MeasureValue& v = r.values[std::size_t(a.index)];
            if (!v.value) {
                line = nullptr;
                continue;
            }
            if (!line) {
                line = new QLineSeries;
                line->setName(first ? r.name : QString()); // one legend entry per dataset
                line->setPen(QPen(r.colour, 1.6));
                line->setPointsVisible(true);
                line->setMarkerSize(markerPx);
                addSeries(line);
                line->attachAxis(x);
                line->attachAxis(y);
                if (!first)
                    legend()->markers(line).first()->setVisible(false);
                first = false;
            }
            line->append(i, a.normalise(*v.value));
        }
    }
}

} // namespace nofade::ui

#include "complexity/measure_interval_layer.h"

#include <algorithm>
#include <utility>
#include <QAbstractAxis>
#include <QFontMetricsF>
#include <QPainter>

#include "complexity/measure_parallel_chart.h"

namespace nofade::ui {

MeasureIntervalLayer::MeasureIntervalLayer(MeasureParallelChart* chart) : QGraphicsObject(chart), chart_(chart)
{
    setZValue(10); // over the series
    connect(chart, &QChart::plotAreaChanged, this, [this] { prepareGeometryChange(); update(); });
}

QRectF MeasureIntervalLayer::boundingRect() const { return chart_->plotArea().adjusted(-60, -40, 60, 40); }

void MeasureIntervalLayer::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*)
{
    const auto& axes = chart_->measureAxes();
    if (axes.empty() || chart_->series().isEmpty())
        return;
    QAbstractSeries* anchor = chart_->series().first();
    const auto at = [&](int i, double t) { return chart_->mapToPosition(QPointF(i, t), anchor); };
    p->setRenderHint(QPainter::Antialiasing);
    // Each measure's own axis: a vertical line from its lowest (0) to its highest (1) value.
    p->setPen(QPen(QColor(150, 150, 150), 0.8));
    for (int i = 0; i < int(axes.size()); ++i)
        p->drawLine(at(i, 0.0), at(i, 1.0));
    const double cap = 3.0;
    for (const MeasureRow& r : chart_->rows())
        for (int i = 0; i < int(axes.size()); ++i) {
            const MeasureAxis& a = axes[std::size_t(i)];
            const MeasureValue& v = r.values[std::size_t(a.index)];
            if (!v.value || !v.interval)
                continue;
            const QPointF lo = at(i, a.normalise(v.interval->low)), hi = at(i, a.normalise(v.interval->high));
            p->setPen(QPen(r.colour, 1.2));
            p->drawLine(lo, hi);
            p->drawLine(lo - QPointF(cap, 0), lo + QPointF(cap, 0));
            p->drawLine(hi - QPointF(cap, 0), hi + QPointF(cap, 0));
        }
    const QList<QAbstractAxis*> x = chart_->axes(Qt::Horizontal);
    const QFont font = x.isEmpty() ? p->font() : x.first()->labelsFont();
    p->setFont(font);
    p->setPen(x.isEmpty() ? QColor(Qt::black) : x.first()->labelsBrush().color());
    const QFontMetricsF fm(font);
    const double spacing = axes.size() > 1 ? at(1, 0).x() - at(0, 0).x() : chart_->plotArea().width();
    for (int i = 0; i < int(axes.size()); ++i) {
        const MeasureAxis& a = axes[std::size_t(i)];
        // Enough digits to tell the two ends apart (a narrow interval: 0.1815 and 0.1824).
        // Ends equal to five digits read as the same number: three are enough then.
        int digits = 3;
        while (digits < 5 && QString::number(a.high, 'g', digits) == QString::number(a.low, 'g', digits))
            ++digits;
        if (QString::number(a.high, 'g', digits) == QString::number(a.low, 'g', digits))
            digits = 3;
        for (const auto& [value, t] : {std::pair{a.high, kTop - 0.07}, std::pair{a.low, kBottom + 0.07}}) {
            const QPointF c = at(i, t);
            const QString text = QString::number(value, 'g', digits);
            const double w = std::max(spacing, fm.horizontalAdvance(text) + 2);
            p->drawText(QRectF(c.x() - w / 2, c.y() - fm.height() / 2, w, fm.height()), Qt::AlignCenter, text);
        }
    }
}

} // namespace nofade::ui

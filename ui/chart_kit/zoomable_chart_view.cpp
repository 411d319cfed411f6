#include "chart_kit/zoomable_chart_view.h"

#include <cmath>
#include <tuple>
#include <QMenu>
#include <QLegend>
#include <QMouseEvent>
#include <QLogValueAxis>
#include <QValueAxis>
#include <QWheelEvent>

#include "chart_kit/figure_legend_layer.h"

namespace nofade::ui {

namespace {
// A value axis or a log axis (the model charts' CO2), or null. Zooming works in the axis's own
// space: linear for a value axis, log for a log axis.
QAbstractAxis* rangeAxis(QChart* chart, Qt::Orientation o)
{
    const auto axes = chart->axes(o);
    for (QAbstractAxis* a : axes)
        if (qobject_cast<QValueAxis*>(a) || qobject_cast<QLogValueAxis*>(a))
            return a;
    return nullptr;
}

bool isLog(QAbstractAxis* a) { return qobject_cast<QLogValueAxis*>(a) != nullptr; }
double toSpace(QAbstractAxis* a, double v) { return isLog(a) ? std::log10(v) : v; }
double fromSpace(QAbstractAxis* a, double v) { return isLog(a) ? std::pow(10.0, v) : v; }

std::pair<double, double> rangeOf(QAbstractAxis* a)
{
    if (auto* v = qobject_cast<QValueAxis*>(a))
        return {v->min(), v->max()};
    auto* l = static_cast<QLogValueAxis*>(a);
    return {l->min(), l->max()};
}
} // namespace

ZoomableChartView::ZoomableChartView(QChart* chart, QWidget* parent) : QChartView(chart, parent)
{
    setRubberBand(QChartView::NoRubberBand);
    setRenderHint(QPainter::Antialiasing);
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setDragMode(QGraphicsView::NoDrag);
}

void ZoomableChartView::setHomeRange(const QRectF& valueRange)
{
    home_ = valueRange;
    homeSet_ = true;
}

void ZoomableChartView::resetZoom()
{
    if (homeSet_)
        setRanges(home_.left(), home_.right(), home_.top(), home_.bottom());
}

QPointF ZoomableChartView::valueAt(const QPoint& viewPos) const
{
    const QPointF scenePos = mapToScene(viewPos);
    const QPointF chartPos = chart()->mapFromScene(scenePos);
    const auto series = chart()->series();
    if (series.isEmpty())
        return {};
    return chart()->mapToValue(chartPos, series.first());
}

void ZoomableChartView::setRanges(double x0, double x1, double y0, double y1)
{
    if (QAbstractAxis* x = rangeAxis(chart(), Qt::Horizontal))
        x->setRange(x0, x1);
    if (QAbstractAxis* y = rangeAxis(chart(), Qt::Vertical))
        y->setRange(y0, y1);
    Q_EMIT zoomChanged();
}

void ZoomableChartView::zoomBy(double factor, const QPointF& c)
{
    QAbstractAxis* x = rangeAxis(chart(), Qt::Horizontal);
    QAbstractAxis* y = rangeAxis(chart(), Qt::Vertical);
    if (!x || !y)
        return;
    auto zoomed = [factor](QAbstractAxis* a, double centre) {
        const auto [lo, hi] = rangeOf(a);
        const double c = toSpace(a, centre), l = toSpace(a, lo), h = toSpace(a, hi);
        return std::pair{fromSpace(a, c - (c - l) * factor), fromSpace(a, c + (h - c) * factor)};
    };
    const auto [xLo, xHi] = rangeOf(x);
    if (isLog(x) && !(c.x() > 0.0))
        return;
    const auto [x0, x1] = zoomed(x, c.x());
    auto [y0, y1] = rangeOf(y);
    if (zoomBoth_)
        std::tie(y0, y1) = zoomed(y, c.y());
    const double span = toSpace(x, x1) - toSpace(x, x0);
    if (span < 1e-3 || span > 1e6 || (xLo == x0 && xHi == x1))
        return;
    setRanges(x0, x1, y0, y1);
}

void ZoomableChartView::wheelEvent(QWheelEvent* event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0.0)
        return;
    zoomBy(std::pow(0.8, steps), valueAt(event->position().toPoint()));
    event->accept();
}

bool ZoomableChartView::onLegend(const QPoint& viewPos) const
{
    if (const FigureLegendLayer* layer = FigureLegendLayer::of(chart()))
        if (layer->entryAt(chart()->mapFromScene(mapToScene(viewPos))) >= 0)
            return true;
    QLegend* legend = chart()->legend(); // isAttachedToChart() is not const
    return legend && legend->isAttachedToChart() && legend->isVisible() && legend->sceneBoundingRect().contains(mapToScene(viewPos));
}

void ZoomableChartView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton && onLegend(event->pos())) {
        legendPress_ = true; // the legend's markers take it (QLegendMarker::clicked)
        QChartView::mousePressEvent(event);
        return;
    }
    if (event->button() == Qt::LeftButton) {
        panning_ = true;
        lastPos_ = event->pos();
        setCursor(Qt::ClosedHandCursor);
        event->accept();
        return; // not passed on: no rubber band, no series click handling
    }
    QGraphicsView::mousePressEvent(event);
}

void ZoomableChartView::mouseMoveEvent(QMouseEvent* event)
{
    if (panning_) {
        const QPoint d = event->pos() - lastPos_;
        lastPos_ = event->pos();
        chart()->scroll(-d.x(), zoomBoth_ ? d.y() : 0);
        Q_EMIT zoomChanged();
        event->accept();
        return;
    }
    if (chart()->plotArea().contains(chart()->mapFromScene(mapToScene(event->pos()))))
        Q_EMIT hovered(valueAt(event->pos()), event->globalPosition().toPoint());
    else
        Q_EMIT left();
    QGraphicsView::mouseMoveEvent(event);
}

void ZoomableChartView::mouseReleaseEvent(QMouseEvent* event)
{
    if (legendPress_ && event->button() == Qt::LeftButton) {
        legendPress_ = false;
        QChartView::mouseReleaseEvent(event);
        return;
    }
    if (panning_ && event->button() == Qt::LeftButton) {
        panning_ = false;
        unsetCursor();
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

void ZoomableChartView::mouseDoubleClickEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton
        && chart()->plotArea().contains(chart()->mapFromScene(mapToScene(event->pos())))) {
        Q_EMIT valueDoubleClicked(valueAt(event->pos()));
        event->accept();
        return;
    }
    QGraphicsView::mouseDoubleClickEvent(event);
}

void ZoomableChartView::keyPressEvent(QKeyEvent* event)
{
    switch (event->key()) {
    case Qt::Key_R:
    case Qt::Key_Home:
    case Qt::Key_0: resetZoom(); return;
    case Qt::Key_Plus:
    case Qt::Key_Equal: zoomBy(0.8, valueAt(viewport()->rect().center())); return;
    case Qt::Key_Minus: zoomBy(1.25, valueAt(viewport()->rect().center())); return;
    case Qt::Key_Left: chart()->scroll(-30, 0); Q_EMIT zoomChanged(); return;
    case Qt::Key_Right: chart()->scroll(30, 0); Q_EMIT zoomChanged(); return;
    default: QChartView::keyPressEvent(event);
    }
}

void ZoomableChartView::leaveEvent(QEvent* event)
{
    Q_EMIT left();
    QChartView::leaveEvent(event);
}

void ZoomableChartView::contextMenuEvent(QContextMenuEvent* event)
{
    QMenu menu;
    menu.addAction(tr("Reset zoom"), this, &ZoomableChartView::resetZoom);
    menu.addAction(tr("Zoom in"), this, [this] { zoomBy(0.8, valueAt(viewport()->rect().center())); });
    menu.addAction(tr("Zoom out"), this, [this] { zoomBy(1.25, valueAt(viewport()->rect().center())); });
    menu.exec(event->globalPos());
}

} // namespace nofade::ui

#include "zoomable_chart_view.h"

#include <cmath>
#include <QMenu>
#include <QMouseEvent>
#include <QValueAxis>
#include <QWheelEvent>

namespace nofade::ui {

namespace {
QValueAxis* valueAxis(QChart* chart, Qt::Orientation o)
{
    const auto axes = chart->axes(o);
    return axes.isEmpty() ? nullptr : qobject_cast<QValueAxis*>(axes.first());
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
    if (auto* x = valueAxis(chart(), Qt::Horizontal))
        x->setRange(x0, x1);
    if (auto* y = valueAxis(chart(), Qt::Vertical))
        y->setRange(y0, y1);
    Q_EMIT zoomChanged();
}

void ZoomableChartView::zoomBy(double factor, const QPointF& c)
{
    QValueAxis* x = valueAxis(chart(), Qt::Horizontal);
    QValueAxis* y = valueAxis(chart(), Qt::Vertical);
    if (!x || !y)
        return;
    const double x0 = c.x() - (c.x() - x->min()) * factor;
    const double x1 = c.x() + (x->max() - c.x()) * factor;
    double y0 = y->min();
    double y1 = y->max();
    if (zoomBoth_) {
        y0 = c.y() - (c.y() - y->min()) * factor;
        y1 = c.y() + (y->max() - c.y()) * factor;
    }
    if (x1 - x0 < 1e-3 || x1 - x0 > 1e6)
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

void ZoomableChartView::mousePressEvent(QMouseEvent* event)
{
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

#include "model_figures/model_chart_view.h"

#include <QGraphicsRectItem>
#include <QMouseEvent>
#include <QToolTip>

#include "chart_kit/figure_legend_layer.h"
#include "model_figures/model_chart.h"

namespace nofade::ui {

ModelChartView::ModelChartView(ModelChart* chart, QWidget* parent) : ZoomableChartView(chart, parent)
{
    setZoomBothAxes(true);
    setHomeRange(chart->homeRange());
    setMinimumSize(260, 200);
    // The title and legend wrap above the plot instead of being cut or elided in a small cell.
    FigureLegendLayer::onScreen(chart);
}

ModelChart* ModelChartView::modelChart() const { return static_cast<ModelChart*>(chart()); }

QPointF ModelChartView::chartPos(const QPoint& viewPos) const { return chart()->mapFromScene(mapToScene(viewPos)); }

void ModelChartView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton && !onLegend(event->pos())) {
        pressPos_ = event->pos();
        pressed_ = true;
        if (event->modifiers() & Qt::ShiftModifier) {
            band_ = new QGraphicsRectItem;
            band_->setPen(QPen(palette().highlight().color(), 1.0, Qt::DashLine));
            QColor fill = palette().highlight().color();
            fill.setAlpha(40);
            band_->setBrush(fill);
            band_->setZValue(1000);
            band_->setRect(QRectF(mapToScene(pressPos_), QSizeF()));
            scene()->addItem(band_);
            event->accept();
            return;
        }
    }
    ZoomableChartView::mousePressEvent(event);
}

void ModelChartView::mouseMoveEvent(QMouseEvent* event)
{
    if (band_) {
        band_->setRect(QRectF(mapToScene(pressPos_), mapToScene(event->pos())).normalized());
        event->accept();
        return;
    }
    ZoomableChartView::mouseMoveEvent(event);
    if (pressed_)
        return;
    const int row = modelChart()->rowAt(chartPos(event->pos()));
    if (row >= 0)
        QToolTip::showText(event->globalPosition().toPoint() + QPoint(14, 10), modelChart()->tooltip(row), this);
    else
        QToolTip::hideText();
}

void ModelChartView::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton || !pressed_) {
        ZoomableChartView::mouseReleaseEvent(event);
        return;
    }
    pressed_ = false;
    const bool ctrl = event->modifiers() & Qt::ControlModifier;
    if (band_) {
        const QRectF sceneRect = band_->rect();
        scene()->removeItem(band_);
        delete band_;
        band_ = nullptr;
        const QRectF r(chart()->mapFromScene(sceneRect.topLeft()), chart()->mapFromScene(sceneRect.bottomRight()));
        Q_EMIT picked(modelChart()->rowsIn(r), ctrl ? Pick::Add : Pick::Replace);
        event->accept();
        return;
    }
    const bool click = (event->pos() - pressPos_).manhattanLength() < 4;
    ZoomableChartView::mouseReleaseEvent(event); // ends the pan
    if (!click)
        return;
    const int row = modelChart()->rowAt(chartPos(event->pos()));
    QSet<int> rows;
    if (row >= 0)
        rows.insert(row);
    if (ctrl && rows.isEmpty())
        return; // Ctrl+click on empty space keeps the selection
    Q_EMIT picked(rows, ctrl ? Pick::Toggle : Pick::Replace);
}

} // namespace nofade::ui

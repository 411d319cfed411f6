#pragma once
// The view of one model chart: zoom and pan as ZoomableChartView (wheel, drag, R), plus picking
// models: a click picks the point under the cursor (empty space: nothing), Ctrl+click toggles it,
// Shift+drag draws a selection rectangle of our own (Qt's rubber band can crash 6.4,
// QTBUG-118669; series never receive clicks, QTBUG-115072). Hovering a point shows its tooltip.
#include "chart_kit/zoomable_chart_view.h"

class QGraphicsRectItem;

namespace nofade::ui {

class ModelChart;

class ModelChartView : public ZoomableChartView {
    Q_OBJECT
public:
    explicit ModelChartView(ModelChart* chart, QWidget* parent = nullptr);
    ModelChart* modelChart() const;

    enum class Pick { Replace, Toggle, Add };

Q_SIGNALS:
    // Rows picked by a click (Replace or Toggle) or a rectangle (Replace or Add).
    void picked(const QSet<int>& rows, ModelChartView::Pick mode);

protected:
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;

private:
    QPointF chartPos(const QPoint& viewPos) const;

    QGraphicsRectItem* band_ = nullptr;
    QPoint pressPos_;
    bool pressed_ = false;
};

} // namespace nofade::ui

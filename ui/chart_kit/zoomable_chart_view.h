#pragma once
// A QChartView with its own zoom and pan (mouse wheel zooms around the cursor, dragging pans,
// R or Home resets) instead of the rubber band, which can crash Qt 6.4 when an empty area is
// clicked (QTBUG-118669). Reports hover and double-click positions in value coordinates.
#include <QChartView>

namespace nofade::ui {

class ZoomableChartView : public QChartView {
    Q_OBJECT
public:
    explicit ZoomableChartView(QChart* chart, QWidget* parent = nullptr);

    // The ranges that resetZoom() returns to (set by whoever fills the chart).
    void setHomeRange(const QRectF& valueRange);
    void resetZoom();
    // Zooms only the x axis (the default for histograms) or both.
    void setZoomBothAxes(bool both) { zoomBoth_ = both; }
    QPointF valueAt(const QPoint& viewPos) const;

Q_SIGNALS:
    void hovered(const QPointF& value, const QPoint& globalPos);
    void left();
    void valueDoubleClicked(const QPointF& value);
    void zoomChanged();

protected:
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    // Left presses on the legend go to its markers (show/hide a series); elsewhere they pan.
    bool onLegend(const QPoint& viewPos) const;

private:
    void zoomBy(double factor, const QPointF& centreValue);
    void setRanges(double x0, double x1, double y0, double y1);

    QRectF home_;
    bool homeSet_ = false;
    bool zoomBoth_ = false;
    bool panning_ = false;
    bool legendPress_ = false;
    QPoint lastPos_;
};

} // namespace nofade::ui

#pragma once
// A custom-painted heatmap of a symmetric matrix (class distances): the matrix is rendered once
// into an n x n image in the chosen order and scaled without smoothing, so 1000 x 1000 stays fast.
// Labels are drawn where they fit; hover reports the two items and the value. The wheel zooms
// around the cursor, dragging pans, R or a double-click resets: labels appear as the cells grow.
#include <QImage>
#include <QStringList>
#include <QWidget>

#include "maths/class_ordering.h"

namespace nofade::ui {

class HeatmapWidget : public QWidget {
    Q_OBJECT
public:
    explicit HeatmapWidget(QWidget* parent = nullptr);

    // `order[k]` is the matrix index shown at position k. The colour scale spans [vmin, vmax].
    void setMatrix(DistanceMatrix matrix, QStringList labels, std::vector<int> order, double vmin, double vmax);
    void setOrder(std::vector<int> order);
    const std::vector<int>& order() const { return order_; }
    const DistanceMatrix& matrix() const { return matrix_; }
    const QImage& image() const { return image_; }
    const QStringList& labels() const { return labels_; }
    double vmin() const { return vmin_; }
    double vmax() const { return vmax_; }
    // The matrix indices (a, b) under a widget position; false outside the map.
    bool cellAt(const QPoint& pos, int* a, int* b) const;
    QRect mapRect() const;

    // The part of the map in view, in cells (x: columns, y: rows; the whole map is 0..n).
    QRectF visibleCells() const { return visible_; }
    void setVisibleCells(const QRectF& cells);
    void resetZoom();
    double zoom() const; // 1 = the whole map
    // Brings the class at matrix index `index` into view, zoomed so that its label shows, and
    // outlines its row and column.
    void showItem(int index);
    int shownItem() const { return shown_; }
    // Every `labelStep()`-th row and column is labelled, those in view (0: none).
    int labelStep() const;
    // The positions (in the current order) whose labels are drawn.
    std::vector<int> labelledPositions() const;

Q_SIGNALS:
    void cellHovered(int a, int b, double value); // a < 0 when the mouse left the map

protected:
    void paintEvent(QPaintEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void renderImage();
    int labelMargin() const;
    int positionOf(int index) const;
    double cellSize() const; // pixels

    DistanceMatrix matrix_;
    QStringList labels_;
    std::vector<int> order_;
    double vmin_ = 0.0;
    double vmax_ = 1.0;
    QImage image_;
    int hoverA_ = -1;
    int hoverB_ = -1;
    int shown_ = -1;
    mutable int margin_ = -1; // labelMargin(), -1 until measured
    QRectF visible_;
    bool panning_ = false;
    QPoint lastPos_;
};

} // namespace nofade::ui

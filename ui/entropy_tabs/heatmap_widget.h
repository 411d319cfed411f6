#pragma once
// A custom-painted heatmap of a symmetric matrix (class distances): the matrix is rendered once
// into an n x n image in the chosen order and scaled without smoothing, so 1000 x 1000 stays fast.
// Labels are drawn where they fit; hover reports the two items and the value.
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

Q_SIGNALS:
    void cellHovered(int a, int b, double value); // a < 0 when the mouse left the map

protected:
    void paintEvent(QPaintEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    void renderImage();
    int labelMargin() const;

    DistanceMatrix matrix_;
    QStringList labels_;
    std::vector<int> order_;
    double vmin_ = 0.0;
    double vmax_ = 1.0;
    QImage image_;
    int hoverA_ = -1;
    int hoverB_ = -1;
};

} // namespace nofade::ui

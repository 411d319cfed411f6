#pragma once
// Drawn over a MeasureParallelChart: each dataset's interval on each axis (a bar with caps in the
// dataset's colour) and the real numbers at both ends of each normalised axis.
#include <QGraphicsObject>

namespace nofade::ui {

class MeasureParallelChart;

class MeasureIntervalLayer : public QGraphicsObject {
    Q_OBJECT
public:
    explicit MeasureIntervalLayer(MeasureParallelChart* chart);

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

    // Where an axis's end labels sit, in normalised units (the plot spans kBottom to kTop).
    static constexpr double kTop = 1.14, kBottom = -0.14;

private:
    MeasureParallelChart* chart_;
};

} // namespace nofade::ui

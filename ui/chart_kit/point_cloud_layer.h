#pragma once
// Many points (100,000 and more) over a QChart, drawn in one pass. Qt Charts makes a graphics item
// per point of a QScatterSeries and maps every point through its domain on every paint (seconds
// for 100,000); this is one item over the plot area that maps data to pixels with the affine
// transform of the chart's two value axes, stamps every point into a cached image of the plot area
// and repaints by drawing that image. The cache is rebuilt only when the points, their colours, the
// marker size, the plot area, an axis range or the device scale change, so it follows the zoom and
// pan of a ZoomableChartView. Hover and click find a point through a uniform grid over the pixel
// positions (PointGrid), not by scanning every point.
// Painters that are not raster images (SVG, PDF: ChartExporter renders the view into them) get one
// vector disc per point, so exported figures keep their points as vectors.
#include <cstdint>
#include <vector>
#include <QColor>
#include <QGraphicsObject>
#include <QImage>

#include "chart_kit/point_grid.h"

class QChart;
class QValueAxis;

namespace nofade::ui {

struct PointCloud {
    std::vector<double> x;              // data coordinates
    std::vector<double> y;
    std::vector<std::uint16_t> colour;  // index into the layer's colours
};

class PointCloudLayer : public QGraphicsObject {
    Q_OBJECT
public:
    // Draws over `chart`'s plot area in the ranges of `x` and `y`, two axes of the chart (a
    // QCategoryAxis is a QValueAxis too). The chart owns the layer.
    PointCloudLayer(QChart* chart, QValueAxis* x, QValueAxis* y);

    void setPoints(PointCloud points);
    const PointCloud& points() const { return points_; }
    int count() const { return int(points_.x.size()); }
    // Colour i paints the points whose colour index is i (with its alpha); missing ones are grey.
    void setColours(std::vector<QColor> colours);
    // Disc diameter in logical pixels.
    void setMarkerSize(qreal diameter);
    qreal markerSize() const { return marker_; }
    // A ring around one point (the hovered one); -1 for none.
    void setHighlighted(int index);
    int highlighted() const { return highlighted_; }

    // The point drawn nearest `chartPos` (chart coordinates) within `radius` pixels, or -1.
    int pointAt(const QPointF& chartPos, qreal radius) const;
    // Where a point is drawn, in chart coordinates; NaN when it lies outside the axis ranges.
    QPointF positionOf(int index) const;
    // How often the cached image was rebuilt (a plain repaint reuses it).
    int cacheBuilds() const { return cacheBuilds_; }

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    // What the pixel positions depend on.
    struct Frame {
        QRectF plot;
        double x0 = 0, x1 = 0, y0 = 0, y1 = 0;
        bool operator==(const Frame&) const = default;
    };
    Frame currentFrame() const;
    void ensureMapped() const;
    void paintVector(QPainter* painter) const;
    void rebuildCache(double scale, const QPointF& fraction, const QSize& size);
    void paintHighlight(QPainter* painter) const;

    QChart* chart_;
    QValueAxis* xAxis_;
    QValueAxis* yAxis_;
    PointCloud points_;
    std::vector<QColor> colours_;
    qreal marker_ = 4.0;
    int highlighted_ = -1;
    QRectF bounds_;
    std::uint64_t version_ = 1; // points, colours, marker size

    // Pixel positions (chart coordinates; NaN outside the plot) for mappedFrame_ and mappedVersion_.
    mutable Frame mappedFrame_;
    mutable std::uint64_t mappedVersion_ = 0;
    mutable std::vector<float> px_;
    mutable std::vector<float> py_;
    mutable PointGrid grid_;
    mutable bool gridValid_ = false;

    // The cached raster image and what it was made for.
    QImage cache_;
    Frame cacheFrame_;
    std::uint64_t cacheVersion_ = 0;
    double cacheScale_ = 0.0;
    QPointF cacheFraction_;
    int cacheBuilds_ = 0;
};

} // namespace nofade::ui

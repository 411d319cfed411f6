#include "chart_kit/point_cloud_layer.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <QChart>
#include <QPaintEngine>
#include <QPainter>
#include <QValueAxis>

#include "chart_kit/disc_stamper.h"

namespace nofade::ui {

namespace {
// Above the chart's grid, axes and series (Qt Charts stacks them at z -1..4 under the chart),
// below its legend (5).
constexpr qreal kLayerZ = 4.5;
constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

// The painter draws into a raster image with an axis-aligned, uniform scale: the cache applies.
bool cacheable(const QPainter* painter)
{
    const QPaintEngine* engine = painter->paintEngine();
    const QTransform t = painter->deviceTransform();
    return engine && engine->type() == QPaintEngine::Raster && t.type() <= QTransform::TxScale && t.m11() > 0.0
           && qFuzzyCompare(t.m11(), t.m22());
}
} // namespace

PointCloudLayer::PointCloudLayer(QChart* chart, QValueAxis* x, QValueAxis* y)
    : QGraphicsObject(chart), chart_(chart), xAxis_(x), yAxis_(y)
{
    setZValue(kLayerZ);
    setAcceptedMouseButtons(Qt::NoButton); // the view pans and picks; the layer only draws
    bounds_ = chart->plotArea();
    connect(chart, &QChart::plotAreaChanged, this, [this](const QRectF& plot) {
        prepareGeometryChange();
        bounds_ = plot;
        update();
    });
    connect(x, &QValueAxis::rangeChanged, this, [this] { update(); });
    connect(y, &QValueAxis::rangeChanged, this, [this] { update(); });
}

void PointCloudLayer::setPoints(PointCloud points)
{
    const std::size_t n = points.x.size();
    points.y.resize(n, 0.0);
    points.colour.resize(n, 0);
    points_ = std::move(points);
    highlighted_ = -1;
    ++version_;
    update();
}

void PointCloudLayer::setColours(std::vector<QColor> colours)
{
    colours_ = std::move(colours);
    ++version_;
    update();
}

void PointCloudLayer::setMarkerSize(qreal diameter)
{
    if (diameter == marker_ || !(diameter > 0.0))
        return;
    prepareGeometryChange(); // the bounds leave room for half a disc and the highlight ring
    marker_ = diameter;
    ++version_;
    update();
}

void PointCloudLayer::setHighlighted(int index)
{
    const int i = index >= 0 && index < count() ? index : -1;
    if (i != highlighted_) {
        highlighted_ = i;
        update();
    }
}

QRectF PointCloudLayer::boundingRect() const
{
    const qreal m = marker_ / 2.0 + 4.0;
    return bounds_.adjusted(-m, -m, m, m);
}

PointCloudLayer::Frame PointCloudLayer::currentFrame() const
{
    Frame f{chart_->plotArea(), xAxis_->min(), xAxis_->max(), yAxis_->min(), yAxis_->max()};
    if (xAxis_->isReverse())
        std::swap(f.x0, f.x1);
    if (yAxis_->isReverse())
        std::swap(f.y0, f.y1);
    return f;
}

void PointCloudLayer::ensureMapped() const
{
    const Frame f = currentFrame();
    if (f == mappedFrame_ && version_ == mappedVersion_)
        return;
    mappedFrame_ = f;
    mappedVersion_ = version_;
    gridValid_ = false;
    const std::size_t n = points_.x.size();
    px_.assign(n, kNaN);
    py_.assign(n, kNaN);
    if (f.plot.isEmpty() || f.x1 == f.x0 || f.y1 == f.y0)
        return;
    // The axes' affine map, once: x grows to the right from x0, y upwards from y0.
    const double sx = f.plot.width() / (f.x1 - f.x0), ox = f.plot.left() - f.x0 * sx;
    const double sy = -f.plot.height() / (f.y1 - f.y0), oy = f.plot.bottom() - f.y0 * sy;
    // Inside the ranges is decided on the data, so that a point on an axis bound stays in.
    const double xLo = std::min(f.x0, f.x1), xHi = std::max(f.x0, f.x1);
    const double yLo = std::min(f.y0, f.y1), yHi = std::max(f.y0, f.y1);
    for (std::size_t i = 0; i < n; ++i) {
        const double x = points_.x[i], y = points_.y[i];
        if (x >= xLo && x <= xHi && y >= yLo && y <= yHi) {
            px_[i] = float(ox + sx * x);
            py_[i] = float(oy + sy * y);
        }
    }
}

QPointF PointCloudLayer::positionOf(int index) const
{
    if (index < 0 || index >= count())
        return {qQNaN(), qQNaN()};
    ensureMapped();
    return {px_[std::size_t(index)], py_[std::size_t(index)]};
}

int PointCloudLayer::pointAt(const QPointF& chartPos, qreal radius) const
{
    ensureMapped();
    if (!gridValid_) {
        // Cells about a disc wide: the cursor's neighbourhood is a handful of cells.
        grid_.build(px_, py_, mappedFrame_.plot, float(std::max<qreal>(8.0, marker_ * 2.0)));
        gridValid_ = true;
    }
    return grid_.nearest(px_, py_, float(chartPos.x()), float(chartPos.y()), float(radius));
}

void PointCloudLayer::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    ensureMapped();
    if (!cacheable(painter)) {
        paintVector(painter);
        paintHighlight(painter);
        return;
    }
    // The cache is in device pixels, anchored on the device pixel that holds the plot's corner, so
    // that it is blitted 1:1 (a 2x screen or a 300 DPI export gets a 2x or 3x cache).
    const QTransform t = painter->deviceTransform();
    const double scale = t.m11();
    const QPointF corner = t.map(mappedFrame_.plot.topLeft());
    const QPointF origin(std::floor(corner.x()), std::floor(corner.y()));
    const QPointF fraction = corner - origin;
    const QSize size(int(std::ceil(mappedFrame_.plot.width() * scale + fraction.x())) + 1,
                     int(std::ceil(mappedFrame_.plot.height() * scale + fraction.y())) + 1);
    if (cache_.isNull() || cacheFrame_ != mappedFrame_ || cacheVersion_ != version_ || cacheScale_ != scale
        || cacheFraction_ != fraction || cache_.size() != size)
        rebuildCache(scale, fraction, size);
    painter->drawImage(t.inverted().map(origin), cache_);
    paintHighlight(painter);
}

void PointCloudLayer::rebuildCache(double scale, const QPointF& fraction, const QSize& size)
{
    if (cache_.size() != size) // else reuse the pixels (a pan or zoom keeps the size)
        cache_ = QImage(size, QImage::Format_ARGB32_Premultiplied);
    cache_.fill(Qt::transparent);
    cache_.setDevicePixelRatio(scale);
    cacheFrame_ = mappedFrame_;
    cacheVersion_ = version_;
    cacheScale_ = scale;
    cacheFraction_ = fraction;
    ++cacheBuilds_;
    // Chart coordinates to the cache's pixels.
    const float left = float(mappedFrame_.plot.left()), top = float(mappedFrame_.plot.top());
    const float s = float(scale), fx = float(fraction.x()), fy = float(fraction.y());
    std::vector<float> x(px_.size()), y(py_.size());
    for (std::size_t i = 0; i < px_.size(); ++i) {
        x[i] = (px_[i] - left) * s + fx; // NaN stays NaN
        y[i] = (py_[i] - top) * s + fy;
    }
    DiscStamper(marker_ * scale, colours_).stampAll(cache_, x, y, points_.colour);
}

void PointCloudLayer::paintVector(QPainter* painter) const
{
    // One disc per point; the brush changes only when the colour does (callers that group their
    // points by colour get one style group per colour in an SVG).
    painter->save();
    painter->setClipRect(mappedFrame_.plot, Qt::IntersectClip);
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    const qreal r = marker_ / 2.0;
    int current = -1;
    for (std::size_t i = 0; i < px_.size(); ++i) {
        if (std::isnan(px_[i]))
            continue;
        const int c = points_.colour[i];
        if (c != current) {
            current = c;
            painter->setBrush(std::size_t(c) < colours_.size() ? colours_[std::size_t(c)] : QColor(128, 128, 128));
        }
        painter->drawEllipse(QPointF(px_[i], py_[i]), r, r);
    }
    painter->restore();
}

void PointCloudLayer::paintHighlight(QPainter* painter) const
{
    if (highlighted_ < 0 || std::isnan(px_[std::size_t(highlighted_)]))
        return;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setBrush(Qt::NoBrush);
    painter->setPen(QPen(QColor(20, 20, 20), 1.5));
    const qreal r = marker_ / 2.0 + 2.5;
    painter->drawEllipse(QPointF(px_[std::size_t(highlighted_)], py_[std::size_t(highlighted_)]), r, r);
    painter->restore();
}

} // namespace nofade::ui

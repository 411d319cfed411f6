#include "entropy_tabs/density_chart.h"

#include <QAreaSeries>
#include <QLegendMarker>
#include <QLineSeries>
#include <QValueAxis>

namespace nofade::ui {

namespace {
// A round step (1, 2, 2.5 or 5 x 10^k) giving at most 6 intervals up to `top`.
double niceStep(double top)
{
    const double raw = top / 6.0;
    const double p = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (m * p >= raw)
            return m * p;
    return 10.0 * p;
}
} // namespace

int DensityChart::niceTicks(double top)
{
    return int(std::lround(top / niceStep(top))) + 1;
}

DensityChart::DensityChart(QGraphicsItem* parent) : QChart(parent)
{
    setAnimationOptions(QChart::NoAnimation);
    legend()->setAlignment(Qt::AlignTop);
    legend()->setShowToolTips(true);
    auto* x = new QValueAxis(this);
    x->setRange(0.0, 8.0);
    x->setTickCount(9);
    x->setLabelFormat(QStringLiteral("%.1f"));
    x->setTitleText(tr("Per-image entropy (bits)"));
    auto* y = new QValueAxis(this);
    y->setTitleText(tr("Density (1/bit)"));
    y->setLabelFormat(QStringLiteral("%.2f"));
    addAxis(x, Qt::AlignBottom);
    addAxis(y, Qt::AlignLeft);
    setMargins(QMargins(6, 6, 6, 6));
}

QString DensityChart::xTitle() const { return tr("Per-image entropy (bits)"); }

void DensityChart::setCurves(std::vector<DensityCurve> curves)
{
    curves_ = std::move(curves);
    rebuild();
}

void DensityChart::rebuild()
{
    std::vector<bool> wasVisible;
    for (const Drawn& d : drawn_)
        wasVisible.push_back(d.visible);
    removeAllSeries();
    drawn_.assign(curves_.size(), Drawn{});
    QAbstractAxis* x = axes(Qt::Horizontal).first();
    QAbstractAxis* y = axes(Qt::Vertical).first();
    for (std::size_t i = 0; i < curves_.size(); ++i) {
        const DensityCurve& c = curves_[i];
        Drawn& d = drawn_[i];
        d.visible = i < wasVisible.size() ? bool(wasVisible[i]) : true;
        // A step outline: (lo, d), (hi, d) for every bin, down to 0 at both ends.
        QList<QPointF> pts;
        pts.reserve(c.histogram.bins() * 2 + 2);
        pts.append({0.0, 0.0});
        for (int b = 0; b < c.histogram.bins(); ++b) {
            const double v = c.histogram.density[std::size_t(b)];
            pts.append({c.histogram.lower(b), v});
            pts.append({c.histogram.upper(b), v});
        }
        pts.append({kMaxEntropyBits, 0.0});
        d.upper = new QLineSeries;
        d.upper->replace(pts);
        d.area = new QAreaSeries(d.upper);
        d.upper->setParent(d.area); // deleted with the area series
        d.area->setName(c.name);
        QColor fill = c.colour;
        fill.setAlpha(curves_.size() > 1 ? 60 : 110);
        d.area->setBrush(fill);
        d.area->setPen(QPen(c.colour, 1.6));
        addSeries(d.area);
        d.area->attachAxis(x);
        d.area->attachAxis(y);
        d.mean = new QLineSeries;
        d.mean->setPen(QPen(c.colour.darker(115), 1.8, Qt::DashLine));
        if (std::isfinite(c.mean))
            d.mean->replace(QList<QPointF>{{c.mean, 0.0}, {c.mean, c.histogram.maxDensity() * 1.04}});
        d.mean->setName(tr("%1 mean").arg(c.name));
        addSeries(d.mean);
        d.mean->attachAxis(x);
        d.mean->attachAxis(y);
        legend()->markers(d.mean).first()->setVisible(false);
        QLegendMarker* marker = legend()->markers(d.area).first();
        const int index = int(i);
        connect(marker, &QLegendMarker::clicked, this, [this, index] { setCurveVisible(index, !isCurveVisible(index)); });
        d.area->setVisible(d.visible);
        d.mean->setVisible(d.visible && meanMarkers_);
        styleMarker(index);
    }
    const QRectF r = homeRange();
    static_cast<QValueAxis*>(x)->setRange(r.left(), r.right());
    static_cast<QValueAxis*>(y)->setRange(r.top(), r.bottom());
    static_cast<QValueAxis*>(y)->setTickCount(niceTicks(r.bottom()));
}

QRectF DensityChart::homeRange() const
{
    double top = 0.0;
    for (std::size_t i = 0; i < curves_.size(); ++i)
        if (i >= drawn_.size() || drawn_[i].visible)
            top = std::max(top, curves_[i].histogram.maxDensity());
    if (top <= 0.0)
        top = 1.0;
    const double step = niceStep(top * 1.03);
    top = std::ceil(top * 1.03 / step) * step;
    // QRectF used as (x0, y0) - (x1, y1) value ranges: left/right = x, top/bottom = y.
    return QRectF(QPointF(0.0, 0.0), QPointF(kMaxEntropyBits, top));
}

void DensityChart::setMeanMarkersVisible(bool visible)
{
    meanMarkers_ = visible;
    for (Drawn& d : drawn_)
        d.mean->setVisible(d.visible && visible);
}

bool DensityChart::isCurveVisible(int i) const
{
    return i >= 0 && i < int(drawn_.size()) && drawn_[std::size_t(i)].visible;
}

void DensityChart::setCurveVisible(int i, bool visible)
{
    if (i < 0 || i >= int(drawn_.size()))
        return;
    Drawn& d = drawn_[std::size_t(i)];
    d.visible = visible;
    d.area->setVisible(visible);
    d.mean->setVisible(visible && meanMarkers_);
    styleMarker(i);
    Q_EMIT curveVisibilityChanged();
}

void DensityChart::styleMarker(int i)
{
    Drawn& d = drawn_[std::size_t(i)];
    const auto markers = legend()->markers(d.area);
    if (markers.isEmpty())
        return;
    QLegendMarker* m = markers.first();
    m->setVisible(true); // stays in the legend when its curve is hidden, dimmed, to be clicked back
    for (QLegendMarker* mean : legend()->markers(d.mean))
        mean->setVisible(false); // showing the series again would show its marker
    QColor label = legend()->labelColor();
    QColor fill = curves_[std::size_t(i)].colour;
    if (!d.visible) {
        label.setAlphaF(0.35);
        fill.setAlphaF(0.2);
    }
    m->setLabelBrush(label);
    m->setBrush(fill);
    m->setPen(QPen(fill));
}

} // namespace nofade::ui

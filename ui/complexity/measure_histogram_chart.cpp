#include "complexity/measure_histogram_chart.h"

#include <algorithm>
#include <cmath>
#include <QLineSeries>
#include <QValueAxis>

namespace nofade::ui {

MeasureSeries perImageMeasure(const QString& name, const QColor& colour, const Profile& profile, const QString& measure)
{
    MeasureSeries s{name, colour, {}};
    if (!profile.measures)
        return s;
    const bool si = measure == QLatin1String("si");
    for (const ImageMeasureValues& v : profile.measures->perImage)
        if (const double x = si ? v.si : v.bpp; std::isfinite(x))
            s.values.push_back(x);
    return s;
}

QString MeasureHistogramChart::titleOf(const QString& measure)
{
    return measure == QLatin1String("si") ? tr("Spatial information (SI) per image") : tr("Compressed bits per pixel per image");
}

QString MeasureHistogramChart::axisTitleOf(const QString& measure)
{
    return measure == QLatin1String("si") ? tr("SI (Sobel gradient std)") : tr("bits per pixel (zlib level 6)");
}

MeasureHistogramChart::MeasureHistogramChart(QGraphicsItem* parent) : QChart(parent)
{
    legend()->setAlignment(Qt::AlignTop);
    setMargins(QMargins(4, 4, 4, 4));
}

void MeasureHistogramChart::setSeries(const QString& title, const QString& xTitle, std::vector<MeasureSeries> series, int bins)
{
    removeAllSeries();
    for (QAbstractAxis* axis : axes())
        removeAxis(axis), delete axis;
    densities_.clear();
    edges_.clear();
    counts_.clear();
    series_ = series;
    setTitle(title);
    double lo = INFINITY, hi = -INFINITY;
    for (const MeasureSeries& s : series)
        for (double v : s.values) {
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
    if (!(hi >= lo))
        return;
    if (hi == lo) { // every image the same: one bin around it
        lo -= 0.5;
        hi += 0.5;
    }
    const double w = (hi - lo) / bins;
    for (int b = 0; b <= bins; ++b)
        edges_.push_back(lo + w * b);
    auto* x = new QValueAxis;
    x->setTitleText(xTitle);
    x->setRange(lo, hi);
    auto* y = new QValueAxis;
    y->setTitleText(tr("density"));
    addAxis(x, Qt::AlignBottom);
    addAxis(y, Qt::AlignLeft);
    double top = 0.0;
    for (const MeasureSeries& s : series) {
        std::vector<double> d(std::size_t(bins), 0.0);
        for (double v : s.values)
            d[std::size_t(std::clamp(int((v - lo) / w), 0, bins - 1))] += 1.0;
        std::vector<std::int64_t> n(d.size());
        for (std::size_t b = 0; b < d.size(); ++b)
            n[b] = std::int64_t(d[b]);
        counts_.push_back(std::move(n));
        for (double& c : d) {
            c /= double(s.values.size()) * w;
            top = std::max(top, c);
        }
        auto* line = new QLineSeries;
        line->setName(s.name);
        line->append(lo, 0.0);
        for (int b = 0; b < bins; ++b) {
            line->append(edges_[std::size_t(b)], d[std::size_t(b)]);
            line->append(edges_[std::size_t(b + 1)], d[std::size_t(b)]);
        }
        line->append(hi, 0.0);
        line->setPen(QPen(s.colour, 2));
        addSeries(line);
        line->attachAxis(x);
        line->attachAxis(y);
        densities_.push_back(std::move(d));
    }
    y->setRange(0.0, top > 0 ? top * 1.08 : 1.0);
    x->applyNiceNumbers();
    y->applyNiceNumbers();
}

} // namespace nofade::ui

#pragma once
// Overlaid density histograms of one per-image measure (SI or bpp) of every dataset that has it,
// over the range the values span, as the Entropy histograms tab draws entropy.
#include <cstdint>
#include <vector>
#include <QChart>
#include <QColor>

#include "profile/profile.h"

namespace nofade::ui {

struct MeasureSeries {
    QString name;
    QColor colour;
    std::vector<double> values; // finite per-image values
};

// The finite per-image values of `measure` ("si" or "bpp") in a profile (empty when not measured).
MeasureSeries perImageMeasure(const QString& name, const QColor& colour, const Profile& profile, const QString& measure);

class MeasureHistogramChart : public QChart {
    Q_OBJECT
public:
    explicit MeasureHistogramChart(QGraphicsItem* parent = nullptr);
    // The chart's title and x axis title for a per-image measure ("si" or "bpp").
    static QString titleOf(const QString& measure);
    static QString axisTitleOf(const QString& measure);
    // `title` and the x axis's text; the bins span [min, max] of all the values.
    void setSeries(const QString& title, const QString& xTitle, std::vector<MeasureSeries> series, int bins = 40);
    // Each series' density per bin (integrates to 1) and the bins' edges, as drawn.
    const std::vector<std::vector<double>>& densities() const { return densities_; }
    const std::vector<double>& edges() const { return edges_; }
    // Each series' images per bin, and the series as given.
    const std::vector<std::vector<std::int64_t>>& counts() const { return counts_; }
    const std::vector<MeasureSeries>& measureSeries() const { return series_; }

private:
    std::vector<std::vector<double>> densities_;
    std::vector<double> edges_;
    std::vector<std::vector<std::int64_t>> counts_;
    std::vector<MeasureSeries> series_;
};

} // namespace nofade::ui

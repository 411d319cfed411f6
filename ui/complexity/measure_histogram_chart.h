#pragma once
// Overlaid density histograms of one per-image measure (SI or bpp) of every dataset that has it,
// over the range the values span, as the Entropy histograms tab draws entropy.
#include <vector>
#include <QChart>
#include <QColor>

namespace nofade::ui {

struct MeasureSeries {
    QString name;
    QColor colour;
    std::vector<double> values; // finite per-image values
};

class MeasureHistogramChart : public QChart {
    Q_OBJECT
public:
    explicit MeasureHistogramChart(QGraphicsItem* parent = nullptr);
    // `title` and the x axis's text; the bins span [min, max] of all the values.
    void setSeries(const QString& title, const QString& xTitle, std::vector<MeasureSeries> series, int bins = 40);
    // Each series' density per bin (integrates to 1) and the bins' edges, as drawn.
    const std::vector<std::vector<double>>& densities() const { return densities_; }
    const std::vector<double>& edges() const { return edges_; }

private:
    std::vector<std::vector<double>> densities_;
    std::vector<double> edges_;
};

} // namespace nofade::ui

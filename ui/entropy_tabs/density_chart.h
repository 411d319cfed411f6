#pragma once
// A QChart of overlaid density histograms over [0, 8] bits: one filled step outline per curve,
// an optional dashed marker at each curve's mean, and legend entries that toggle their curve.
// Used for datasets (Entropy histograms tab), classes (per-class overlay) and exports.
#include <cmath>
#include <vector>
#include <QChart>

#include "profile/density_histogram.h"

class QAreaSeries;
class QLineSeries;

namespace nofade::ui {

struct DensityCurve {
    QString name;
    QColor colour;
    DensityHistogram histogram;
    double mean = std::nan("");
    int key = 0; // the caller's identifier (dataset id, class index)
};

class DensityChart : public QChart {
    Q_OBJECT
public:
    explicit DensityChart(QGraphicsItem* parent = nullptr);

    void setCurves(std::vector<DensityCurve> curves);
    const std::vector<DensityCurve>& curves() const { return curves_; }
    void setMeanMarkersVisible(bool visible);
    bool meanMarkersVisible() const { return meanMarkers_; }
    bool isCurveVisible(int i) const;
    void setCurveVisible(int i, bool visible);

    // x: [0, 8] bits, y: [0, the highest density of the visible curves + 8 %].
    QRectF homeRange() const;
    QString xTitle() const;
    // Ticks for [0, top] at a round step (top from homeRange()).
    static int niceTicks(double top);

Q_SIGNALS:
    void curveVisibilityChanged();

private:
    struct Drawn {
        QAreaSeries* area = nullptr;
        QLineSeries* upper = nullptr;
        QLineSeries* mean = nullptr;
        bool visible = true;
    };
    void rebuild();
    void styleMarker(int i);

    std::vector<DensityCurve> curves_;
    std::vector<Drawn> drawn_;
    bool meanMarkers_ = true;
};

} // namespace nofade::ui

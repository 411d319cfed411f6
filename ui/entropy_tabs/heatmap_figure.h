#pragma once
// The class-distance heatmap as a figure: the cells, the class labels where they fit and the
// colour bar with its scale's name, painted on a canvas of 96 units per inch with fonts in points
// of the printed figure. Cells are vector rectangles in the colour bar's colours (a lossless image
// beyond kMaxVectorClasses); no hover hint, no frame.
#include <vector>
#include <QRectF>
#include <QStringList>

#include "export/figure_style.h"
#include "maths/class_ordering.h"

class QPainter;

namespace nofade {
struct JsdSummary;
struct Profile;
}

namespace nofade::ui {

// The JS distances between a profile's usable classes as a matrix by usable-class position (the
// pairs name classes by profile index); `maxDistance` gets the largest (0 when there is none).
DistanceMatrix usableClassDistances(const Profile& profile, const JsdSummary& jsd, double* maxDistance);

struct HeatmapFigure {
    DistanceMatrix matrix;
    QStringList labels;     // by matrix index
    std::vector<int> order; // order[k]: the matrix index shown at position k
    double vmin = 0.0;
    double vmax = 1.0;
    QString title;          // above the map (the dataset's name); may be empty
    QString scaleTitle;     // beside the colour bar, e.g. "JS distance (fixed scale 0–1)"
    FigureStyle style;

    static constexpr int kMaxVectorClasses = 250;

    void paint(QPainter* painter, const QRectF& canvas) const;
    // Where the cells go on `canvas`.
    QRectF mapRect(const QRectF& canvas) const;
    QRectF barRect(const QRectF& canvas) const;

private:
    struct Layout {
        QRectF title, map, bar;
        double labelMargin = 0.0;
        int labelStep = 0; // 0: no class labels
        int scaleLines = 1;
    };
    Layout layout(const QRectF& canvas) const;
};

} // namespace nofade::ui

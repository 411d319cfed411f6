#pragma once
// A perceptually uniform sequential colour scale (viridis) for heatmaps and colour legends.
#include <QColor>

namespace nofade::ui {

class ColourScale {
public:
    // t in [0, 1] (clamped).
    static QRgb rgbAt(double t);
    static QColor at(double t) { return QColor::fromRgb(rgbAt(t)); }
};

} // namespace nofade::ui

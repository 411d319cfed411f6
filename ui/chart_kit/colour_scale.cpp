#include "chart_kit/colour_scale.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace nofade::ui {

namespace {
// viridis sampled at 11 evenly spaced points (matplotlib's table)
constexpr std::array<std::array<int, 3>, 11> kStops = {{
    {68, 1, 84}, {72, 36, 117}, {65, 68, 135}, {53, 95, 141}, {42, 120, 142}, {33, 145, 140},
    {34, 168, 132}, {68, 191, 112}, {122, 209, 81}, {189, 223, 38}, {253, 231, 37},
}};
} // namespace

QRgb ColourScale::rgbAt(double t)
{
    if (!std::isfinite(t))
        return qRgb(200, 200, 200);
    t = std::clamp(t, 0.0, 1.0) * double(kStops.size() - 1);
    const int i = std::min(int(t), int(kStops.size()) - 2);
    const double f = t - i;
    const auto& a = kStops[std::size_t(i)];
    const auto& b = kStops[std::size_t(i + 1)];
    auto mix = [f](int x, int y) { return int(std::lround(x + (y - x) * f)); };
    return qRgb(mix(a[0], b[0]), mix(a[1], b[1]), mix(a[2], b[2]));
}

} // namespace nofade::ui

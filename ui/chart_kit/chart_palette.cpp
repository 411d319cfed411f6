#include "chart_kit/chart_palette.h"

#include <array>

namespace nofade::ui {

namespace {
constexpr std::array<QRgb, 18> kColours = {
    0x0072B2, 0xD55E00, 0x009E73, 0xCC79A7, 0xE69F00, 0x56B4E9, 0x404040, 0xF0E442,
    0x8C564B, 0x7F7F7F, 0x17BECF, 0xBCBD22, 0x9467BD, 0xFF9896, 0x98DF8A, 0xC5B0D5,
    0xC49C94, 0xAEC7E8,
};
}

QColor ChartPalette::colour(int index)
{
    const int n = size();
    const int i = ((index % n) + n) % n;
    QColor c = QColor::fromRgb(kColours[std::size_t(i)]);
    if (index >= n) // second lap: a darker shade so that neighbours still differ
        c = c.darker(100 + 30 * (index / n));
    return c;
}

int ChartPalette::size() { return int(kColours.size()); }

} // namespace nofade::ui

#include "disc_stamper.h"

#include <algorithm>
#include <cmath>

namespace nofade::ui {

namespace {
// x * a / 255 for the four 8-bit channels of x at once (Qt's BYTE_MUL).
inline std::uint32_t byteMul(std::uint32_t x, std::uint32_t a)
{
    std::uint32_t t = (x & 0xff00ffu) * a;
    t = (t + ((t >> 8) & 0xff00ffu) + 0x800080u) >> 8;
    t &= 0xff00ffu;
    x = ((x >> 8) & 0xff00ffu) * a;
    x = x + ((x >> 8) & 0xff00ffu) + 0x800080u;
    x &= 0xff00ff00u;
    return x | t;
}

std::array<std::uint32_t, 17> sourcesFor(const QColor& colour)
{
    std::array<std::uint32_t, 17> out{};
    const QRgb rgb = colour.rgba();
    for (int level = 0; level < 17; ++level) {
        const int a = int(std::lround(qAlpha(rgb) * level / 16.0));
        out[std::size_t(level)] = qPremultiply(qRgba(qRed(rgb), qGreen(rgb), qBlue(rgb), a));
    }
    return out;
}
} // namespace

DiscStamper::DiscStamper(double diameter, const std::vector<QColor>& colours)
{
    const double r = std::max(0.5, diameter / 2.0);
    side_ = 2 * int(std::ceil(r)) + 1;
    const double centre = side_ / 2.0; // the middle pixel's centre
    coverage_.assign(std::size_t(side_) * std::size_t(side_), 0);
    for (int j = 0; j < side_; ++j)
        for (int i = 0; i < side_; ++i) {
            int inside = 0;
            for (int sj = 0; sj < 4; ++sj)
                for (int si = 0; si < 4; ++si) {
                    const double dx = i + (si + 0.5) / 4.0 - centre;
                    const double dy = j + (sj + 0.5) / 4.0 - centre;
                    inside += dx * dx + dy * dy <= r * r ? 1 : 0;
                }
            coverage_[std::size_t(j) * std::size_t(side_) + std::size_t(i)] = std::uint8_t(inside);
        }
    sources_.reserve(colours.size() + 1);
    for (const QColor& c : colours)
        sources_.push_back(sourcesFor(c));
    sources_.push_back(sourcesFor(QColor(128, 128, 128))); // for indices without a colour
}

void DiscStamper::stamp(QImage& image, float x, float y, std::size_t colour) const
{
    const auto& source = sources_[std::min(colour, sources_.size() - 1)];
    const int half = side_ / 2;
    const int left = int(std::floor(x)) - half;
    const int top = int(std::floor(y)) - half;
    const int i0 = std::max(0, -left), i1 = std::min(side_, image.width() - left);
    const int j0 = std::max(0, -top), j1 = std::min(side_, image.height() - top);
    uchar* bits = image.bits();
    const qsizetype stride = image.bytesPerLine();
    for (int j = j0; j < j1; ++j) {
        auto* line = reinterpret_cast<std::uint32_t*>(bits + (top + j) * stride);
        const std::uint8_t* cov = coverage_.data() + std::size_t(j) * std::size_t(side_);
        for (int i = i0; i < i1; ++i) {
            const std::uint8_t level = cov[i];
            if (level == 0)
                continue;
            const std::uint32_t src = source[level];
            std::uint32_t& dst = line[left + i];
            dst = src + byteMul(dst, 255u - qAlpha(src)); // source over, premultiplied
        }
    }
}

} // namespace nofade::ui

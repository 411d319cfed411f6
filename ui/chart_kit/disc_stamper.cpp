#include "chart_kit/disc_stamper.h"

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

void DiscStamper::stampRows(uchar* bits, qsizetype stride, int width, int left, int top, int rowLo, int rowHi,
                            std::size_t colour) const
{
    const auto& source = sources_[std::min(colour, sources_.size() - 1)];
    const int i0 = std::max(0, -left), i1 = std::min(side_, width - left);
    for (int row = rowLo; row < rowHi; ++row) {
        auto* line = reinterpret_cast<std::uint32_t*>(bits + row * stride);
        const std::uint8_t* cov = coverage_.data() + std::size_t(row - top) * std::size_t(side_);
        for (int i = i0; i < i1; ++i) {
            const std::uint8_t level = cov[i];
            if (level == 0)
                continue;
            const std::uint32_t src = source[level];
            std::uint32_t& dst = line[left + i];
            const std::uint32_t alpha = qAlpha(src);
            dst = alpha == 255u ? src : src + byteMul(dst, 255u - alpha); // source over, premultiplied
        }
    }
}

void DiscStamper::stampAll(QImage& image, const std::vector<float>& x, const std::vector<float>& y,
                           const std::vector<std::uint16_t>& colour) const
{
    constexpr int kBandRows = 16; // a band of a 2,400-pixel-wide image is 150 KiB: it stays in cache
    const int width = image.width(), height = image.height();
    const std::size_t n = std::min({x.size(), y.size(), colour.size()});
    if (width <= 0 || height <= 0 || n == 0)
        return;
    const int half = side_ / 2;
    const int bands = (height + kBandRows - 1) / kBandRows;
    struct Disc {
        int left; // the sprite's top-left pixel
        int top;
        std::uint32_t colour;
    };
    // The discs that touch the image, in order, and how many (disc, band) pairs each band gets.
    std::vector<Disc> discs;
    discs.reserve(n);
    std::vector<int> start(std::size_t(bands) + 1, 0);
    for (std::size_t i = 0; i < n; ++i) {
        if (std::isnan(x[i]) || std::isnan(y[i]))
            continue;
        const Disc d{int(std::floor(x[i])) - half, int(std::floor(y[i])) - half, colour[i]};
        if (d.top >= height || d.top + side_ <= 0 || d.left >= width || d.left + side_ <= 0)
            continue;
        discs.push_back(d);
        for (int b = std::max(0, d.top) / kBandRows, last = std::min(height - 1, d.top + side_ - 1) / kBandRows; b <= last; ++b)
            ++start[std::size_t(b) + 1];
    }
    // Stable counting sort of the pairs by band (a copy of the disc each, so that a band reads
    // its discs sequentially): within a band the discs keep their order.
    for (std::size_t b = 1; b < start.size(); ++b)
        start[b] += start[b - 1];
    std::vector<Disc> byBand(std::size_t(start.back()));
    std::vector<int> fill(start.begin(), start.end() - 1);
    for (const Disc& d : discs)
        for (int b = std::max(0, d.top) / kBandRows, last = std::min(height - 1, d.top + side_ - 1) / kBandRows; b <= last; ++b)
            byBand[std::size_t(fill[std::size_t(b)]++)] = d;

    uchar* bits = image.bits();
    const qsizetype stride = image.bytesPerLine();
    for (int b = 0; b < bands; ++b) {
        const int bandLo = b * kBandRows, bandHi = std::min(height, bandLo + kBandRows);
        for (int k = start[std::size_t(b)]; k < start[std::size_t(b) + 1]; ++k) {
            const Disc& d = byBand[std::size_t(k)];
            stampRows(bits, stride, width, d.left, d.top, std::max(bandLo, d.top), std::min(bandHi, d.top + side_), d.colour);
        }
    }
}

} // namespace nofade::ui

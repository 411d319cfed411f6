#pragma once
// Stamps antialiased discs of one diameter into a premultiplied ARGB32 image, straight into its
// scanlines: one coverage sprite computed once (4 x 4 supersampling), blended per pixel with a
// per-colour table. Scattered points would touch a new cache line for every row of every disc, so
// the image is drawn in bands of rows small enough for the cache, each band's discs in the
// points' order: every pixel still sees the points in order. Pure, no widgets.
#include <array>
#include <cstdint>
#include <vector>
#include <QColor>
#include <QImage>

namespace nofade::ui {

class DiscStamper {
public:
    // `diameter` in image pixels; `colours` are indexed by the colour index passed to stamp().
    DiscStamper(double diameter, const std::vector<QColor>& colours);

    // Blends a disc centred on the pixel that contains (x[i], y[i]) for every i in order (NaN
    // points skipped) over `image` (Format_ARGB32_Premultiplied), clipped to the image. A colour
    // index without a colour is grey. Later points cover earlier ones, as with a painter.
    void stampAll(QImage& image, const std::vector<float>& x, const std::vector<float>& y,
                  const std::vector<std::uint16_t>& colour) const;

private:
    // The rows [rowLo, rowHi) of one disc whose sprite's top-left pixel is (left, top).
    void stampRows(uchar* bits, qsizetype stride, int width, int left, int top, int rowLo, int rowHi,
                   std::size_t colour) const;

    static constexpr int kLevels = 17; // 0..16 of 16 subsamples covered
    int side_ = 1;                      // odd: the sprite is centred on its middle pixel
    std::vector<std::uint8_t> coverage_; // side_ * side_ levels
    // Per colour, the premultiplied source pixel for each coverage level.
    std::vector<std::array<std::uint32_t, kLevels>> sources_;
};

} // namespace nofade::ui

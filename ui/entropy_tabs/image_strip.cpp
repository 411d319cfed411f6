#include "entropy_tabs/image_strip.h"

#include <algorithm>
#include <QCoreApplication>

namespace nofade::ui {

double stripJitter(std::int64_t itemIndex)
{
    // SplitMix64 of the index: well spread, the same on every platform and run.
    std::uint64_t z = std::uint64_t(itemIndex) + 0x9E3779B97F4A7C15ull;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    z ^= z >> 31;
    const double u = double(z >> 11) / double(1ull << 53); // [0, 1)
    return (2.0 * u - 1.0) * kStripHalfWidth;
}

ImageStrip layoutImageStrip(const Profile& profile)
{
    ImageStrip strip;
    const auto& images = profile.perImage;
    const int classes = int(profile.classes.size());
    const bool unlabelled = std::any_of(images.begin(), images.end(),
                                        [classes](const ImageEntropy& im) { return im.classIndex < 0 || im.classIndex >= classes; });
    for (int c = 0; c < classes; ++c) {
        strip.columns << profile.classes[std::size_t(c)].name;
        strip.columnClass.push_back(c);
    }
    if (unlabelled || classes == 0) {
        strip.columns << (classes == 0 ? QCoreApplication::translate("ImageStrip", "all images")
                                       : QCoreApplication::translate("ImageStrip", "no class"));
        strip.columnClass.push_back(-1);
    }
    const int ownColumn = int(strip.columns.size()) - 1; // of images without a class
    auto columnOf = [&](const ImageEntropy& im) { return im.classIndex >= 0 && im.classIndex < classes ? im.classIndex : ownColumn; };

    // Stable counting sort by column: each column's images keep the scan order.
    std::vector<std::size_t> start(strip.columns.size() + 1, 0);
    for (const ImageEntropy& im : images)
        ++start[std::size_t(columnOf(im)) + 1];
    for (std::size_t c = 1; c < start.size(); ++c)
        start[c] += start[c - 1];
    const std::size_t n = images.size();
    strip.points.x.resize(n);
    strip.points.y.resize(n);
    strip.points.colour.resize(n);
    strip.image.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        const ImageEntropy& im = images[i];
        const int column = columnOf(im);
        const std::size_t k = start[std::size_t(column)]++;
        strip.points.x[k] = column + stripJitter(im.index);
        strip.points.y[k] = im.entropy;
        strip.points.colour[k] = std::uint16_t(std::min(column, 65535));
        strip.image[k] = int(i);
    }
    if (n > 0) {
        const auto [lo, hi] = std::minmax_element(images.begin(), images.end(),
                                                  [](const ImageEntropy& a, const ImageEntropy& b) { return a.entropy < b.entropy; });
        strip.minEntropy = lo->entropy;
        strip.maxEntropy = hi->entropy;
    }
    return strip;
}

} // namespace nofade::ui

#pragma once
// Compressed bits per pixel: how well zlib (deflate) compresses an image's grey raster, a cheap
// stand-in for its algorithmic (Kolmogorov) complexity.
#include <optional>
#include <opencv2/core/mat.hpp>

namespace nofade {

// 8 x the size of compress2(level 6) of the 8-bit grey raster (rows concatenated, no filter, no
// header) / (width x height). `gray`: 8-bit, one channel. nullopt for an empty image.
std::optional<double> compressedBitsPerPixel(const cv::Mat& gray);

} // namespace nofade

#pragma once
// The small vector of an image, the common input of the dataset complexity measures: its grey
// raster resized to 32x32 with OpenCV's INTER_AREA, kept as the 1024 8-bit values (the measures
// read them as value / 255 in [0, 1]; keeping bytes makes distances exact integers).
#include <array>
#include <cstdint>
#include <opencv2/core/mat.hpp>

namespace nofade {

inline constexpr int kSmallSide = 32;
inline constexpr int kSmallFeatures = kSmallSide * kSmallSide;
using SmallVector = std::array<std::uint8_t, kSmallFeatures>;

// `gray`: 8-bit, one channel, not empty. A 32x32 image is used as it is.
SmallVector smallVectorOf(const cv::Mat& gray);

} // namespace nofade

#pragma once
// Greyscale intensity histograms straight from decoded pixels, without materialising a grey image.
#include <cstdint>
#include <opencv2/core/mat.hpp>
#include <QString>

#include "maths/entropy.h"

namespace nofade {

// ITU-R 601-2 luma in 16-bit fixed point, rounding half up: PIL's convert("L").
inline std::uint8_t luma601(unsigned r, unsigned g, unsigned b)
{
    return static_cast<std::uint8_t>((19595u * r + 38470u * g + 7471u * b + 32768u) >> 16);
}

// Adds the greyscale intensities of a decoded image to `hist`. Accepts OpenCV's layouts:
// 1 channel (used as is), 3 (BGR) or 4 (BGRA, alpha ignored) channels, 8 or 16 bits per sample
// (16-bit samples keep their high byte). Returns false with a reason for other sample types.
bool accumulateGrayHistogram(const cv::Mat& decoded, IntensityHistogram& hist, QString* error);

// The same conversion, as an 8-bit single-channel image (for display and the inspector).
cv::Mat toGray8(const cv::Mat& decoded);

// Planar 8-bit RGB (CIFAR's record layout: n red, then n green, then n blue samples).
void accumulatePlanarRgbHistogram(const std::uint8_t* planes, std::size_t pixelsPerPlane,
                                  IntensityHistogram& hist);

} // namespace nofade

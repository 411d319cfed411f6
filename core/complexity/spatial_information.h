#pragma once
// Spatial information of a grey image (after ITU-T P.910): how much edge energy it holds.
#include <optional>
#include <opencv2/core/mat.hpp>

namespace nofade {

// Population standard deviation of the Sobel gradient magnitude sqrt(Gx^2 + Gy^2) over the
// interior pixels (rows and columns 1..n-2; no border handling), gradients in float64 with
// Gx = [[-1,0,1],[-2,0,2],[-1,0,1]] and Gy its transpose. `gray`: 8-bit, one channel.
// nullopt for images smaller than 3x3.
std::optional<double> spatialInformation(const cv::Mat& gray);

} // namespace nofade

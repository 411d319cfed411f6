#include "complexity/spatial_information.h"

#include <cmath>
#include <cstdint>

namespace nofade {

std::optional<double> spatialInformation(const cv::Mat& gray)
{
    if (gray.empty() || gray.type() != CV_8UC1 || gray.rows < 3 || gray.cols < 3)
        return std::nullopt;
    // Two passes (mean, then squared deviations) keep the result close to numpy's std.
    const int rows = gray.rows - 2;
    const int cols = gray.cols - 2;
    auto magnitude = [&](int y, int x) {
        const std::uint8_t* a = gray.ptr<std::uint8_t>(y - 1);
        const std::uint8_t* b = gray.ptr<std::uint8_t>(y);
        const std::uint8_t* c = gray.ptr<std::uint8_t>(y + 1);
        const double gx = double(-int(a[x - 1]) + a[x + 1] - 2 * int(b[x - 1]) + 2 * int(b[x + 1]) - c[x - 1] + c[x + 1]);
        const double gy = double(-int(a[x - 1]) - 2 * int(a[x]) - a[x + 1] + c[x - 1] + 2 * int(c[x]) + c[x + 1]);
        return std::sqrt(gx * gx + gy * gy);
    };
    double sum = 0.0;
    for (int y = 1; y <= rows; ++y)
        for (int x = 1; x <= cols; ++x)
            sum += magnitude(y, x);
    const double n = double(rows) * double(cols);
    const double mean = sum / n;
    double squares = 0.0;
    for (int y = 1; y <= rows; ++y)
        for (int x = 1; x <= cols; ++x) {
            const double d = magnitude(y, x) - mean;
            squares += d * d;
        }
    return std::sqrt(squares / n);
}

} // namespace nofade

#include "complexity/small_vector.h"

#include <opencv2/imgproc.hpp>

namespace nofade {

SmallVector smallVectorOf(const cv::Mat& gray)
{
    cv::Mat small;
    if (gray.rows == kSmallSide && gray.cols == kSmallSide)
        small = gray;
    else
        cv::resize(gray, small, cv::Size(kSmallSide, kSmallSide), 0.0, 0.0, cv::INTER_AREA);
    SmallVector v{};
    for (int y = 0; y < kSmallSide; ++y)
        std::copy_n(small.ptr<std::uint8_t>(y), kSmallSide, v.data() + std::size_t(y) * kSmallSide);
    return v;
}

} // namespace nofade

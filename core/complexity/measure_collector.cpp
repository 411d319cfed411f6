#include "complexity/measure_collector.h"

#include <algorithm>

#include "complexity/compressed_bpp.h"
#include "complexity/spatial_information.h"

namespace nofade {

MeasureCollector::MeasureCollector(std::int64_t itemCount, bool si, bool bpp, std::vector<std::int64_t> sampleItems)
    : sampleItems_(std::move(sampleItems)), vectors_(sampleItems_.size()), measured_(sampleItems_.size(), 0)
{
    if (si)
        si_.assign(std::size_t(itemCount), NAN);
    if (bpp)
        bpp_.assign(std::size_t(itemCount), NAN);
}

void MeasureCollector::grayImage(std::int64_t item, const cv::Mat& gray)
{
    if (gray.empty())
        return;
    if (!si_.empty())
        si_[std::size_t(item)] = spatialInformation(gray).value_or(NAN);
    if (!bpp_.empty())
        bpp_[std::size_t(item)] = compressedBitsPerPixel(gray).value_or(NAN);
    const auto slot = std::lower_bound(sampleItems_.begin(), sampleItems_.end(), item);
    if (slot != sampleItems_.end() && *slot == item) {
        const std::size_t k = std::size_t(slot - sampleItems_.begin());
        vectors_[k] = smallVectorOf(gray);
        measured_[k] = 1;
    }
}

} // namespace nofade

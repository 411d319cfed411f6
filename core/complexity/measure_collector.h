#pragma once
// Takes the per-image complexity work of a scan: called by the scan's workers with each grey
// raster, it keeps SI and bpp per image and the small vectors of the measure sample.
#include <cstdint>
#include <vector>

#include "complexity/small_vector.h"
#include "datasets/dataset_source.h"

namespace nofade {

class MeasureCollector final : public GrayImageHook {
public:
    // `sampleItems`: ascending items whose small vectors are kept.
    MeasureCollector(std::int64_t itemCount, bool si, bool bpp, std::vector<std::int64_t> sampleItems);

    void grayImage(std::int64_t item, const cv::Mat& gray) override;

    double si(std::int64_t item) const { return si_.empty() ? NAN : si_[std::size_t(item)]; }
    double bpp(std::int64_t item) const { return bpp_.empty() ? NAN : bpp_[std::size_t(item)]; }
    const std::vector<std::int64_t>& sampleItems() const { return sampleItems_; }
    // The small vector of sampleItems()[k], and whether it was measured.
    const SmallVector& vector(std::size_t k) const { return vectors_[k]; }
    bool hasVector(std::size_t k) const { return measured_[k] != 0; }

private:
    std::vector<double> si_;
    std::vector<double> bpp_;
    std::vector<std::int64_t> sampleItems_;
    std::vector<SmallVector> vectors_;
    std::vector<std::uint8_t> measured_; // one byte per slot: workers write different slots
};

} // namespace nofade

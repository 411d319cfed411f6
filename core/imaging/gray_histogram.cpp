#include "imaging/gray_histogram.h"

#include <array>

namespace nofade {

namespace {

// Four interleaved sub-histograms break the store-to-load dependency on runs of equal pixels.
struct StripedHistogram {
    std::array<std::array<std::uint32_t, 256>, 4> counts{};

    void flushInto(IntensityHistogram& hist) const
    {
        for (int v = 0; v < 256; ++v)
            hist[v] += std::uint64_t(counts[0][v]) + counts[1][v] + counts[2][v] + counts[3][v];
    }
};

template <typename Sample, int Shift>
inline unsigned to8(Sample s)
{
    return static_cast<unsigned>(s) >> Shift;
}

// Rows are flushed per row band so the 32-bit sub-counters cannot overflow on huge images.
template <typename Sample, int Shift>
void accumulateTyped(const cv::Mat& m, IntensityHistogram& hist)
{
    const int channels = m.channels();
    const int cols = m.cols;
    const std::size_t maxPixelsPerFlush = std::size_t(1) << 30;
    StripedHistogram local;
    std::size_t pending = 0;
    for (int y = 0; y < m.rows; ++y) {
        const Sample* row = m.ptr<Sample>(y);
        if (channels == 1) {
            int x = 0;
            for (; x + 4 <= cols; x += 4) {
                ++local.counts[0][to8<Sample, Shift>(row[x])];
                ++local.counts[1][to8<Sample, Shift>(row[x + 1])];
                ++local.counts[2][to8<Sample, Shift>(row[x + 2])];
                ++local.counts[3][to8<Sample, Shift>(row[x + 3])];
            }
            for (; x < cols; ++x)
                ++local.counts[0][to8<Sample, Shift>(row[x])];
        } else if (channels == 2) { // grey + alpha
            for (int x = 0; x < cols; ++x)
                ++local.counts[x & 3][to8<Sample, Shift>(row[2 * x])];
        } else {
            for (int x = 0; x < cols; ++x) {
                const Sample* px = row + std::size_t(x) * channels; // B, G, R[, A]
                ++local.counts[x & 3][luma601(to8<Sample, Shift>(px[2]), to8<Sample, Shift>(px[1]),
                                              to8<Sample, Shift>(px[0]))];
            }
        }
        pending += std::size_t(cols);
        if (pending >= maxPixelsPerFlush) {
            local.flushInto(hist);
            local = StripedHistogram{};
            pending = 0;
        }
    }
    local.flushInto(hist);
}

} // namespace

bool accumulateGrayHistogram(const cv::Mat& decoded, IntensityHistogram& hist, QString* error)
{
    const int channels = decoded.channels();
    if (channels < 1 || channels > 4) {
        if (error)
            *error = QStringLiteral("unsupported channel count %1").arg(channels);
        return false;
    }
    switch (decoded.depth()) {
    case CV_8U:
        accumulateTyped<std::uint8_t, 0>(decoded, hist);
        return true;
    case CV_16U:
        accumulateTyped<std::uint16_t, 8>(decoded, hist);
        return true;
    default:
        if (error)
            *error = QStringLiteral("unsupported sample type (only 8- and 16-bit integer images are analysed)");
        return false;
    }
}

cv::Mat toGray8(const cv::Mat& decoded)
{
    cv::Mat out(decoded.rows, decoded.cols, CV_8UC1);
    const int channels = decoded.channels();
    const bool wide = decoded.depth() == CV_16U;
    if ((decoded.depth() != CV_8U && !wide) || channels < 1 || channels > 4)
        return {};
    for (int y = 0; y < decoded.rows; ++y) {
        std::uint8_t* dst = out.ptr<std::uint8_t>(y);
        for (int x = 0; x < decoded.cols; ++x) {
            auto sample = [&](int c) -> unsigned {
                return wide ? decoded.ptr<std::uint16_t>(y)[std::size_t(x) * channels + c] >> 8
                            : decoded.ptr<std::uint8_t>(y)[std::size_t(x) * channels + c];
            };
            dst[x] = channels <= 2 ? static_cast<std::uint8_t>(sample(0))
                                   : luma601(sample(2), sample(1), sample(0));
        }
    }
    return out;
}

void accumulatePlanarRgbHistogram(const std::uint8_t* planes, std::size_t n, IntensityHistogram& hist)
{
    const std::uint8_t* r = planes;
    const std::uint8_t* g = planes + n;
    const std::uint8_t* b = planes + 2 * n;
    for (std::size_t i = 0; i < n; ++i)
        ++hist[luma601(r[i], g[i], b[i])];
}

} // namespace nofade

#include "complexity/compressed_bpp.h"

#include <cstdint>
#include <vector>
#include <zlib.h>

namespace nofade {

std::optional<double> compressedBitsPerPixel(const cv::Mat& gray)
{
    if (gray.empty() || gray.type() != CV_8UC1)
        return std::nullopt;
    const std::size_t width = std::size_t(gray.cols);
    const std::size_t pixels = width * std::size_t(gray.rows);
    thread_local std::vector<std::uint8_t> raster;
    thread_local std::vector<std::uint8_t> packed;
    const std::uint8_t* source = gray.ptr<std::uint8_t>(0);
    if (!gray.isContinuous()) {
        raster.resize(pixels);
        for (int y = 0; y < gray.rows; ++y)
            std::copy_n(gray.ptr<std::uint8_t>(y), width, raster.data() + std::size_t(y) * width);
        source = raster.data();
    }
    uLongf packedSize = compressBound(uLong(pixels));
    packed.resize(packedSize);
    if (compress2(packed.data(), &packedSize, source, uLong(pixels), 6) != Z_OK)
        return std::nullopt;
    if (packed.capacity() > (std::size_t(64) << 20)) { // do not keep one huge image's buffers alive
        std::vector<std::uint8_t>().swap(packed);
        std::vector<std::uint8_t>().swap(raster);
    }
    return 8.0 * double(packedSize) / double(pixels);
}

} // namespace nofade

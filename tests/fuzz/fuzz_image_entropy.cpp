// Image bytes -> header check -> decode -> greyscale histogram -> entropy, the path every image
// file of a folder dataset takes. The first byte picks the mode (exact, fast, display); the pixel
// limit is lowered so that the fuzzer spends its time on formats, not on big allocations.
#include <cstdint>
#include <cstdlib>
#include <span>

#include "imaging/gray_histogram.h"
#include "imaging/image_decoder.h"
#include "maths/entropy.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace nofade;
    if (size < 1)
        return 0;
    const std::span<const std::uint8_t> bytes(data + 1, size - 1);
    DecodeLimits limits;
    limits.maxPixels = 4'000'000;
    const int mode = data[0] % 3;
    const DecodedImage decoded = mode == 2 ? decodeImageForDisplay(bytes, limits)
                                           : decodeImage(bytes, mode ? GrayMode::Fast : GrayMode::Exact, limits);
    if (!decoded.ok()) {
        if (decoded.error.isEmpty())
            std::abort(); // a refusal must say why
        return 0;
    }
    // Whatever the header claimed, nothing beyond OpenCV's fence (the decoder sets it) is decoded.
    if (double(decoded.image.total()) > 178956970.0)
        std::abort();
    IntensityHistogram hist{};
    QString error;
    if (accumulateGrayHistogram(decoded.image, hist, &error)) {
        const double h = shannonEntropyBits(hist);
        if (!(h <= 8.0) || (h < 0.0 && decoded.image.total() > 0))
            std::abort();
    }
    (void)toGray8(decoded.image);
    return 0;
}

#pragma once
// Bytes of one image file -> decoded pixels, with every reason a file can be unusable named.
#include <cstdint>
#include <span>
#include <opencv2/core/mat.hpp>
#include <QString>

#include "imaging/gray_mode.h"

namespace nofade {

struct DecodeLimits {
    // PIL refuses images above 2 x its 89,478,485-pixel warning limit; so do we, from the header.
    std::int64_t maxPixels = 178'956'970;
};

struct DecodedImage {
    cv::Mat image;  // empty on failure
    QString error;  // why the file cannot be used
    bool ok() const { return !image.empty(); }
};

// Decodes for analysis: `Exact` keeps the file's channels and depth (converted by
// accumulateGrayHistogram), `Fast` asks the codec for greyscale directly. The header is checked
// first (signature, zero or oversized dimensions), JPEGs must be complete, and decoder failures
// become a reason, never an exception.
DecodedImage decodeImage(std::span<const std::uint8_t> bytes, GrayMode mode, const DecodeLimits& limits);

// Decodes in colour (BGR) for display, with the same checks.
DecodedImage decodeImageForDisplay(std::span<const std::uint8_t> bytes, const DecodeLimits& limits);

} // namespace nofade

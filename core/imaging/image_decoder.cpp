#include "imaging/image_decoder.h"

#include <cstdlib>
#include <mutex>
#include <opencv2/core/utils/logger.hpp>
#include <opencv2/imgcodecs.hpp>

#include "imaging/image_header.h"

namespace nofade {

namespace {

void configureOpenCvOnce()
{
    static std::once_flag once;
    std::call_once(once, [] {
        // Our own messages name the file and the reason; OpenCV's would only repeat them.
        cv::utils::logging::setLogLevel(cv::utils::logging::LOG_LEVEL_SILENT);
        // A second fence for formats whose header we cannot read: OpenCV reads this once.
        if (!std::getenv("OPENCV_IO_MAX_IMAGE_PIXELS"))
            setenv("OPENCV_IO_MAX_IMAGE_PIXELS", "178956970", 0);
    });
}

QString checkHeader(std::span<const std::uint8_t> bytes, const DecodeLimits& limits)
{
    if (bytes.empty())
        return QStringLiteral("empty file (0 bytes)");
    const auto header = readImageHeader(bytes);
    if (!header)
        return QStringLiteral("not a supported image (no PNG, JPEG, BMP, WebP, PNM or TIFF signature)");
    if (header->dimensionsKnown) {
        if (header->width == 0 || header->height == 0)
            return QStringLiteral("image has zero pixels (%1x%2)").arg(header->width).arg(header->height);
        constexpr std::int64_t kOpenCvMaxSide = std::int64_t(1) << 20; // OpenCV refuses larger sides
        if (header->width > kOpenCvMaxSide || header->height > kOpenCvMaxSide)
            return QStringLiteral("image %1x%2 is beyond OpenCV's limit of %3 pixels per side")
                .arg(header->width).arg(header->height).arg(kOpenCvMaxSide);
        const double pixels = double(header->width) * double(header->height);
        if (pixels > double(limits.maxPixels))
            return QStringLiteral("image too large: %1x%2 pixels exceeds the limit of %3 pixels "
                                  "(possible decompression bomb); refused before decoding")
                .arg(header->width).arg(header->height).arg(limits.maxPixels);
    }
    if (header->format == QLatin1String("jpeg") && !jpegHasEndOfImage(bytes))
        return QStringLiteral("truncated JPEG (no end-of-image marker after the image data)");
    return {};
}

DecodedImage decodeWithFlags(std::span<const std::uint8_t> bytes, int flags, const DecodeLimits& limits)
{
    configureOpenCvOnce();
    DecodedImage out;
    out.error = checkHeader(bytes, limits);
    if (!out.error.isEmpty())
        return out;
    try {
        const cv::Mat wrapped(1, static_cast<int>(bytes.size()), CV_8UC1,
                              const_cast<std::uint8_t*>(bytes.data()));
        out.image = cv::imdecode(wrapped, flags);
    } catch (const cv::Exception& e) {
        out.error = QStringLiteral("decoder error: %1").arg(QString::fromStdString(e.msg).trimmed());
        return out;
    } catch (const std::exception& e) {
        out.error = QStringLiteral("decoder error: %1").arg(QString::fromLocal8Bit(e.what()));
        return out;
    }
    if (out.image.empty())
        out.error = QStringLiteral("corrupt or truncated image data (the decoder gave up)");
    else if (out.image.total() == 0)
        out.error = QStringLiteral("image has zero pixels");
    return out;
}

} // namespace

DecodedImage decodeImage(std::span<const std::uint8_t> bytes, GrayMode mode, const DecodeLimits& limits)
{
    return decodeWithFlags(bytes, mode == GrayMode::Fast ? cv::IMREAD_GRAYSCALE : cv::IMREAD_UNCHANGED,
                           limits);
}

DecodedImage decodeImageForDisplay(std::span<const std::uint8_t> bytes, const DecodeLimits& limits)
{
    return decodeWithFlags(bytes, cv::IMREAD_COLOR, limits);
}

} // namespace nofade

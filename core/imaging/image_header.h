#pragma once
// Reads an image's dimensions from its header bytes, before anything is decoded, so that a
// decompression bomb is refused without allocating its pixels.
#include <cstdint>
#include <optional>
#include <span>
#include <QString>

namespace nofade {

struct ImageHeader {
    QString format;      // "png", "jpeg", "bmp", "webp", "pnm", "tiff"
    std::int64_t width = 0;
    std::int64_t height = 0;
    bool dimensionsKnown = false; // the format was recognised but its size could not be read
};

// The format and size from the leading bytes; nullopt when no supported signature matches.
std::optional<ImageHeader> readImageHeader(std::span<const std::uint8_t> bytes);

// True when a JPEG stream reaches its end-of-image marker after the first scan. libjpeg decodes
// a truncated file into a grey-padded image with only a warning; this catches that case.
bool jpegHasEndOfImage(std::span<const std::uint8_t> bytes);

} // namespace nofade

#include "imaging/image_header.h"

#include <cctype>
#include <cstring>

namespace nofade {

namespace {

using Bytes = std::span<const std::uint8_t>;

std::uint32_t be16(Bytes b, std::size_t at) { return (b[at] << 8) | b[at + 1]; }
std::uint32_t be32(Bytes b, std::size_t at)
{
    return (std::uint32_t(b[at]) << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3];
}
std::uint32_t le16(Bytes b, std::size_t at) { return b[at] | (b[at + 1] << 8); }
std::uint32_t le32(Bytes b, std::size_t at)
{
    return b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (std::uint32_t(b[at + 3]) << 24);
}
bool startsWith(Bytes b, const char* sig, std::size_t n, std::size_t at = 0)
{
    return b.size() >= at + n && std::memcmp(b.data() + at, sig, n) == 0;
}

std::optional<ImageHeader> png(Bytes b)
{
    ImageHeader h{QStringLiteral("png")};
    if (b.size() >= 24 && startsWith(b, "IHDR", 4, 12)) {
        h.width = be32(b, 16);
        h.height = be32(b, 20);
        h.dimensionsKnown = true;
    }
    return h;
}

bool isStartOfFrame(std::uint8_t m)
{
    return m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;
}

// Walks JPEG marker segments. Returns the offset just past the first SOS segment header
// (0 if none) and fills width/height from the first SOF.
std::size_t walkJpeg(Bytes b, ImageHeader* h)
{
    std::size_t at = 2;
    while (at + 4 <= b.size()) {
        if (b[at] != 0xFF)
            return 0;
        const std::uint8_t marker = b[at + 1];
        if (marker == 0xFF) { // fill byte
            ++at;
            continue;
        }
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
            at += 2;
            continue;
        }
        const std::size_t length = be16(b, at + 2);
        if (length < 2)
            return 0;
        if (h && isStartOfFrame(marker) && at + 9 <= b.size() && !h->dimensionsKnown) {
            h->height = be16(b, at + 5);
            h->width = be16(b, at + 7);
            h->dimensionsKnown = true;
        }
        if (marker == 0xDA)
            return at + 2 + length;
        at += 2 + length;
    }
    return 0;
}

std::optional<ImageHeader> jpeg(Bytes b)
{
    ImageHeader h{QStringLiteral("jpeg")};
    walkJpeg(b, &h);
    return h;
}

std::optional<ImageHeader> bmp(Bytes b)
{
    ImageHeader h{QStringLiteral("bmp")};
    if (b.size() >= 26) {
        const std::uint32_t infoSize = le32(b, 14);
        if (infoSize == 12) { // BITMAPCOREHEADER: 16-bit dimensions
            h.width = le16(b, 18);
            h.height = le16(b, 20);
        } else {
            h.width = static_cast<std::int32_t>(le32(b, 18));
            const std::int32_t height = static_cast<std::int32_t>(le32(b, 22));
            h.height = height < 0 ? -std::int64_t(height) : height; // negative: top-down rows
        }
        h.dimensionsKnown = h.width >= 0;
    }
    return h;
}

std::optional<ImageHeader> webp(Bytes b)
{
    ImageHeader h{QStringLiteral("webp")};
    if (startsWith(b, "VP8 ", 4, 12) && b.size() >= 30) {
        h.width = le16(b, 26) & 0x3FFF;
        h.height = le16(b, 28) & 0x3FFF;
        h.dimensionsKnown = true;
    } else if (startsWith(b, "VP8L", 4, 12) && b.size() >= 25) {
        const std::uint32_t bits = le32(b, 21);
        h.width = (bits & 0x3FFF) + 1;
        h.height = ((bits >> 14) & 0x3FFF) + 1;
        h.dimensionsKnown = true;
    } else if (startsWith(b, "VP8X", 4, 12) && b.size() >= 30) {
        h.width = (b[24] | (b[25] << 8) | (b[26] << 16)) + 1;
        h.height = (b[27] | (b[28] << 8) | (b[29] << 16)) + 1;
        h.dimensionsKnown = true;
    }
    return h;
}

std::optional<ImageHeader> pnm(Bytes b)
{
    ImageHeader h{QStringLiteral("pnm")};
    std::size_t at = 2;
    std::int64_t values[2] = {-1, -1};
    for (int field = 0; field < 2; ++field) {
        // Skip white space and '#' comments between the header's tokens.
        while (at < b.size()) {
            if (b[at] == '#') {
                while (at < b.size() && b[at] != '\n')
                    ++at;
            } else if (std::isspace(b[at])) {
                ++at;
            } else {
                break;
            }
        }
        std::int64_t v = 0;
        std::size_t digits = 0;
        while (at < b.size() && std::isdigit(b[at]) && digits < 12) {
            v = v * 10 + (b[at++] - '0');
            ++digits;
        }
        if (digits == 0)
            return h;
        values[field] = v;
    }
    h.width = values[0];
    h.height = values[1];
    h.dimensionsKnown = true;
    return h;
}

std::optional<ImageHeader> tiff(Bytes b)
{
    ImageHeader h{QStringLiteral("tiff")};
    const bool little = b[0] == 'I';
    auto u16 = [&](std::size_t at) { return little ? le16(b, at) : be16(b, at); };
    auto u32 = [&](std::size_t at) { return little ? le32(b, at) : be32(b, at); };
    if (b.size() < 8 || u16(2) != 42)
        return h; // BigTIFF (43) and others: leave the size to the decoder's own limit
    const std::size_t ifd = u32(4);
    if (ifd + 2 > b.size())
        return h;
    const std::size_t entries = u16(ifd);
    bool haveWidth = false, haveHeight = false;
    for (std::size_t i = 0; i < entries; ++i) {
        const std::size_t e = ifd + 2 + 12 * i;
        if (e + 12 > b.size())
            break;
        const std::uint32_t tag = u16(e);
        const std::uint32_t type = u16(e + 2);
        const std::uint32_t value = type == 3 ? u16(e + 8) : u32(e + 8); // SHORT or LONG
        if (tag == 256) {
            h.width = value;
            haveWidth = true;
        } else if (tag == 257) {
            h.height = value;
            haveHeight = true;
        }
    }
    h.dimensionsKnown = haveWidth && haveHeight;
    return h;
}

} // namespace

std::optional<ImageHeader> readImageHeader(std::span<const std::uint8_t> b)
{
    if (startsWith(b, "\x89PNG\r\n\x1a\n", 8))
        return png(b);
    if (b.size() >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF)
        return jpeg(b);
    if (startsWith(b, "BM", 2))
        return bmp(b);
    if (startsWith(b, "RIFF", 4) && startsWith(b, "WEBP", 4, 8))
        return webp(b);
    if (b.size() >= 3 && b[0] == 'P' && b[1] >= '1' && b[1] <= '6' && std::isspace(b[2]))
        return pnm(b);
    if (startsWith(b, "II*\0", 4) || startsWith(b, "MM\0*", 4))
        return tiff(b);
    return std::nullopt;
}

bool jpegHasEndOfImage(std::span<const std::uint8_t> b)
{
    const std::size_t scanStart = walkJpeg(b, nullptr);
    if (scanStart == 0)
        return false;
    // Entropy-coded data stuffs 0xFF as FF 00, so FF D9 after the scan starts is the real EOI.
    for (std::size_t i = b.size() - 1; i > scanStart; --i)
        if (b[i] == 0xD9 && b[i - 1] == 0xFF)
            return true;
    return false;
}

} // namespace nofade

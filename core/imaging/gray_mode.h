#pragma once
// How images become 8-bit greyscale (METHODS.md section 1).
#include <optional>
#include <QString>

namespace nofade {

enum class GrayMode {
    Exact, // decode to RGB, ITU-R 601-2 luma in 16-bit fixed point: bit-identical to PIL convert("L")
    Fast,  // decode straight to greyscale (libjpeg's luma plane for YCbCr JPEGs)
};

QString grayModeName(GrayMode mode);
std::optional<GrayMode> grayModeFromName(const QString& name);

} // namespace nofade

#include "imaging/gray_mode.h"

namespace nofade {

QString grayModeName(GrayMode mode)
{
    return mode == GrayMode::Fast ? QStringLiteral("fast") : QStringLiteral("exact");
}

std::optional<GrayMode> grayModeFromName(const QString& name)
{
    if (name == QLatin1String("exact"))
        return GrayMode::Exact;
    if (name == QLatin1String("fast"))
        return GrayMode::Fast;
    return std::nullopt;
}

} // namespace nofade

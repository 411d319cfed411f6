#include "profile/profile_settings.h"

namespace nofade {

QString classModelName(ClassModel model)
{
    return model == ClassModel::Gaussian ? QStringLiteral("gaussian") : QStringLiteral("histogram");
}

std::optional<ClassModel> classModelFromName(const QString& name)
{
    if (name == QLatin1String("histogram"))
        return ClassModel::Histogram;
    if (name == QLatin1String("gaussian"))
        return ClassModel::Gaussian;
    return std::nullopt;
}

QString ProfileSettings::validate() const
{
    if (bins < 1 || bins > kMaxBins)
        return QStringLiteral("bins must be between 1 and %1 (got %2)").arg(kMaxBins).arg(bins);
    if (minClassImages < 1)
        return QStringLiteral("min_class_images must be at least 1 (got %1)").arg(minClassImages);
    if (!(sigmaFloor > 0.0))
        return QStringLiteral("sigma_floor must be positive");
    if (limits.maxPixels < 1)
        return QStringLiteral("max_pixels must be positive");
    return {};
}

} // namespace nofade

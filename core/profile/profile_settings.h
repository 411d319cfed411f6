#pragma once
// The settings that change a profile's numbers (METHODS.md sections 1-4). Every profile records
// them; profiles made with different settings never merge.
#include <optional>
#include <QString>

#include "imaging/gray_mode.h"
#include "imaging/image_decoder.h"

namespace nofade {

enum class ClassModel {
    Histogram, // per-class histogram of per-image entropies, `bins` equal bins over [0, 8]
    Gaussian,  // N(mean, std) per class, JS distance by numerical integration
};

QString classModelName(ClassModel model);
std::optional<ClassModel> classModelFromName(const QString& name);

struct ProfileSettings {
    GrayMode gray = GrayMode::Exact;
    int bins = 64;
    ClassModel classModel = ClassModel::Histogram;
    int minClassImages = 1;   // classes with fewer images are left out of the JS pairs
    double sigmaFloor = 1e-3; // Gaussian model: smallest class std, bits
    DecodeLimits limits;

    static constexpr int kMaxBins = 4096;
    // Empty when valid, else what is wrong.
    QString validate() const;
    bool operator==(const ProfileSettings& o) const
    {
        return gray == o.gray && bins == o.bins && classModel == o.classModel
               && minClassImages == o.minClassImages && sigmaFloor == o.sigmaFloor
               && limits.maxPixels == o.limits.maxPixels;
    }
};

} // namespace nofade

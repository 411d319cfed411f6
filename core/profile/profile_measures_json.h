#pragma once
// The complexity measures of a profile in its JSON (docs/CLI.md): "measures" {name: {value,
// interval, sample, definition, ...}}, "measure_settings", and the raw state a merge needs:
// "measure_per_image" (SI and bpp of each image) and "measure_sample" (the sample's 32x32 vectors).
#include <QJsonObject>

#include "profile/profile.h"

namespace nofade {

// Adds the measure keys to `json` (nothing without measures). Per-image values are written when
// `includePerImage` or the profile holds only some shards; the sample vectors only for such shards.
void writeProfileMeasures(const Profile& profile, bool includePerImage, QJsonObject& json);

// Reads them back into profile.measures (left empty when the file has none: older profiles).
// False with `error` naming the key and the reason.
bool readProfileMeasures(const QJsonObject& json, Profile& profile, QString* error);

} // namespace nofade

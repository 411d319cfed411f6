#pragma once
// Profile <-> versioned JSON ("schema": "nofade.profile/1"), documented in docs/CLI.md.
// The raw state (integer sums, counts) is written beside the derived numbers, so a profile
// reloads bit-for-bit and shard profiles merge exactly.
#include <functional>
#include <optional>
#include <QByteArray>
#include <QIODevice>
#include <QJsonObject>

#include "profile/profile.h"

namespace nofade {

inline constexpr char kProfileSchema[] = "nofade.profile/1";

QJsonObject profileToJson(const Profile& profile, bool includePerImage);
QByteArray profileToJsonBytes(const Profile& profile, bool includePerImage);
// The same text written to `out` as it is made: the per-image rows (profile.perImage, then those
// `moreRows` gives until it returns false) one at a time, never all of them as JSON in memory.
// False when a write fails.
bool writeProfileJson(QIODevice& out, const Profile& profile, bool includePerImage,
                      const std::function<bool(ImageEntropy&)>& moreRows);

// Nullopt with `error` naming the key and the reason on anything malformed or of another schema.
std::optional<Profile> profileFromJson(const QJsonObject& json, QString* error);
// The text read by readProfileJson (profile_json_reader.h): the same profile as profileFromJson
// of its QJsonDocument, without the document of its per-image rows and class pairs.
std::optional<Profile> profileFromJsonBytes(const QByteArray& bytes, QString* error);

} // namespace nofade

#pragma once
#include <optional>
#include <vector>

#include "profile/profile.h"

namespace nofade {

// Merges profiles of disjoint shards of one dataset into the profile a single scan would give.
// Refuses (nullopt, `error` says why) profiles made with different settings, of different
// datasets (format, item count, classes), or holding the same shard twice.
std::optional<Profile> mergeProfiles(const std::vector<Profile>& parts, QString* error);

} // namespace nofade

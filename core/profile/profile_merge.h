#pragma once
#include <optional>
#include <vector>
#include <QStringList>

#include "profile/profile.h"

namespace nofade {

// Merges profiles of disjoint shards of one dataset into the profile a single scan would give.
// Refuses (nullopt, `error` says why) profiles made with different settings, of different
// datasets (format, item count, classes), or holding the same shard twice. Messages name part i
// by labels[i] (e.g. its file) when given, else "profile i+1". Missing shards are not an error:
// the result is marked incomplete and missingShards() says which.
std::optional<Profile> mergeProfiles(const std::vector<Profile>& parts, QString* error,
                                     const QStringList& labels = {});

// The shards of profile.source.shardCount that the profile does not hold, ascending.
std::vector<int> missingShards(const Profile& profile);

// Ascending shard indices with runs as ranges: "0, 2-5, 9".
QString describeShardList(const std::vector<int>& shards);

} // namespace nofade

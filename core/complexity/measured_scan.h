#pragma once
// A scan with complexity measures beyond entropy: the scan engine runs with a MeasureCollector
// on its grey rasters, then the profile gets its measure state and values.
#include "datasets/dataset_source.h"
#include "profile/profile_merge.h"
#include "scan/scanner.h"

namespace nofade {

// As scanDataset(), with profile.measures filled for settings.names (entropy alone adds no
// scan work). Images taken from options.resume are not measured: give no resume with measures.
Profile scanWithMeasures(const DatasetSource& source, const ProfileSettings& settings, const ScanOptions& options,
                         const MeasureSettings& measures, Feedback& feedback, const std::function<void()>& tick = {});

// mergeProfiles(), then the shards' per-image measures and sample vectors joined and every
// measure value recomputed from them: the numbers one scan of the union gives. Parts must have
// been made with the same measure settings.
std::optional<Profile> mergeMeasuredProfiles(const std::vector<Profile>& parts, QString* error,
                                             const QStringList& labels = {}, const ParallelRun& run = {});

} // namespace nofade

#pragma once
// The one scan engine behind the GUI and the CLI: every wanted item of a dataset source through
// worker threads, into a Profile. Memory is bounded by threads x one decoded image; a file that
// cannot be used becomes a failure entry and the scan goes on; cancel returns promptly with the
// partial profile marked incomplete.
#include <functional>
#include <memory>

#include "datasets/dataset_source.h"
#include "profile/profile.h"
#include "scan/scan_checkpoint.h"
#include "parallel/parallel_for.h"
#include "scan/shard.h"
#include "sampling/sample_plan.h"

namespace nofade {

struct ScanOptions {
    int threads = 0; // 0: one per core
    Shard shard;
    // A previous, partial scan of the same dataset with the same settings and shard: its
    // analysed and failed items are kept as they are and not decoded again. Ignored (a full
    // scan runs) when it does not match; see resumeMismatch().
    std::shared_ptr<const Profile> resume;
    // Receives each analysed image as it comes and is flushed about ten times a second on the
    // calling thread (see ScanCache); may be null.
    ScanCheckpoint* checkpoint = nullptr;
    // Analyse only these items (a random sample of the dataset, see planSample()); the profile
    // records the sample's design and the estimates made from it. Null: every item.
    std::shared_ptr<const SamplePlan> sample;
    // Called with each newly analysed image's grey raster (the per-image complexity measures);
    // images taken from `resume` do not pass through it. May be null.
    GrayImageHook* grayHook = nullptr;
};

// Why `previous` cannot seed a scan of `source` with these settings (empty when it can).
QString resumeMismatch(const Profile& previous, const DatasetSource& source,
                       const ProfileSettings& settings, const Shard& shard);

// Blocks the calling thread until the scan ends (run it in a worker in a GUI). `tick`, if set,
// is called on the calling thread about ten times a second while the workers run.
Profile scanDataset(const DatasetSource& source, const ProfileSettings& settings,
                    const ScanOptions& options, Feedback& feedback,
                    const std::function<void()>& tick = {});

} // namespace nofade

#pragma once
// The one scan engine behind the GUI and the CLI: every wanted item of a dataset source through
// worker threads, into a Profile. Memory is bounded by threads x one decoded image; a file that
// cannot be used becomes a failure entry and the scan goes on; cancel returns promptly with the
// partial profile marked incomplete.
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "datasets/dataset_source.h"
#include "profile/profile.h"
#include "scan/scan_checkpoint.h"
#include "parallel/parallel_for.h"
#include "scan/shard.h"
#include "sampling/sample_plan.h"

namespace nofade {

class ScanLive;

// Every item's outcome in item order, in two columns: 12 bytes an item, against about 150 for an
// entry of Profile::perImage with its path. What a caller that only writes the images out keeps
// (the CLI's --per-image streams them to the JSON with the paths from the dataset source).
struct ItemOutcomes {
    std::vector<double> entropy;          // NaN: not analysed (failed, not wanted, cancelled)
    std::vector<std::int32_t> classIndex; // the profile's class, -1: none
    bool analysed(std::int64_t item) const;
};

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
    // Attached to the running scan while scanDataset runs (see ScanLive); may be null.
    ScanLive* live = nullptr;
    // Fill Profile::perImage (the GUI's views read it; a sample's estimate always does). Without
    // it a scan's memory is the dataset's item list plus `outcomes`, if asked for.
    bool keepPerImage = true;
    // Receives every item's outcome when not null (moved out at the end of the scan).
    ItemOutcomes* outcomes = nullptr;
    // Called with each newly analysed image's grey raster (the per-image complexity measures);
    // images taken from `resume` do not pass through it. May be null.
    GrayImageHook* grayHook = nullptr;
};

// A running scan as its caller sees it from the tick (the calling thread): which files the
// workers hold and the profile of what is settled so far. A caller that must end now (a signal,
// while a worker is blocked in I/O on a dead mount or a leased file and cannot be joined) writes
// snapshot() and leaves the process (_exit) without waiting for scanDataset to return.
class ScanLive {
public:
    // True between the workers' start and scanDataset's aggregation.
    bool running() const { return bool(inFlight_); }
    // The files of the units the workers are working on now (paths relative to the dataset root,
    // a container file's name for IDX and CIFAR records), in item order.
    QStringList inFlight() const { return inFlight_ ? inFlight_() : QStringList(); }
    // The profile of every item settled so far, marked incomplete: what a cancelled scan returns.
    Profile snapshot() const { return snapshot_ ? snapshot_() : Profile{}; }

private:
    friend class ScanLiveAttachment;
    std::function<QStringList()> inFlight_;
    std::function<Profile()> snapshot_;
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

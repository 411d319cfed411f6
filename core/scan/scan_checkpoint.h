#pragma once
// Receives each image's outcome as the scan settles it, so that a long scan can be saved while it
// runs (ScanCache) and a crash loses only the last moments of work. Optional: see
// ScanOptions::checkpoint. Failed files are not passed on: their cause (permissions, a file being
// copied) may be fixed without the file changing, so the next run tries them again.
#include <cstdint>

#include "datasets/file_stamp.h"

namespace nofade {

class ScanCheckpoint {
public:
    virtual ~ScanCheckpoint() = default;
    // Called from the worker threads, concurrently: must be thread-safe and must not block long.
    // `stamp` is the item's file as it was opened for this result (unknown when it has none).
    virtual void itemAnalysed(std::int64_t item, int classIndex, double entropyBits, const FileStamp& stamp) = 0;
    // Called on the thread that runs scanDataset about ten times a second, and once more with
    // `final` after the workers stopped (also after a cancel): persist what came in.
    virtual void flush(bool final) = 0;
};

} // namespace nofade

#pragma once
// Fills a profile's measure values from its raw measure state: the per-image means (entropy, SI,
// bpp) and the dataset measures (ID, F1, N1, CSG) on each replicate sample of small vectors, with
// the mean over replicates and its 95% t interval. Used after a scan and after a shard merge, so
// both give the same numbers from the same state.
#include "parallel/parallel_for.h"
#include "profile/profile.h"

namespace nofade {

// Recomputes profile.measures->values (a no-op without measures). Reports progress through
// run.feedback's replicate stage (one step per measure and replicate).
void computeMeasureValues(Profile& profile, const ParallelRun& run);

} // namespace nofade

#pragma once
// Which items a sampled scan analyses: a seeded, class-stratified random subset of a dataset.
// Classes known before scanning (folder sub-folders, IDX labels) are the strata; each gets a share
// of the sample proportional to its size (largest remainders), and at least one image when the
// sample has room for one per class. Inside a stratum the images are a simple random sample
// without replacement. Without known classes (CIFAR, a flat folder) the whole dataset is one
// stratum: a simple random sample.
#include <cstdint>
#include <vector>

#include "datasets/dataset_source.h"
#include "profile/sample_info.h"

namespace nofade {

struct SamplePlan {
    SampleDesign design;
    std::vector<std::int64_t> items; // the sampled items, ascending
};

// Shares of `n` for strata of the given (positive) sizes, proportional with largest remainders
// (ties to the earlier stratum). When n >= the number of strata every stratum gets at least one,
// taken back from the strata most above their exact share; when n is smaller, the n largest
// strata get one each. Requires 0 <= n <= sum of sizes.
std::vector<std::int64_t> allocateProportionally(const std::vector<std::int64_t>& sizes, std::int64_t n);

SamplePlan planSample(const DatasetSource& source, const SampleRequest& request);

// Up to `perClass` images of every class known before scanning (each class its own seeded
// stream, the same partial shuffle as planSample), and up to `unlabelledCap` of the images
// without a known class; perClass 0 takes every image. Ascending item indices.
std::vector<std::int64_t> planPerClassSample(const DatasetSource& source, std::int64_t perClass,
                                             std::int64_t unlabelledCap, std::uint64_t seed);

} // namespace nofade

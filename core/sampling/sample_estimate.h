#pragma once
// Estimates of a whole dataset's mean entropy (C_H) and JS complexity (C_JS) from a profile of a
// sample of it, with 95% intervals (docs/METHODS.md, "Sampled scans").
//
// Mean: the stratified estimator sum_h W_h mean_h (W_h = N_h / N), its variance
// sum_h W_h^2 (1 - n_h / N_h) s_h^2 / n_h (finite-population corrected), and a t interval.
//
// C_JS: the sample's own C_JS overestimates the dataset's, badly for small samples (a histogram
// of 70 images over 64 bins is mostly noise, and noise adds JS distance). The estimate removes
// that bias by extrapolation (Strong et al. 1998): each pair's JS divergence (the squared
// distance) is measured on the sample, on random halves and on random quarters, a quadratic in
// 1/size is fitted through the three and read at the dataset's size. Its interval comes from
// seeded half-sample replicates: the same estimate computed on random halves of every class
// (drawn without replacement), whose spread, scaled by sqrt(1 - n/N), is the spread of the
// estimate at the sample's size; the 2.5% and 97.5% points of the centred replicates, added to
// the estimate, bound the interval.
//
// The replicates are independent: they run on several threads, each drawn from its own seeded
// stream (seed, replicate index), so the numbers do not depend on the thread count. They report
// to run.feedback's replicates (done of all); its cancel stops them between replicates; the
// estimate then has no C_JS (never an interval made from
// part of the replicates), and says why.
#include "parallel/parallel_for.h"
#include "profile/profile.h"
#include "sampling/extrapolated_js.h"

namespace nofade {

// `sample`: a profile of the images of `design` (its per-image results are used). Deterministic
// for design.request.seed and design.request.bootstrapRounds, whatever the threads.
SampleEstimate estimateFromSample(const Profile& sample, const SampleDesign& design, const ParallelRun& run = {});

// What jsReason says after a cancel.
QString cancelledEstimateReason();

// The parts, for tests.
// The mean, its standard error and t interval.
void estimateMean(const Profile& sample, const SampleDesign& design, SampleEstimate& into);
// The bias-corrected C_JS of class samples that are a fraction `fraction` (0 < f <= 1) of their
// classes; nullopt with `reason` when there is none (fewer than two classes, all identical).
std::optional<double> extrapolatedJsComplexity(const ProfileSettings& settings,
                                               const std::vector<std::vector<double>>& classEntropies,
                                               double fraction, std::uint64_t seed, QString* reason);

} // namespace nofade

#pragma once
// One bias-corrected C_JS of a set of class samples (docs/METHODS.md, "Sampled scans"): each
// pair's JS divergence D = JSD^2 is measured on the samples (x = 1) and averaged over
// kSubsampleRepeats random halves (x = 2) and quarters (x = 4) of every class; the quadratic
// through the three points, read at x = fraction and clamped at 0, gives JSD = sqrt(D), and
// C_JS = ln(sum JSD).
//
// That is 1 + 2 x 8 divergence matrices per estimate, and a sampled scan makes hundreds of
// estimates (its interval's replicates). Under the histogram model the classes of a sample hold
// a few images each, so most of their bins are empty; a pair's divergence
//     D = 1 - 1/2 sum_k [T(p_k + q_k) - T(p_k) - T(q_k)],   T(x) = x log2 x,
// has terms only in the bins both classes have images in (elsewhere a bin adds its own mass, and
// the masses sum to 2). So the 17 are not computed as matrices: the shared bins are found through
// sparse histograms (sparse_histograms.h), the 17 divergences of a pair are summed together row
// by row, and each pair's extrapolated distance is made and added on the spot, with no matrix
// stored (the same divergences as the matrix code's, to rounding). The Gaussian class model has
// no empty bins: it takes the 17 matrices from the JSD matrix code (maths/jsd_matrix.h).
#include <atomic>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>
#include <QString>

#include "profile/profile_settings.h"
#include "sampling/seeded_random.h"
#include "sampling/sparse_histograms.h"

namespace nofade {

inline constexpr int kSubsampleRepeats = 8; // random halves/quarters averaged per estimate

// The images of the classes as the class model needs them. keys[c] holds one key per image of
// class c: its histogram bin (histogram model) or its index in entropies[c] (Gaussian model).
// A class sample is a list of such keys, so drawing halves moves small integers around.
struct ClassImages {
    ClassImages(const ProfileSettings& settings, std::vector<std::vector<double>> entropies);

    ProfileSettings settings;
    std::vector<std::vector<double>> entropies;
    std::vector<std::vector<int>> keys;
};

// The buffers one thread reuses from one estimate to the next.
struct ExtrapolationWorkspace {
    std::vector<std::vector<int>> pools;   // each class sample, shuffled in place
    std::vector<SparseHistograms> draws;   // histogram model: the sample, its halves, its quarters
    std::vector<double> rows;              // histogram model: one row of the three groups' sums
    std::vector<double> inverseTotals;     // histogram model: 1 / images of each class, per group
    std::vector<double> nLog2n;            // n log2 n for whole numbers
    std::vector<double> divergences;       // Gaussian model: the three sums of every pair
};

// The estimate from class samples `classes` (key lists, each non-empty) that are a fraction
// `fraction` (0 < f <= 1) of their classes, its random halves drawn from `seed`. nullopt with
// `reason` when there is none (fewer than two classes, all identical), and without one when
// `cancel` was set while it ran.
std::optional<double> extrapolatedJs(const ClassImages& images, const std::vector<std::span<const int>>& classes,
                                     double fraction, std::uint64_t seed, ExtrapolationWorkspace& work,
                                     const std::atomic<bool>* cancel, QString* reason);

// Moves a uniform random subset of `want` elements to the front of `v` (a partial Fisher-Yates
// shuffle: the stream of SeededRandom calls is part of what makes an estimate reproducible).
void shuffleFront(std::vector<int>& v, std::size_t want, SeededRandom& random);

} // namespace nofade

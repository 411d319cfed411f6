#pragma once
// The cumulative spectral gradient, CSG (Branchaud-Charron, Achkar & Jodoin, "Spectral Metric for
// Dataset Complexity Assessment", CVPR 2019; reference code Dref360/spectral_metric): how much the
// classes' k-NN probability mass overlaps, read off the eigenvalue spectrum of the class
// similarity graph's Laplacian. Larger: more entangled classes (harder).
#include <vector>

#include "complexity/measure_result.h"
#include "complexity/vector_set.h"
#include "parallel/parallel_for.h"

namespace nofade {

struct CsgOptions {
    int components = 16; // PCA embedding dimension
    int k = 3;           // neighbours of each sampled point
    bool kdTree = true;  // false: brute force (the same result; for the benchmark)
    bool scatterPca = false; // true: PCA from the scatter matrix at any size (for the tests)
};

struct CsgDetail {
    std::vector<double> similarity;  // K x K, row-major: S after row normalisation
    std::vector<double> eigenvalues; // of the Laplacian, ascending
};

// `set`: labelled vectors, classes 0..K-1, every class present.
MeasureResult cumulativeSpectralGradient(const VectorSet& set, const ParallelRun& run,
                                         const CsgOptions& options = {}, CsgDetail* detail = nullptr);

} // namespace nofade

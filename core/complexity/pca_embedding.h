#pragma once
// Principal component embedding of small vectors: the centred [0, 1] vectors projected on the
// eigenvectors of their scatter matrix with the largest eigenvalues.
#include <vector>

#include "complexity/small_vector.h"
#include "parallel/parallel_for.h"

namespace nofade {

// Row-major n x components coordinates (components <= kSmallFeatures). Component signs are
// arbitrary (the measures that use the embedding do not depend on them). Up to 1024 points the
// eigenvectors come from the n x n Gram matrix, beyond from the 1024 x 1024 scatter matrix (made
// from exact integer sums); `forceScatter` takes the second way at any size (for the tests).
std::vector<double> pcaEmbedding(const std::vector<SmallVector>& vectors, int components, const ParallelRun& run,
                                 bool forceScatter = false);

} // namespace nofade

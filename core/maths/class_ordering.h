#pragma once
// Orders of classes for the distance heatmap: by mean entropy, or by average-linkage hierarchical
// clustering of the JS distances (nearest-neighbour chain, O(n^2): fast for 1000 classes), so that
// similar classes sit together. Pure functions.
#include <vector>

namespace nofade {

// A symmetric n x n distance matrix, row-major.
struct DistanceMatrix {
    int n = 0;
    std::vector<float> values;
    float at(int i, int j) const { return values[std::size_t(i) * std::size_t(n) + std::size_t(j)]; }
    float& at(int i, int j) { return values[std::size_t(i) * std::size_t(n) + std::size_t(j)]; }
};

// Indices 0..n-1 sorted by key (ties keep their order).
std::vector<int> orderByKey(const std::vector<double>& keys);

// The leaf order of the average-linkage (UPGMA) dendrogram of the matrix.
std::vector<int> orderByClustering(const DistanceMatrix& distances);

} // namespace nofade

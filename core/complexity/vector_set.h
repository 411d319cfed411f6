#pragma once
// The small vectors a dataset measure runs on, with their classes.
#include <cstdint>
#include <vector>

#include "complexity/small_vector.h"

namespace nofade {

struct VectorSet {
    std::vector<SmallVector> vectors;
    std::vector<int> classes; // per vector, -1: no class
    std::size_t size() const { return vectors.size(); }
};

// The vectors that have a class, with their classes renumbered 0..K-1 in ascending order of
// the original class; `originalClass` (optional) receives the original class of each new one.
VectorSet labelledOnly(const VectorSet& set, std::vector<int>* originalClass = nullptr);

} // namespace nofade

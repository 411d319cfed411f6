#pragma once
// The images of a profile ranked by entropy, optionally only one class and an entropy range:
// the inspector steps through this list from the lowest or the highest end. Pure.
#include <optional>
#include <vector>

#include "profile/profile.h"

namespace nofade {

struct RankingFilter {
    int classIndex = -1;          // -1: every image
    std::optional<double> lower;  // entropy >= lower
    std::optional<double> upper;  // entropy < upper (<= 8 for the last bin)
};

// Positions into profile.perImage, sorted by entropy ascending (ties by item index).
std::vector<int> rankImages(const std::vector<ImageEntropy>& images, const RankingFilter& filter);

} // namespace nofade

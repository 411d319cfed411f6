#include "profile/image_ranking.h"

#include <algorithm>

namespace nofade {

std::vector<int> rankImages(const std::vector<ImageEntropy>& images, const RankingFilter& filter)
{
    std::vector<int> out;
    out.reserve(images.size());
    const bool upperIsTop = filter.upper && *filter.upper >= kMaxEntropyBits;
    for (int i = 0; i < int(images.size()); ++i) {
        const ImageEntropy& im = images[std::size_t(i)];
        if (filter.classIndex >= 0 && im.classIndex != filter.classIndex)
            continue;
        if (filter.lower && im.entropy < *filter.lower)
            continue;
        if (filter.upper && !(im.entropy < *filter.upper || (upperIsTop && im.entropy <= *filter.upper)))
            continue;
        out.push_back(i);
    }
    std::stable_sort(out.begin(), out.end(), [&images](int a, int b) {
        return images[std::size_t(a)].entropy < images[std::size_t(b)].entropy;
    });
    return out;
}

} // namespace nofade

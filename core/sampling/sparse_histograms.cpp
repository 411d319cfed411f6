#include "sampling/sparse_histograms.h"

#include <algorithm>

namespace nofade {

void SparseHistograms::reset(int bins)
{
    members_.resize(std::size_t(bins));
    for (std::vector<Member>& m : members_)
        m.clear();
    counts_.assign(std::size_t(bins), 0);
    classBins_.clear();
    classBegin_.assign(1, 0);
    totals_.clear();
    largest_ = 0;
}

void SparseHistograms::addClass(std::span<const int> imageBins)
{
    const int classIndex = classes();
    touched_.clear();
    for (int b : imageBins)
        if (counts_[std::size_t(b)]++ == 0)
            touched_.push_back(b);
    const int total = int(imageBins.size());
    for (int b : touched_) {
        std::vector<Member>& list = members_[std::size_t(b)];
        classBins_.push_back({b, int(list.size())});
        list.push_back({classIndex, counts_[std::size_t(b)], total});
        counts_[std::size_t(b)] = 0;
    }
    classBegin_.push_back(classBins_.size());
    totals_.push_back(total);
    largest_ = std::max(largest_, total);
}

} // namespace nofade

#pragma once
// The class histograms of a few images each, stored by their non-empty bins only. A class pair's
// JS divergence needs just the bins both classes have images in (everywhere else a bin adds its
// own mass, and the masses add up to 1), so besides each class's bins this keeps, for every bin,
// the classes that have images in it, in class order: walking that list from a class's own place
// visits exactly the later classes it shares the bin with.
#include <cstdint>
#include <span>
#include <vector>

namespace nofade {

class SparseHistograms {
public:
    // A class with images in a bin, as the bin's list holds it.
    struct Member {
        int classIndex = 0;
        int count = 0; // images of the class in the bin
        int total = 0; // images of the class
    };
    // One of a class's non-empty bins and the class's place in that bin's list.
    struct Bin {
        int bin = 0;
        int position = 0;
    };

    explicit SparseHistograms(int bins = 64) { reset(bins); }

    // Empties it for classes over `bins` bins, keeping the buffers.
    void reset(int bins);
    // Appends the next class (classes come in index order): the bin of each of its images (at least one).
    void addClass(std::span<const int> imageBins);

    int classes() const { return int(classBegin_.size()) - 1; }
    int largestTotal() const { return largest_; }
    int total(int classIndex) const { return totals_[std::size_t(classIndex)]; }
    std::span<const Bin> binsOf(int classIndex) const
    {
        return {classBins_.data() + classBegin_[std::size_t(classIndex)],
                classBins_.data() + classBegin_[std::size_t(classIndex) + 1]};
    }
    const std::vector<Member>& membersOf(int bin) const { return members_[std::size_t(bin)]; }

private:
    std::vector<std::vector<Member>> members_; // by bin
    std::vector<Bin> classBins_;
    std::vector<std::size_t> classBegin_{0};
    std::vector<int> totals_;
    int largest_ = 0;
    std::vector<int> counts_; // scratch, one per bin, zero between calls
    std::vector<int> touched_;
};

} // namespace nofade

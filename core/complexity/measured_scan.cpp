#include "complexity/measured_scan.h"

#include <algorithm>

#include "complexity/dataset_measures.h"
#include "complexity/measure_collector.h"
#include "complexity/measure_names.h"
#include "sampling/sample_plan.h"

namespace nofade {

namespace {

// Items of each replicate's sample, as one list with a replicate bit mask per item.
std::vector<std::pair<std::int64_t, std::uint64_t>> replicateMembership(const DatasetSource& source,
                                                                        const MeasureSettings& settings)
{
    std::vector<std::pair<std::int64_t, std::uint64_t>> members;
    for (int r = 0; r < settings.replicateCount(); ++r)
        for (std::int64_t item : planPerClassSample(source, settings.perClass, settings.sampleAll() ? 0 : MeasureSettings::kUnlabelledCap,
                                                    settings.seed + std::uint64_t(r)))
            members.emplace_back(item, std::uint64_t(1) << r);
    std::sort(members.begin(), members.end());
    std::vector<std::pair<std::int64_t, std::uint64_t>> merged;
    for (const auto& [item, bit] : members) {
        if (!merged.empty() && merged.back().first == item)
            merged.back().second |= bit;
        else
            merged.emplace_back(item, bit);
    }
    return merged;
}

} // namespace

Profile scanWithMeasures(const DatasetSource& source, const ProfileSettings& settings, const ScanOptions& options,
                         const MeasureSettings& measures, Feedback& feedback, const std::function<void()>& tick)
{
    const bool si = measures.names.contains(QStringLiteral("si"));
    const bool bpp = measures.names.contains(QStringLiteral("bpp"));
    const bool dataset = std::any_of(measures.names.begin(), measures.names.end(), isDatasetMeasure);
    std::vector<std::pair<std::int64_t, std::uint64_t>> membership;
    if (dataset)
        membership = replicateMembership(source, measures);
    std::vector<std::int64_t> sampleItems;
    for (const auto& [item, bits] : membership)
        sampleItems.push_back(item);
    MeasureCollector collector(source.itemCount(), si, bpp, sampleItems);
    ScanOptions withHook = options;
    if (si || bpp || dataset)
        withHook.grayHook = &collector;
    Profile profile = scanDataset(source, settings, withHook, feedback, tick);

    ProfileMeasures m;
    m.settings = measures;
    if (si || bpp)
        for (const ImageEntropy& image : profile.perImage)
            m.perImage.push_back({image.index, collector.si(image.index), collector.bpp(image.index)});
    // The scan's classes (IDX and CIFAR labels are read while scanning) go with the vectors.
    std::size_t at = 0;
    for (const ImageEntropy& image : profile.perImage) {
        while (at < sampleItems.size() && sampleItems[at] < image.index)
            ++at;
        if (at < sampleItems.size() && sampleItems[at] == image.index && collector.hasVector(at))
            m.sampleVectors.push_back({image.index, image.classIndex, membership[at].second, collector.vector(at)});
    }
    profile.measures = std::move(m);
    const ParallelRun run(options.threads, &feedback, tick);
    computeMeasureValues(profile, run);
    if (tick)
        tick();
    return profile;
}

std::optional<Profile> mergeMeasuredProfiles(const std::vector<Profile>& parts, QString* error,
                                             const QStringList& labels, const ParallelRun& run)
{
    std::optional<Profile> merged = mergeProfiles(parts, error, labels);
    if (merged)
        computeMeasureValues(*merged, run);
    return merged;
}

} // namespace nofade

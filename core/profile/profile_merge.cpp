#include "profile/profile_merge.h"

#include <algorithm>
#include <set>

namespace nofade {

namespace {

QString describeSettings(const ProfileSettings& s)
{
    return QStringLiteral("gray=%1 bins=%2 class_model=%3 min_class_images=%4 sigma_floor=%5 max_pixels=%6")
        .arg(grayModeName(s.gray)).arg(s.bins).arg(classModelName(s.classModel))
        .arg(s.minClassImages).arg(s.sigmaFloor).arg(s.limits.maxPixels);
}

QString compatibility(const Profile& first, const Profile& other, int index)
{
    if (other.sample)
        return QStringLiteral("profile %1 is of a random sample of the dataset, not a shard: complete it with "
                              "\"nofade-cli scan --resume\" instead of merging it").arg(index + 1);
    if (!(other.settings == first.settings))
        return QStringLiteral("profile %1 was made with different settings (%2) than profile 1 (%3)")
            .arg(index + 1).arg(describeSettings(other.settings), describeSettings(first.settings));
    if (other.source.format != first.source.format || other.source.items != first.source.items)
        return QStringLiteral("profile %1 is of another dataset (%2, %3 items) than profile 1 (%4, %5 items)")
            .arg(index + 1).arg(datasetFormatName(other.source.format)).arg(other.source.items)
            .arg(datasetFormatName(first.source.format)).arg(first.source.items);
    if (other.source.shardCount != first.source.shardCount)
        return QStringLiteral("profile %1 is a shard of %2 but profile 1 a shard of %3")
            .arg(index + 1).arg(other.source.shardCount).arg(first.source.shardCount);
    if (other.classes.size() != first.classes.size())
        return QStringLiteral("profile %1 has %2 classes, profile 1 has %3")
            .arg(index + 1).arg(other.classes.size()).arg(first.classes.size());
    for (std::size_t c = 0; c < first.classes.size(); ++c)
        if (other.classes[c].name != first.classes[c].name)
            return QStringLiteral("profile %1 names class %2 \"%3\", profile 1 \"%4\"")
                .arg(index + 1).arg(c + 1).arg(other.classes[c].name, first.classes[c].name);
    return {};
}

} // namespace

std::optional<Profile> mergeProfiles(const std::vector<Profile>& parts, QString* error)
{
    if (parts.empty()) {
        *error = QStringLiteral("no profiles to merge");
        return std::nullopt;
    }
    const Profile& first = parts.front();
    Profile merged = makeEmptyProfile(first.settings, first.source, {});
    merged.classes = first.classes;
    for (ClassProfile& c : merged.classes)
        c = {c.name, Moments{}, EntropyHistogram(first.settings.bins)};
    merged.source.shards.clear();
    std::set<int> shards;
    bool allHavePerImage = true;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const Profile& part = parts[i];
        const QString problem = compatibility(first, part, int(i));
        if (!problem.isEmpty()) {
            *error = problem;
            return std::nullopt;
        }
        for (int s : part.source.shards)
            if (!shards.insert(s).second) {
                *error = QStringLiteral("shard %1 of %2 appears twice (profile %3)")
                             .arg(s).arg(first.source.shardCount).arg(i + 1);
                return std::nullopt;
            }
        merged.moments.merge(part.moments);
        merged.fine.merge(part.fine);
        for (std::size_t c = 0; c < merged.classes.size(); ++c) {
            merged.classes[c].moments.merge(part.classes[c].moments);
            merged.classes[c].histogram.merge(part.classes[c].histogram);
        }
        merged.failed.insert(merged.failed.end(), part.failed.begin(), part.failed.end());
        allHavePerImage = allHavePerImage && (part.images() == 0 || !part.perImage.empty());
        if (allHavePerImage)
            merged.perImage.insert(merged.perImage.end(), part.perImage.begin(), part.perImage.end());
        merged.complete = merged.complete && part.complete;
    }
    merged.source.shards.assign(shards.begin(), shards.end());
    merged.complete = merged.complete && int(shards.size()) == first.source.shardCount;
    if (!allHavePerImage)
        merged.perImage.clear(); // a partial list would mislead; all or nothing
    std::sort(merged.perImage.begin(), merged.perImage.end(),
              [](const ImageEntropy& a, const ImageEntropy& b) { return a.index < b.index; });
    std::stable_sort(merged.failed.begin(), merged.failed.end(),
                     [](const FailedItem& a, const FailedItem& b) { return a.index < b.index; });
    return merged;
}

} // namespace nofade

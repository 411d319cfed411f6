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

// Names are file paths that may hold '%': every message is filled in one arg() pass.
QString compatibility(const Profile& first, const Profile& other, const QString& firstName, const QString& name)
{
    if (other.sample)
        return QStringLiteral("%1 is of a random sample of the dataset, not a shard: complete it with "
                              "\"nofade-cli scan --resume\" instead of merging it").arg(name);
    const auto n = [](auto v) { return QString::number(v); };
    if (!(other.settings == first.settings))
        return QStringLiteral("%1 was made with different settings (%2) than %3 (%4)")
            .arg(name, describeSettings(other.settings), firstName, describeSettings(first.settings));
    if (other.source.format != first.source.format || other.source.items != first.source.items)
        return QStringLiteral("%1 is of another dataset (%2, %3 items) than %4 (%5, %6 items)")
            .arg(name, datasetFormatName(other.source.format), n(other.source.items), firstName,
                 datasetFormatName(first.source.format), n(first.source.items));
    if (other.source.shardCount != first.source.shardCount)
        return QStringLiteral("%1 is a shard of %2 but %3 a shard of %4")
            .arg(name, n(other.source.shardCount), firstName, n(first.source.shardCount));
    if (other.classes.size() != first.classes.size())
        return QStringLiteral("%1 has %2 classes, %3 has %4")
            .arg(name, n(other.classes.size()), firstName, n(first.classes.size()));
    for (std::size_t c = 0; c < first.classes.size(); ++c)
        if (other.classes[c].name != first.classes[c].name)
            return QStringLiteral("%1 names class %2 \"%3\", %4 \"%5\"")
                .arg(name, n(c + 1), other.classes[c].name, firstName, first.classes[c].name);
    if (other.measures.has_value() != first.measures.has_value()
        || (other.measures && !(other.measures->settings == first.measures->settings)))
        return QStringLiteral("%1 was made with other complexity measures (--measures and its sample) than %2")
            .arg(name, firstName);
    return {};
}

} // namespace

std::optional<Profile> mergeProfiles(const std::vector<Profile>& parts, QString* error, const QStringList& labels)
{
    const auto label = [&](std::size_t i) {
        return i < std::size_t(labels.size()) ? labels[qsizetype(i)] : QStringLiteral("profile %1").arg(i + 1);
    };
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
        const QString problem = compatibility(first, part, label(0), label(i));
        if (!problem.isEmpty()) {
            *error = problem;
            return std::nullopt;
        }
        for (int s : part.source.shards)
            if (!shards.insert(s).second) {
                *error = QStringLiteral("shard %1 of %2 appears twice (again in %3)")
                             .arg(QString::number(s), QString::number(first.source.shardCount), label(i));
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
    if (first.measures) {
        // The measures' raw state joins exactly; their values are recomputed from it by
        // complexity/measured_scan.h's mergeMeasuredProfiles (they are left empty here).
        ProfileMeasures m;
        m.settings = first.measures->settings;
        for (const Profile& part : parts) {
            m.perImage.insert(m.perImage.end(), part.measures->perImage.begin(), part.measures->perImage.end());
            m.sampleVectors.insert(m.sampleVectors.end(), part.measures->sampleVectors.begin(),
                                   part.measures->sampleVectors.end());
        }
        std::sort(m.perImage.begin(), m.perImage.end(), [](const auto& a, const auto& b) { return a.index < b.index; });
        std::sort(m.sampleVectors.begin(), m.sampleVectors.end(),
                  [](const auto& a, const auto& b) { return a.index < b.index; });
        merged.measures = std::move(m);
    }
    std::sort(merged.perImage.begin(), merged.perImage.end(),
              [](const ImageEntropy& a, const ImageEntropy& b) { return a.index < b.index; });
    std::stable_sort(merged.failed.begin(), merged.failed.end(),
                     [](const FailedItem& a, const FailedItem& b) { return a.index < b.index; });
    return merged;
}

std::vector<int> missingShards(const Profile& profile)
{
    std::vector<bool> held(std::size_t(std::max(profile.source.shardCount, 0)), false);
    for (int s : profile.source.shards)
        if (s >= 0 && std::size_t(s) < held.size())
            held[std::size_t(s)] = true;
    std::vector<int> missing;
    for (std::size_t s = 0; s < held.size(); ++s)
        if (!held[s])
            missing.push_back(int(s));
    return missing;
}

QString describeShardList(const std::vector<int>& shards)
{
    QStringList runs;
    for (std::size_t i = 0; i < shards.size();) {
        std::size_t j = i;
        while (j + 1 < shards.size() && shards[j + 1] == shards[j] + 1)
            ++j;
        runs << (j == i ? QString::number(shards[i]) : QStringLiteral("%1-%2").arg(shards[i]).arg(shards[j]));
        i = j + 1;
    }
    return runs.join(QStringLiteral(", "));
}

} // namespace nofade

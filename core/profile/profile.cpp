#include "profile/profile.h"

#include <algorithm>

#include "maths/jsd_matrix.h"

namespace nofade {

std::int64_t Profile::failedItems() const
{
    std::int64_t n = 0;
    for (const FailedItem& f : failed)
        n += f.items;
    return n;
}

std::int64_t Profile::unlabelledImages() const
{
    std::int64_t labelled = 0;
    for (const ClassProfile& c : classes)
        labelled += c.moments.count();
    return images() - labelled;
}

double Profile::quantile(double q) const
{
    const double v = fine.quantile(q);
    return moments.count() ? std::clamp(v, moments.min(), moments.max()) : v;
}

std::vector<int> Profile::usableClasses() const
{
    std::vector<int> usable;
    for (int i = 0; i < int(classes.size()); ++i)
        if (classes[std::size_t(i)].moments.count() >= std::max(1, settings.minClassImages))
            usable.push_back(i);
    return usable;
}

JsdSummary Profile::jsd() const
{
    const std::vector<int> usable = usableClasses();
    std::vector<JsdPair> pairs;
    if (settings.classModel == ClassModel::Histogram) {
        std::vector<std::vector<std::uint64_t>> counts;
        for (int c : usable)
            counts.push_back(classes[std::size_t(c)].histogram.counts());
        pairs = pairwiseJensenShannon(counts);
    } else {
        std::vector<NormalParameters> normals;
        for (int c : usable)
            normals.push_back({classes[std::size_t(c)].moments.mean(), classes[std::size_t(c)].moments.stdDev()});
        pairs = pairwiseGaussianJensenShannon(normals, settings.sigmaFloor);
    }
    for (JsdPair& pair : pairs) { // positions among the usable classes -> class indices
        pair.a = usable[std::size_t(pair.a)];
        pair.b = usable[std::size_t(pair.b)];
    }
    JsdSummary summary = summariseJsd(std::move(pairs), int(usable.size()));
    if (!labelled())
        summary.reason = QString::fromUtf8(kUnlabelledJsReason);
    return summary;
}

Profile makeEmptyProfile(const ProfileSettings& settings, const ProfileSource& source,
                         const QStringList& classNames)
{
    Profile p;
    p.settings = settings;
    p.source = source;
    for (const QString& name : classNames)
        p.classes.push_back({name, Moments{}, EntropyHistogram(settings.bins)});
    return p;
}

} // namespace nofade

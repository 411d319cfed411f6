#include "profile/profile.h"

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
    std::vector<std::vector<double>> distributions;
    if (settings.classModel == ClassModel::Histogram)
        for (int c : usable)
            distributions.push_back(classes[std::size_t(c)].histogram.probabilities());
    std::vector<JsdPair> pairs;
    pairs.reserve(usable.size() * (usable.size() - (usable.empty() ? 0 : 1)) / 2);
    for (std::size_t i = 0; i < usable.size(); ++i) {
        for (std::size_t j = i + 1; j < usable.size(); ++j) {
            double d;
            if (settings.classModel == ClassModel::Histogram) {
                d = jensenShannonDistance(distributions[i], distributions[j]);
            } else {
                const Moments& a = classes[std::size_t(usable[i])].moments;
                const Moments& b = classes[std::size_t(usable[j])].moments;
                d = gaussianJensenShannonDistance(a.mean(), a.stdDev(), b.mean(), b.stdDev(),
                                                  settings.sigmaFloor);
            }
            pairs.push_back({usable[i], usable[j], d});
        }
    }
    return summariseJsd(std::move(pairs), int(usable.size()));
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

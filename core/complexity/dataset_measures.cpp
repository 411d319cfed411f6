#include "complexity/dataset_measures.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <optional>
#include <QHash>

#include "complexity/borderline_n1.h"
#include "complexity/fisher_f1.h"
#include "complexity/intrinsic_dimension.h"
#include "complexity/measure_names.h"
#include "complexity/neighbour_search.h"
#include "complexity/spectral_csg.h"
#include "sampling/student_t.h"

namespace nofade {

namespace {

MeasureValue imageMean(const QString& name, const std::vector<ImageMeasureValues>& perImage, double ImageMeasureValues::*field)
{
    MeasureValue v;
    v.name = name;
    double sum = 0.0;
    for (const ImageMeasureValues& m : perImage)
        if (!std::isnan(m.*field)) {
            sum += m.*field;
            ++v.sample;
        }
    if (v.sample > 0)
        v.value = sum / double(v.sample);
    else
        v.reason = QStringLiteral("no image could be measured (SI needs images of at least 3x3 pixels)");
    return v;
}

VectorSet replicateSet(const ProfileMeasures& m, int replicate)
{
    VectorSet set;
    for (const SampleVectorRecord& r : m.sampleVectors)
        if (r.replicates >> replicate & 1u) {
            set.vectors.push_back(r.pixels);
            set.classes.push_back(r.classIndex);
        }
    return set;
}

// One replicate's sample, and the neighbour lists ID and N1 share (one search for both).
struct Replicate {
    VectorSet set;
    std::optional<std::vector<std::vector<Neighbour>>> lists;
    bool allLabelled() const { return std::all_of(set.classes.begin(), set.classes.end(), [](int c) { return c >= 0; }); }
};

MeasureResult measureOn(const QString& name, Replicate& r, bool shareLists, const ParallelRun& run)
{
    auto lists = [&]() -> const std::vector<std::vector<Neighbour>>* {
        if (!shareLists || r.set.size() < 3)
            return nullptr;
        if (!r.lists) {
            const VectorMatrix m(r.set.vectors);
            std::vector<std::uint32_t> all(r.set.size());
            std::iota(all.begin(), all.end(), 0u);
            r.lists = nearestNeighbours(m, all, kSpanningTreeList, run);
        }
        return &*r.lists;
    };
    if (name == QLatin1String("id"))
        return twoNnIntrinsicDimension(r.set, run, lists());
    if (name == QLatin1String("f1"))
        return fisherF1(labelledOnly(r.set));
    if (name == QLatin1String("n1"))
        return r.allLabelled() ? borderlineN1(labelledOnly(r.set), run, lists()) : borderlineN1(labelledOnly(r.set), run);
    return cumulativeSpectralGradient(labelledOnly(r.set), run);
}

} // namespace

void computeMeasureValues(Profile& profile, const ParallelRun& run)
{
    if (!profile.measures)
        return;
    ProfileMeasures& m = *profile.measures;
    const int replicates = m.settings.replicateCount();
    // A shard's share of the sample is not a sample of the dataset: its vectors wait for the merge.
    const bool holdsSomeShards = profile.source.shardCount > 1 && int(profile.source.shards.size()) < profile.source.shardCount;
    int steps = 0, done = 0;
    for (const QString& name : m.settings.names)
        steps += isDatasetMeasure(name) && !holdsSomeShards ? replicates : 0;
    if (run.feedback && steps > 0)
        run.feedback->setReplicates(0, steps);
    m.values.clear();
    // Replicate by replicate, so that the neighbour lists ID and N1 share on the same (fully
    // labelled) sample live for one replicate at a time.
    const bool shareLists = m.settings.names.contains(QStringLiteral("id")) && m.settings.names.contains(QStringLiteral("n1"));
    QHash<QString, std::vector<MeasureResult>> results;
    QHash<QString, QString> stopped; // a measure without a value in some replicate: why
    for (int r = 0; r < (holdsSomeShards ? 0 : replicates); ++r) {
        Replicate sample{replicateSet(m, r), std::nullopt};
        for (const QString& name : m.settings.names) {
            if (!isDatasetMeasure(name) || stopped.contains(name))
                continue;
            if (run.feedback && run.feedback->isCancelled()) {
                stopped.insert(name, QStringLiteral("cancelled"));
                continue;
            }
            const MeasureResult result = measureOn(name, sample, shareLists && sample.allLabelled(), run);
            if (run.feedback)
                run.feedback->setReplicates(++done, steps);
            if (!result.value)
                stopped.insert(name, run.feedback && run.feedback->isCancelled() ? QStringLiteral("cancelled") : result.reason);
            results[name].push_back(result);
        }
    }
    for (const QString& name : m.settings.names) {
        MeasureValue v;
        v.name = name;
        if (name == QLatin1String("entropy")) {
            v.sample = profile.images();
            if (profile.images() > 0)
                v.value = profile.entropyComplexity();
            else
                v.reason = QStringLiteral("no image was analysed");
        } else if (name == QLatin1String("si")) {
            v = imageMean(name, m.perImage, &ImageMeasureValues::si);
        } else if (name == QLatin1String("bpp")) {
            v = imageMean(name, m.perImage, &ImageMeasureValues::bpp);
        } else if (holdsSomeShards) {
            v.reason = QStringLiteral("computed when the shards are merged (nofade-cli merge)");
        } else if (stopped.contains(name)) {
            v.reason = stopped.value(name);
            if (!results.value(name).empty())
                v.sample = results.value(name).front().points;
        } else {
            for (const MeasureResult& result : results.value(name))
                v.replicates.push_back(*result.value);
            v.sample = results.value(name).front().points;
            double sum = 0.0;
            for (double x : v.replicates)
                sum += x;
            const double mean = sum / double(v.replicates.size());
            v.value = mean;
            if (v.replicates.size() >= 2) {
                double squares = 0.0;
                for (double x : v.replicates)
                    squares += (x - mean) * (x - mean);
                const double n = double(v.replicates.size());
                const double half = studentT95(n - 1.0) * std::sqrt(squares / (n - 1.0) / n);
                v.interval = Interval{mean - half, mean + half};
            }
        }
        v.definition = measureDefinition(name);
        m.values.push_back(std::move(v));
    }
}

} // namespace nofade

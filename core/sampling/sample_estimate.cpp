#include "sampling/sample_estimate.h"

#include <algorithm>
#include <map>
#include <mutex>

#include "parallel/parallel_for.h"
#include "sampling/seeded_random.h"
#include "sampling/student_t.h"

namespace nofade {

namespace {

// Streams of SeededRandom::stream() for the estimates; the plan uses 0 .. classes. Replicate b
// draws from stream kEstimateStream + 1 + b.
constexpr std::uint64_t kEstimateStream = 0x5A3D'0000'0000ULL;

// numpy.percentile's default ('linear') of sorted values.
double percentile(const std::vector<double>& sorted, double q)
{
    const double h = q * double(sorted.size() - 1);
    const std::size_t i = std::size_t(h);
    if (i + 1 >= sorted.size())
        return sorted.back();
    return sorted[i] + (h - double(i)) * (sorted[i + 1] - sorted[i]);
}

std::vector<std::span<const int>> spansOf(const std::vector<std::vector<int>>& lists)
{
    return {lists.begin(), lists.end()};
}

// One worker's buffers, kept from one replicate to the next.
struct ReplicateWorkspace {
    std::vector<std::vector<int>> halves;
    ExtrapolationWorkspace extrapolation;
};

// Replicate b: the estimate for a random half of every class sample, drawn from its own stream.
std::optional<double> replicate(const ClassImages& images, double fraction, std::uint64_t seed, int b,
                                ReplicateWorkspace& work, const std::atomic<bool>* cancel)
{
    SeededRandom random = SeededRandom::stream(seed, kEstimateStream + 1 + std::uint64_t(b));
    work.halves.resize(images.keys.size());
    for (std::size_t c = 0; c < images.keys.size(); ++c) {
        std::vector<int>& half = work.halves[c];
        half = images.keys[c];
        const std::size_t h = std::max<std::size_t>(1, half.size() / 2);
        shuffleFront(half, h, random);
        half.resize(h);
    }
    return extrapolatedJs(images, spansOf(work.halves), fraction / 2.0, random.next(), work.extrapolation, cancel,
                          nullptr);
}

// Every replicate through the parallel loop; each result lands in its own slot, so the order of
// the results does not depend on the scheduling. Stops early when cancelled.
void runReplicates(const ClassImages& images, double fraction, std::uint64_t seed, const ParallelRun& run,
                   std::vector<std::optional<double>>& results)
{
    const std::size_t rounds = results.size();
    std::vector<ReplicateWorkspace> work(std::size_t(parallelWorkers(rounds, run)));
    const std::atomic<bool>* cancel = run.feedback ? &run.feedback->cancelFlag() : nullptr;
    std::mutex mutex; // guards done and the progress
    int done = 0;
    parallelFor(rounds, run, [&](std::size_t b, int worker) {
        results[b] = replicate(images, fraction, seed, int(b), work[std::size_t(worker)], cancel);
        std::lock_guard lock(mutex);
        ++done;
        if (run.feedback && !run.feedback->isCancelled())
            run.feedback->setReplicates(done, int(rounds));
    });
}

} // namespace

QString cancelledEstimateReason()
{
    return QStringLiteral("cancelled before the C_JS estimate and its interval were computed");
}

void estimateMean(const Profile& sample, const SampleDesign& design, SampleEstimate& into)
{
    struct Stratum {
        std::int64_t population = 0;
        std::vector<double> values;
    };
    std::map<int, Stratum> strata; // by class index (-1: no class); one for an unstratified sample
    for (const SampleStratum& s : design.strata)
        strata[design.stratified ? s.classIndex : -1].population += s.population;
    for (const ImageEntropy& e : sample.perImage) {
        auto it = strata.find(design.stratified ? e.classIndex : -1);
        if (it != strata.end())
            it->second.values.push_back(e.entropy);
    }
    // Strata whose sampled images all failed carry no information: the others stand for them.
    std::int64_t covered = 0, n = 0, used = 0;
    double pooledSq = 0.0, pooledDf = 0.0;
    struct Summary {
        double weight, mean, variance, n, fpc;
    };
    std::vector<Summary> parts;
    for (auto& [c, s] : strata) {
        if (s.values.empty())
            continue;
        const double k = double(s.values.size());
        double mean = 0.0;
        for (double v : s.values)
            mean += v;
        mean /= k;
        double sq = 0.0;
        for (double v : s.values)
            sq += (v - mean) * (v - mean);
        if (s.values.size() >= 2) {
            pooledSq += sq;
            pooledDf += k - 1.0;
        }
        parts.push_back({double(s.population), mean, s.values.size() >= 2 ? sq / (k - 1.0) : NAN, k,
                         s.population > 0 ? std::max(0.0, 1.0 - k / double(s.population)) : 0.0});
        covered += s.population;
        n += std::int64_t(s.values.size());
        ++used;
    }
    if (parts.empty())
        return;
    // A stratum of one image has no variance of its own: the pooled within-stratum variance
    // stands in (the "collapsed strata" device).
    const double pooled = pooledDf > 0 ? pooledSq / pooledDf : NAN;
    double mean = 0.0, variance = 0.0;
    for (const Summary& p : parts) {
        const double w = p.weight / double(covered);
        mean += w * p.mean;
        const double s2 = std::isnan(p.variance) ? pooled : p.variance;
        variance += w * w * p.fpc * (p.fpc > 0 ? s2 : 0.0) / p.n;
    }
    into.mean = mean;
    into.meanStandardError = std::sqrt(variance);
    into.meanDegreesOfFreedom = double(std::max<std::int64_t>(n - used, n > 1 ? 1 : 0));
    if (std::isfinite(into.meanStandardError) && into.meanDegreesOfFreedom >= 1) {
        const double half = studentT95(into.meanDegreesOfFreedom) * into.meanStandardError;
        into.meanInterval = {mean - half, mean + half};
    }
}

std::optional<double> extrapolatedJsComplexity(const ProfileSettings& settings,
                                               const std::vector<std::vector<double>>& classEntropies,
                                               double fraction, std::uint64_t seed, QString* reason)
{
    const ClassImages images(settings, classEntropies);
    ExtrapolationWorkspace work;
    return extrapolatedJs(images, spansOf(images.keys), fraction, seed, work, nullptr, reason);
}

SampleEstimate estimateFromSample(const Profile& sample, const SampleDesign& design, const ParallelRun& run)
{
    SampleEstimate e;
    estimateMean(sample, design, e);

    auto cancelled = [&] {
        if (!run.feedback || !run.feedback->isCancelled())
            return false;
        e.js.reset();
        e.jsReason = cancelledEstimateReason();
        return true;
    };
    const JsdSummary plugIn = sample.jsd();
    e.jsPlugIn = plugIn.complexity;
    if (cancelled())
        return e;
    if (!plugIn.complexity) {
        e.jsReason = plugIn.reason;
        return e;
    }
    const std::vector<int> usable = sample.usableClasses();
    std::vector<int> slot(sample.classes.size(), -1);
    for (std::size_t k = 0; k < usable.size(); ++k)
        slot[std::size_t(usable[k])] = int(k);
    std::vector<std::vector<double>> entropies(usable.size());
    for (const ImageEntropy& img : sample.perImage)
        if (img.classIndex >= 0 && slot[std::size_t(img.classIndex)] >= 0)
            entropies[std::size_t(slot[std::size_t(img.classIndex)])].push_back(img.entropy);
    const ClassImages images(sample.settings, std::move(entropies));

    const double f = std::clamp(design.fraction(), 1e-12, 1.0);
    const std::uint64_t seed = design.request.seed;
    {
        ExtrapolationWorkspace work;
        e.js = extrapolatedJs(images, spansOf(images.keys), f, SeededRandom::stream(seed, kEstimateStream).next(), work,
                              run.feedback ? &run.feedback->cancelFlag() : nullptr, &e.jsReason);
    }
    if (cancelled())
        return e;
    const int rounds = design.request.bootstrapRounds;
    if (!e.js || rounds < 2)
        return e;
    std::vector<std::optional<double>> results(static_cast<std::size_t>(rounds));
    runReplicates(images, f, seed, run, results);
    if (cancelled())
        return e;
    std::vector<double> replicates;
    for (const std::optional<double>& r : results)
        if (r)
            replicates.push_back(*r);
    if (replicates.size() < 2)
        return e;
    std::sort(replicates.begin(), replicates.end());
    double centre = 0.0;
    for (double r : replicates)
        centre += r;
    centre /= double(replicates.size());
    const double scale = std::sqrt(std::max(0.0, 1.0 - design.fraction()));
    e.rounds = int(replicates.size());
    e.jsInterval = {*e.js + scale * (percentile(replicates, 0.025) - centre),
                    *e.js + scale * (percentile(replicates, 0.975) - centre)};
    return e;
}

} // namespace nofade

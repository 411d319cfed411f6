#include "sampling/sample_estimate.h"

#include <algorithm>
#include <map>
#include <span>

#include "sampling/seeded_random.h"
#include "sampling/student_t.h"

namespace nofade {

namespace {

// Streams of SeededRandom::stream() for the estimates; the plan uses 0 .. classes.
constexpr std::uint64_t kEstimateStream = 0x5A3D'0000'0000ULL;

// The JS divergences (squared JS distances) of every pair of the class samples, in the order of
// Profile::jsd(): computed by the profile's own code, under its class model.
std::vector<double> pairDivergences(const ProfileSettings& settings,
                                    const std::vector<std::span<const double>>& classes)
{
    ProfileSettings s = settings;
    s.minClassImages = 1; // the caller chose the classes
    Profile p = makeEmptyProfile(s, {}, QStringList());
    p.classes.resize(classes.size(), ClassProfile{QString(), Moments{}, EntropyHistogram(s.bins)});
    for (std::size_t c = 0; c < classes.size(); ++c)
        for (double h : classes[c]) {
            p.classes[c].moments.add(h);
            p.classes[c].histogram.add(h);
        }
    std::vector<double> d;
    for (const JsdPair& pair : p.jsd().pairs)
        d.push_back(pair.distance * pair.distance);
    return d;
}

// Moves a uniform random subset of `want` elements to the front of `v`.
void shuffleFront(std::vector<double>& v, std::size_t want, SeededRandom& random)
{
    for (std::size_t i = 0; i < want && i + 1 < v.size(); ++i)
        std::swap(v[i], v[i + std::size_t(random.below(v.size() - i))]);
}

// numpy.percentile's default ('linear') of sorted values.
double percentile(const std::vector<double>& sorted, double q)
{
    const double h = q * double(sorted.size() - 1);
    const std::size_t i = std::size_t(h);
    if (i + 1 >= sorted.size())
        return sorted.back();
    return sorted[i] + (h - double(i)) * (sorted[i + 1] - sorted[i]);
}

} // namespace

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
    std::vector<std::vector<double>> pool = classEntropies;
    std::vector<std::span<const double>> all, half, quarter;
    for (const std::vector<double>& c : pool)
        all.emplace_back(c);
    const std::vector<double> whole = pairDivergences(settings, all);
    std::vector<double> halves(whole.size(), 0.0), quarters(whole.size(), 0.0);
    SeededRandom random(seed);
    for (int r = 0; r < kSubsampleRepeats; ++r) {
        half.clear();
        quarter.clear();
        for (std::vector<double>& c : pool) {
            const std::size_t h = std::max<std::size_t>(1, c.size() / 2);
            shuffleFront(c, h, random); // a random half; its first half a random quarter
            half.emplace_back(c.data(), h);
            quarter.emplace_back(c.data(), std::max<std::size_t>(1, c.size() / 4));
        }
        const std::vector<double> dh = pairDivergences(settings, half);
        const std::vector<double> dq = pairDivergences(settings, quarter);
        for (std::size_t i = 0; i < whole.size(); ++i) {
            halves[i] += dh[i] / kSubsampleRepeats;
            quarters[i] += dq[i] / kSubsampleRepeats;
        }
    }
    // The quadratic through (x, D) = (1, whole), (2, halves), (4, quarters), x = sample size /
    // size, read at x = fraction (the dataset's size): Lagrange weights.
    const double x = fraction;
    const double w1 = (x - 2.0) * (x - 4.0) / 3.0;
    const double w2 = -(x - 1.0) * (x - 4.0) / 2.0;
    const double w4 = (x - 1.0) * (x - 2.0) / 6.0;
    std::vector<JsdPair> pairs(whole.size());
    for (std::size_t i = 0; i < whole.size(); ++i)
        pairs[i].distance = std::sqrt(std::max(0.0, w1 * whole[i] + w2 * halves[i] + w4 * quarters[i]));
    JsdSummary s = summariseJsd(std::move(pairs), int(classEntropies.size()));
    if (!s.complexity && reason)
        *reason = s.reason;
    return s.complexity;
}

SampleEstimate estimateFromSample(const Profile& sample, const SampleDesign& design)
{
    SampleEstimate e;
    estimateMean(sample, design, e);

    const JsdSummary plugIn = sample.jsd();
    e.jsPlugIn = plugIn.complexity;
    if (!plugIn.complexity) {
        e.jsReason = plugIn.reason;
        return e;
    }
    const std::vector<int> usable = sample.usableClasses();
    std::vector<int> slot(sample.classes.size(), -1);
    for (std::size_t k = 0; k < usable.size(); ++k)
        slot[std::size_t(usable[k])] = int(k);
    std::vector<std::vector<double>> classes(usable.size());
    for (const ImageEntropy& img : sample.perImage)
        if (img.classIndex >= 0 && slot[std::size_t(img.classIndex)] >= 0)
            classes[std::size_t(slot[std::size_t(img.classIndex)])].push_back(img.entropy);

    const double f = std::clamp(design.fraction(), 1e-12, 1.0);
    const std::uint64_t seed = design.request.seed;
    e.js = extrapolatedJsComplexity(sample.settings, classes,
                                    f, SeededRandom::stream(seed, kEstimateStream).next(), &e.jsReason);
    const int rounds = design.request.bootstrapRounds;
    if (!e.js || rounds < 2)
        return e;
    SeededRandom random = SeededRandom::stream(seed, kEstimateStream + 1);
    std::vector<double> replicates;
    std::vector<std::vector<double>> halves(classes.size());
    for (int b = 0; b < rounds; ++b) {
        for (std::size_t c = 0; c < classes.size(); ++c) {
            std::vector<double> pool = classes[c];
            const std::size_t h = std::max<std::size_t>(1, pool.size() / 2);
            shuffleFront(pool, h, random);
            halves[c].assign(pool.begin(), pool.begin() + std::ptrdiff_t(h));
        }
        const auto r = extrapolatedJsComplexity(sample.settings, halves, f / 2.0, random.next(), nullptr);
        if (r)
            replicates.push_back(*r);
    }
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

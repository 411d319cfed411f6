#include "sampling/extrapolated_js.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "maths/entropy_histogram.h"
#include "maths/jensen_shannon.h"
#include "maths/jsd_matrix.h"
#include "maths/moments.h"

namespace nofade {

namespace {

// The draws of an estimate: the samples themselves (x = 1), their halves (x = 2), their quarters
// (x = 4). A group's divergences are averaged, then weighted by the quadratic's Lagrange weight.
struct Group {
    int first = 0; // index of its first draw
    int count = 0;
    double weight = 0.0;
};

std::array<Group, 3> groupsAt(double x)
{
    return {Group{0, 1, (x - 2.0) * (x - 4.0) / 3.0},
            Group{1, kSubsampleRepeats, -(x - 1.0) * (x - 4.0) / 2.0},
            Group{1 + kSubsampleRepeats, kSubsampleRepeats, (x - 1.0) * (x - 2.0) / 6.0}};
}
constexpr int kDraws = 1 + 2 * kSubsampleRepeats;

bool cancelled(const std::atomic<bool>* cancel)
{
    return cancel && cancel->load(std::memory_order_relaxed);
}

// Draws the halves and quarters of every class sample from `seed` and hands each draw's classes,
// in class order, to add(draw, class, keys). Each class sample is shuffled in place from one
// repeat to the next (a random half, whose first half is a random quarter), in the order of the
// SeededRandom calls that fixes the estimate for a seed.
template <typename Add>
void drawSubsamples(const std::vector<std::span<const int>>& classes, std::uint64_t seed,
                    ExtrapolationWorkspace& work, const Add& add)
{
    work.pools.resize(classes.size());
    for (std::size_t c = 0; c < classes.size(); ++c) {
        work.pools[c].assign(classes[c].begin(), classes[c].end());
        add(0, c, classes[c]);
    }
    SeededRandom random(seed);
    for (int r = 0; r < kSubsampleRepeats; ++r)
        for (std::size_t c = 0; c < classes.size(); ++c) {
            std::vector<int>& pool = work.pools[c];
            const std::size_t half = std::max<std::size_t>(1, pool.size() / 2);
            shuffleFront(pool, half, random);
            add(1 + r, c, std::span<const int>(pool.data(), half));
            add(1 + kSubsampleRepeats + r, c, std::span<const int>(pool.data(), std::max<std::size_t>(1, pool.size() / 4)));
        }
}

double xLog2x(double x) { return x > 0.0 ? x * std::log2(x) : 0.0; }

// The term of a bin that classes a (c of its na images in the bin) and b (d of nb) share,
// T(p + q) - T(p) - T(q) with T(x) = x log2 x, p = c / na, q = d / nb, scaled by na nb so that
// it is made of T at whole numbers:
//     na nb [T(p + q) - T(p) - T(q)] = T(c nb + d na) - T(c nb) - T(d na).
// With few images per class (a quick estimate) every T comes from a table up to 2 na nb
// (kProducts); with more, equal totals n factor out, n [T(c + d) - T(c) - T(d)], from a table up
// to 2n, and unequal ones take the logs.
template <bool kProducts>
void addSharedBins(const SparseHistograms& draw, int a, const double* t, double* row)
{
    for (const SparseHistograms::Bin& bin : draw.binsOf(a)) {
        const std::vector<SparseHistograms::Member>& members = draw.membersOf(bin.bin);
        const int c = members[std::size_t(bin.position)].count;
        const int na = members[std::size_t(bin.position)].total;
        for (std::size_t i = std::size_t(bin.position) + 1; i < members.size(); ++i) {
            const SparseHistograms::Member& other = members[i];
            double f;
            if constexpr (kProducts) {
                const std::size_t x = std::size_t(c) * std::size_t(other.total);
                const std::size_t y = std::size_t(other.count) * std::size_t(na);
                f = t[x + y] - t[x] - t[y];
            } else if (other.total == na) {
                f = na * (t[c + other.count] - t[c] - t[other.count]);
            } else {
                const double x = double(c) * other.total;
                const double y = double(other.count) * na;
                f = xLog2x(x + y) - xLog2x(x) - xLog2x(y);
            }
            row[other.classIndex] += f;
        }
    }
}

// Fills `t` with T(n) = n log2 n for the shared-bin terms; true when it covers 2 na nb for
// every pair (the products table), false when only 2n.
bool tabulateNLog2N(int largestTotal, std::vector<double>& t)
{
    constexpr std::size_t kProductsLimit = std::size_t(1) << 18; // 2 MiB
    const std::size_t products = 2 * std::size_t(largestTotal) * std::size_t(largestTotal) + 1;
    const bool useProducts = products <= kProductsLimit;
    const std::size_t size = useProducts ? products : 2 * std::size_t(largestTotal) + 1;
    const std::size_t from = std::min(t.size(), size);
    t.resize(size);
    for (std::size_t n = from; n < size; ++n)
        t[n] = xLog2x(double(n));
    return useProducts;
}

// Histogram model: the sum over pairs of sqrt(max(0, sum_g w_g mean_g D)), row by row. Row a
// gathers, for every later class b, each group's shared-bin terms (scaled by na nb); then
// mean_g D = 1 - sum / (2 x draws x na nb), the masses of the other bins summing to 2.
std::optional<double> histogramDistanceSum(ExtrapolationWorkspace& work, const std::array<Group, 3>& groups,
                                           int classes, const std::atomic<bool>* cancel)
{
    const bool products = tabulateNLog2N(work.draws[0].largestTotal(), work.nLog2n);
    const std::size_t width = std::size_t(classes);
    // 1 / nb of every class in each group (a class has as many images in every draw of a group).
    work.inverseTotals.resize(groups.size() * width);
    for (std::size_t g = 0; g < groups.size(); ++g)
        for (int c = 0; c < classes; ++c)
            work.inverseTotals[g * width + std::size_t(c)] = 1.0 / work.draws[std::size_t(groups[g].first)].total(c);
    work.rows.resize(groups.size() * width);
    double weights = 0.0;
    for (const Group& g : groups)
        weights += g.weight;
    double sum = 0.0;
    for (int a = 0; a + 1 < classes; ++a) {
        if (a % 32 == 0 && cancelled(cancel))
            return std::nullopt;
        std::array<double, 3> scale{}; // w_g / (2 x draws x na)
        for (std::size_t g = 0; g < groups.size(); ++g) {
            double* row = work.rows.data() + g * width;
            std::fill(row + a + 1, row + width, 0.0);
            for (int d = groups[g].first; d < groups[g].first + groups[g].count; ++d)
                if (products)
                    addSharedBins<true>(work.draws[std::size_t(d)], a, work.nLog2n.data(), row);
                else
                    addSharedBins<false>(work.draws[std::size_t(d)], a, work.nLog2n.data(), row);
            scale[g] = groups[g].weight * work.inverseTotals[g * width + std::size_t(a)] / (2.0 * groups[g].count);
        }
        const double* row1 = work.rows.data();
        const double* row2 = row1 + width;
        const double* row4 = row2 + width;
        const double* inverse1 = work.inverseTotals.data();
        const double* inverse2 = inverse1 + width;
        const double* inverse4 = inverse2 + width;
        for (std::size_t b = std::size_t(a) + 1; b < width; ++b) {
            const double s = weights - scale[0] * row1[b] * inverse1[b] - scale[1] * row2[b] * inverse2[b]
                             - scale[2] * row4[b] * inverse4[b];
            sum += std::sqrt(std::max(0.0, s));
        }
    }
    return sum;
}

// Gaussian model: the 17 matrices from the class means and deviations of every draw.
std::optional<double> gaussianDistanceSum(const ClassImages& images, const std::vector<std::span<const int>>& classes,
                                          std::uint64_t seed, ExtrapolationWorkspace& work,
                                          const std::array<Group, 3>& groups, const std::atomic<bool>* cancel)
{
    std::vector<std::vector<NormalParameters>> normals(kDraws, std::vector<NormalParameters>(classes.size()));
    drawSubsamples(classes, seed, work, [&](int draw, std::size_t c, std::span<const int> keys) {
        Moments m;
        for (int k : keys)
            m.add(images.entropies[c][std::size_t(k)]);
        normals[std::size_t(draw)][c] = {m.mean(), m.stdDev()};
    });
    const std::size_t pairs = classes.size() * (classes.size() - 1) / 2;
    work.divergences.assign(groups.size() * pairs, 0.0);
    for (std::size_t g = 0; g < groups.size(); ++g)
        for (int d = groups[g].first; d < groups[g].first + groups[g].count; ++d) {
            if (cancelled(cancel))
                return std::nullopt;
            const std::vector<JsdPair> matrix =
                pairwiseGaussianJensenShannon(normals[std::size_t(d)], images.settings.sigmaFloor, 1);
            double* into = work.divergences.data() + g * pairs;
            for (std::size_t i = 0; i < pairs; ++i)
                into[i] += matrix[i].distance * matrix[i].distance;
        }
    double sum = 0.0;
    for (std::size_t i = 0; i < pairs; ++i) {
        double s = 0.0;
        for (std::size_t g = 0; g < groups.size(); ++g)
            s += groups[g].weight * (work.divergences[g * pairs + i] / groups[g].count);
        sum += std::sqrt(std::max(0.0, s));
    }
    return sum;
}

} // namespace

ClassImages::ClassImages(const ProfileSettings& s, std::vector<std::vector<double>> e)
    : settings(s), entropies(std::move(e)), keys(entropies.size())
{
    for (std::size_t c = 0; c < entropies.size(); ++c) {
        keys[c].resize(entropies[c].size());
        for (std::size_t i = 0; i < entropies[c].size(); ++i)
            keys[c][i] = settings.classModel == ClassModel::Histogram ? EntropyHistogram::binOf(entropies[c][i], settings.bins)
                                                                      : int(i);
    }
}

void shuffleFront(std::vector<int>& v, std::size_t want, SeededRandom& random)
{
    for (std::size_t i = 0; i < want && i + 1 < v.size(); ++i)
        std::swap(v[i], v[i + std::size_t(random.below(v.size() - i))]);
}

std::optional<double> extrapolatedJs(const ClassImages& images, const std::vector<std::span<const int>>& classes,
                                     double fraction, std::uint64_t seed, ExtrapolationWorkspace& work,
                                     const std::atomic<bool>* cancel, QString* reason)
{
    const int n = int(classes.size());
    const std::array<Group, 3> groups = groupsAt(fraction);
    std::optional<double> sum = 0.0;
    if (n >= 2 && images.settings.classModel == ClassModel::Histogram) {
        work.draws.resize(kDraws);
        for (SparseHistograms& d : work.draws)
            d.reset(images.settings.bins);
        drawSubsamples(classes, seed, work, [&](int draw, std::size_t, std::span<const int> keys) {
            work.draws[std::size_t(draw)].addClass(keys);
        });
        sum = histogramDistanceSum(work, groups, n, cancel);
    } else if (n >= 2) {
        sum = gaussianDistanceSum(images, classes, seed, work, groups, cancel);
    }
    if (!sum)
        return std::nullopt; // cancelled
    if (n < 2 || !(*sum > 0.0)) { // the profile's own reasons
        if (reason)
            *reason = summariseJsd({}, n).reason;
        return std::nullopt;
    }
    return std::log(*sum);
}

} // namespace nofade

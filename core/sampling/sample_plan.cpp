#include "sampling/sample_plan.h"

#include <algorithm>
#include <numeric>

#include "maths/moments.h"
#include "sampling/seeded_random.h"

namespace nofade {

std::vector<std::int64_t> allocateProportionally(const std::vector<std::int64_t>& sizes, std::int64_t n)
{
    const std::size_t strata = sizes.size();
    const std::int64_t total = std::accumulate(sizes.begin(), sizes.end(), std::int64_t{0});
    std::vector<std::int64_t> share(strata, 0);
    if (strata == 0 || n <= 0 || total <= 0)
        return share;
    if (n < std::int64_t(strata)) { // no room for one each: the largest strata get one
        std::vector<std::size_t> order(strata);
        std::iota(order.begin(), order.end(), std::size_t{0});
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return sizes[a] > sizes[b]; });
        for (std::int64_t i = 0; i < n; ++i)
            share[order[std::size_t(i)]] = 1;
        return share;
    }
    // Exact integer arithmetic: stratum h's share is n * size_h / total; how far it is below that
    // share, scaled by total, is n * size_h - share_h * total (no rounding anywhere).
    auto deficit = [&](std::size_t h) { return Int128(n) * sizes[h] - Int128(share[h]) * total; };
    std::int64_t given = 0;
    for (std::size_t h = 0; h < strata; ++h) {
        share[h] = std::clamp<std::int64_t>(std::int64_t(Int128(n) * sizes[h] / total), 1, sizes[h]);
        given += share[h];
    }
    while (given < n) { // largest remainders first
        std::size_t best = strata;
        for (std::size_t h = 0; h < strata; ++h)
            if (share[h] < sizes[h] && (best == strata || deficit(h) > deficit(best)))
                best = h;
        ++share[best];
        ++given;
    }
    while (given > n) { // the ones given to small strata come from those most above their share
        std::size_t best = strata;
        for (std::size_t h = 0; h < strata; ++h)
            if (share[h] > 1 && (best == strata || deficit(h) < deficit(best)))
                best = h;
        --share[best];
        --given;
    }
    return share;
}

namespace {

// The first `want` places of `pool` become a uniform random subset (a larger sample with the
// same seed begins with the same images).
void partialShuffle(std::vector<std::int64_t>& pool, std::int64_t want, SeededRandom random)
{
    for (std::int64_t i = 0; i < want; ++i) {
        const std::uint64_t j = std::uint64_t(i) + random.below(std::uint64_t(pool.size()) - std::uint64_t(i));
        std::swap(pool[std::size_t(i)], pool[std::size_t(j)]);
    }
}

} // namespace

std::vector<std::int64_t> planPerClassSample(const DatasetSource& source, std::int64_t perClass,
                                             std::int64_t unlabelledCap, std::uint64_t seed)
{
    const std::int64_t itemCount = source.itemCount();
    const int classCount = int(source.classNames().size());
    std::vector<std::vector<std::int64_t>> members(std::size_t(classCount) + 1); // 0: no known class
    for (std::int64_t item = 0; item < itemCount; ++item) {
        const int c = source.knownClassOf(item);
        members[std::size_t(c >= 0 && c < classCount ? c + 1 : 0)].push_back(item);
    }
    std::vector<std::int64_t> items;
    for (std::size_t s = 0; s < members.size(); ++s) {
        std::vector<std::int64_t>& pool = members[s];
        const std::int64_t cap = s == 0 ? unlabelledCap : perClass;
        const std::int64_t want = perClass == 0 ? std::int64_t(pool.size()) : std::min<std::int64_t>(cap, std::int64_t(pool.size()));
        if (want < std::int64_t(pool.size()))
            partialShuffle(pool, want, SeededRandom::stream(seed, s));
        items.insert(items.end(), pool.begin(), pool.begin() + want);
    }
    std::sort(items.begin(), items.end());
    return items;
}

SamplePlan planSample(const DatasetSource& source, const SampleRequest& request)
{
    const std::int64_t itemCount = source.itemCount();
    const int classCount = int(source.classNames().size());
    // Stratum 0 holds the items without a known class, stratum c + 1 class c.
    std::vector<std::vector<std::int64_t>> members(std::size_t(classCount) + 1);
    for (std::int64_t item = 0; item < itemCount; ++item) {
        const int c = source.knownClassOf(item);
        members[std::size_t(c >= 0 && c < classCount ? c + 1 : 0)].push_back(item);
    }
    SamplePlan plan;
    SampleDesign& d = plan.design;
    d.request = request;
    d.population = itemCount;
    d.drawn = request.sizeFor(itemCount);
    d.stratified = members[0].size() < std::size_t(itemCount);

    std::vector<std::size_t> used; // non-empty strata, classes in order, then the unknown-class one
    for (std::size_t s = 1; s < members.size(); ++s)
        if (!members[s].empty())
            used.push_back(s);
    if (!members[0].empty())
        used.push_back(0);
    std::vector<std::int64_t> sizes;
    for (std::size_t s : used)
        sizes.push_back(std::int64_t(members[s].size()));
    const std::vector<std::int64_t> shares = allocateProportionally(sizes, d.drawn);

    for (std::size_t k = 0; k < used.size(); ++k) {
        std::vector<std::int64_t>& pool = members[used[k]];
        const std::int64_t want = shares[k];
        // A partial Fisher-Yates shuffle: the first `want` places are a uniform random subset, and
        // a larger sample with the same seed begins with the same images.
        partialShuffle(pool, want, SeededRandom::stream(request.seed, used[k]));
        plan.items.insert(plan.items.end(), pool.begin(), pool.begin() + want);
        d.strata.push_back({int(used[k]) - 1, std::int64_t(pool.size()), want});
    }
    std::sort(plan.items.begin(), plan.items.end());
    return plan;
}

} // namespace nofade

#include "complexity/borderline_n1.h"

#include <algorithm>
#include <limits>
#include <numeric>
#include <tuple>

#include "complexity/neighbour_search.h"

namespace nofade {

namespace {

struct Edge {
    std::uint32_t distance = std::numeric_limits<std::uint32_t>::max();
    std::uint32_t a = std::numeric_limits<std::uint32_t>::max(); // smaller index
    std::uint32_t b = std::numeric_limits<std::uint32_t>::max();
    bool valid() const { return a != std::numeric_limits<std::uint32_t>::max(); }
    bool operator<(const Edge& o) const { return std::tie(distance, a, b) < std::tie(o.distance, o.a, o.b); }
};

Edge edgeOf(std::uint32_t p, const Neighbour& n)
{
    return Edge{n.squaredDistance, std::min(p, n.index), std::max(p, n.index)};
}

std::uint32_t findRoot(std::vector<std::uint32_t>& parent, std::uint32_t x)
{
    while (parent[x] != x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    return x;
}

} // namespace

std::vector<std::pair<std::uint32_t, std::uint32_t>> minimumSpanningTree(
    const VectorSet& set, const ParallelRun& run, const std::vector<std::vector<Neighbour>>* given)
{
    std::vector<std::pair<std::uint32_t, std::uint32_t>> tree;
    const std::uint32_t n = std::uint32_t(set.size());
    if (n < 2)
        return tree;
    const VectorMatrix m(set.vectors);
    std::vector<std::uint32_t> all(n);
    std::iota(all.begin(), all.end(), 0u);
    // For a fixed point p, (distance, index of the other end) orders its edges as the edge order
    // does, so the first list entry outside p's component is p's shortest edge out of it.
    std::vector<std::vector<Neighbour>> searched;
    if (!given)
        searched = nearestNeighbours(m, all, kSpanningTreeList, run);
    const auto& lists = given ? *given : searched;
    std::vector<std::uint32_t> parent(n);
    std::iota(parent.begin(), parent.end(), 0u);
    std::vector<std::uint32_t> component(n);
    std::size_t components = n;
    while (components > 1) {
        if (run.feedback && run.feedback->isCancelled())
            return {};
        for (std::uint32_t p = 0; p < n; ++p)
            component[p] = findRoot(parent, p);
        std::vector<Edge> best(n); // per component root
        std::vector<std::uint32_t> unresolved;
        for (std::uint32_t p = 0; p < n; ++p) {
            const std::vector<Neighbour>& l = lists[p];
            auto out = std::find_if(l.begin(), l.end(), [&](const Neighbour& q) { return component[q.index] != component[p]; });
            if (out != l.end()) {
                best[component[p]] = std::min(best[component[p]], edgeOf(p, *out));
            } else if (l.size() == n - 1u) {
                continue; // p's list holds every other point: none is outside
            } else {
                unresolved.push_back(p);
            }
        }
        // A point whose whole list lies in its component has every outside edge longer than the
        // list's last one; it needs a full search only if that could beat its component's best.
        std::vector<std::uint32_t> search;
        for (std::uint32_t p : unresolved)
            if (lists[p].back().squaredDistance <= best[component[p]].distance)
                search.push_back(p);
        if (!search.empty()) {
            const auto found = nearestNeighbours(m, search, 1, run, [&](std::uint32_t q, std::uint32_t c) {
                return component[q] != component[c];
            });
            if (run.feedback && run.feedback->isCancelled())
                return {};
            for (std::size_t i = 0; i < search.size(); ++i)
                if (!found[i].empty())
                    best[component[search[i]]] = std::min(best[component[search[i]]], edgeOf(search[i], found[i][0]));
        }
        for (std::uint32_t root = 0; root < n; ++root) {
            const Edge& e = best[root];
            if (!e.valid())
                continue;
            const std::uint32_t ra = findRoot(parent, e.a);
            const std::uint32_t rb = findRoot(parent, e.b);
            if (ra == rb)
                continue; // the same edge, chosen by both of its components
            parent[std::max(ra, rb)] = std::min(ra, rb);
            tree.emplace_back(e.a, e.b);
            --components;
        }
    }
    return tree;
}

MeasureResult borderlineN1(const VectorSet& set, const ParallelRun& run,
                           const std::vector<std::vector<Neighbour>>* lists)
{
    MeasureResult r;
    const int classCount = set.classes.empty() ? 0 : *std::max_element(set.classes.begin(), set.classes.end()) + 1;
    if (classCount < 2) {
        r.reason = QStringLiteral("needs at least 2 classes in the sample");
        return r;
    }
    const auto tree = minimumSpanningTree(set, run, lists);
    if (run.feedback && run.feedback->isCancelled()) {
        r.reason = QStringLiteral("cancelled");
        return r;
    }
    std::vector<bool> borderline(set.size(), false);
    for (const auto& [a, b] : tree)
        if (set.classes[a] != set.classes[b])
            borderline[a] = borderline[b] = true;
    r.points = std::int64_t(set.size());
    r.value = double(std::count(borderline.begin(), borderline.end(), true)) / double(set.size());
    return r;
}

} // namespace nofade

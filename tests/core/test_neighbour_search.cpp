// The exact neighbour search behind ID and N1 against a naive search written here: the same lists
// (ordered by distance, then index) with the norm bound and with the principal-component bound,
// with ties and exact duplicates, with a candidate filter, whatever the thread count; and N1's
// Boruvka spanning tree against Kruskal's algorithm on every edge.
#include <algorithm>
#include <numeric>
#include <random>
#include <QtTest>

#include "complexity/borderline_n1.h"
#include "complexity/neighbour_search.h"

using namespace nofade;

namespace {

// Smooth random images in a few families (so that neighbours are meaningful), with exact
// duplicates and one-pixel variants (ties).
std::vector<SmallVector> fixture(std::size_t n)
{
    std::mt19937 random(7);
    std::vector<SmallVector> out;
    while (out.size() < n) {
        SmallVector v{};
        const int family = int(random() % 4);
        const double phase = double(random() % 1000) / 1000.0;
        for (int y = 0; y < kSmallSide; ++y)
            for (int x = 0; x < kSmallSide; ++x) {
                const double base = 127.0 + 100.0 * std::sin(0.2 * (family + 1) * x + phase * 6.0) * std::cos(0.15 * y + family);
                v[std::size_t(y * kSmallSide + x)] = std::uint8_t(std::clamp(base + double(random() % 40) - 20.0, 0.0, 255.0));
            }
        out.push_back(v);
        if (out.size() % 17 == 0)
            out.push_back(v); // an exact duplicate
        if (out.size() % 23 == 0) {
            v[5] = std::uint8_t(v[5] ^ 1); // a near twin
            out.push_back(v);
        }
    }
    out.resize(n);
    return out;
}

std::uint32_t naiveDistance(const SmallVector& a, const SmallVector& b)
{
    std::uint32_t s = 0;
    for (int i = 0; i < kSmallFeatures; ++i) {
        const int d = int(a[std::size_t(i)]) - int(b[std::size_t(i)]);
        s += std::uint32_t(d * d);
    }
    return s;
}

std::vector<Neighbour> naiveList(const std::vector<SmallVector>& v, std::uint32_t q, int k,
                                 const std::function<bool(std::uint32_t, std::uint32_t)>& allowed = {})
{
    std::vector<Neighbour> all;
    for (std::uint32_t c = 0; c < v.size(); ++c)
        if (c != q && (!allowed || allowed(q, c)))
            all.push_back({c, naiveDistance(v[q], v[c])});
    std::sort(all.begin(), all.end());
    all.resize(std::min<std::size_t>(all.size(), std::size_t(k)));
    return all;
}

bool sameLists(const std::vector<Neighbour>& a, const std::vector<Neighbour>& b)
{
    return a.size() == b.size()
           && std::equal(a.begin(), a.end(), b.begin(), [](const Neighbour& x, const Neighbour& y) {
                  return x.index == y.index && x.squaredDistance == y.squaredDistance;
              });
}

} // namespace

class NeighbourSearchTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void listsEqualTheNaiveSearch()
    {
        const std::vector<SmallVector> v = fixture(500);
        std::vector<std::uint32_t> all(v.size());
        std::iota(all.begin(), all.end(), 0u);
        for (const bool project : {false, true})
            for (const int threads : {1, 2}) {
                const VectorMatrix m(v, ParallelRun(threads), project);
                QCOMPARE(m.projectedDims() > 0, project);
                const auto lists = nearestNeighbours(m, all, 16, ParallelRun(threads));
                for (std::uint32_t q = 0; q < v.size(); ++q)
                    QVERIFY2(sameLists(lists[q], naiveList(v, q, 16)), qPrintable(QStringLiteral("query %1, project %2").arg(q).arg(project)));
            }
    }

    void filteredListsEqualTheNaiveSearch()
    {
        const std::vector<SmallVector> v = fixture(300);
        const auto allowed = [](std::uint32_t q, std::uint32_t c) { return q % 5 != c % 5; };
        const std::vector<std::uint32_t> some = {0, 3, 17, 18, 99, 150, 299};
        for (const bool project : {false, true}) {
            const VectorMatrix m(v, ParallelRun{}, project);
            const auto lists = nearestNeighbours(m, some, 1, ParallelRun{}, allowed);
            for (std::size_t i = 0; i < some.size(); ++i)
                QVERIFY(sameLists(lists[i], naiveList(v, some[i], 1, allowed)));
        }
    }

    void spanningTreeEqualsKruskal()
    {
        VectorSet set;
        set.vectors = fixture(400);
        set.classes.assign(set.vectors.size(), 0);
        const auto tree = minimumSpanningTree(set, ParallelRun{});
        QCOMPARE(tree.size(), set.size() - 1);
        // Kruskal on every edge, ordered by (distance, smaller index, larger index).
        struct Edge { std::uint32_t d, a, b; };
        std::vector<Edge> edges;
        for (std::uint32_t a = 0; a < set.size(); ++a)
            for (std::uint32_t b = a + 1; b < set.size(); ++b)
                edges.push_back({naiveDistance(set.vectors[a], set.vectors[b]), a, b});
        std::sort(edges.begin(), edges.end(), [](const Edge& x, const Edge& y) {
            return std::tie(x.d, x.a, x.b) < std::tie(y.d, y.a, y.b);
        });
        std::vector<std::uint32_t> parent(set.size());
        std::iota(parent.begin(), parent.end(), 0u);
        const std::function<std::uint32_t(std::uint32_t)> find = [&](std::uint32_t x) { return parent[x] == x ? x : parent[x] = find(parent[x]); };
        std::vector<std::pair<std::uint32_t, std::uint32_t>> expected;
        for (const Edge& e : edges)
            if (find(e.a) != find(e.b)) {
                parent[find(e.a)] = find(e.b);
                expected.emplace_back(e.a, e.b);
            }
        auto sorted = tree;
        std::sort(sorted.begin(), sorted.end());
        std::sort(expected.begin(), expected.end());
        QCOMPARE(sorted, expected);
    }
};

QTEST_GUILESS_MAIN(NeighbourSearchTest)
#include "test_neighbour_search.moc"

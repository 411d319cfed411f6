#include "maths/class_ordering.h"

#include <algorithm>
#include <limits>
#include <numeric>

namespace nofade {

std::vector<int> orderByKey(const std::vector<double>& keys)
{
    std::vector<int> order(keys.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&keys](int a, int b) { return keys[std::size_t(a)] < keys[std::size_t(b)]; });
    return order;
}

std::vector<int> orderByClustering(const DistanceMatrix& m)
{
    const int n = m.n;
    if (n <= 2) {
        std::vector<int> order(std::size_t(std::max(0, n)));
        std::iota(order.begin(), order.end(), 0);
        return order;
    }
    std::vector<double> d(std::size_t(n) * std::size_t(n));
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j)
            d[std::size_t(i) * std::size_t(n) + std::size_t(j)] = m.at(i, j);
    auto D = [&d, n](int i, int j) -> double& { return d[std::size_t(i) * std::size_t(n) + std::size_t(j)]; };

    std::vector<int> size(std::size_t(n), 1);
    std::vector<bool> active(std::size_t(n), true);
    std::vector<int> node(static_cast<std::size_t>(n)); // the tree node a slot currently stands for
    std::iota(node.begin(), node.end(), 0);
    std::vector<std::pair<int, int>> children; // internal node n + k -> its two children
    children.reserve(std::size_t(n - 1));

    std::vector<int> chain;
    int remaining = n;
    while (remaining > 1) {
        if (chain.empty())
            for (int i = 0; i < n; ++i)
                if (active[std::size_t(i)]) {
                    chain.push_back(i);
                    break;
                }
        const int a = chain.back();
        int best = chain.size() >= 2 ? chain[chain.size() - 2] : -1;
        double bestD = best >= 0 ? D(a, best) : std::numeric_limits<double>::infinity();
        for (int k = 0; k < n; ++k)
            if (k != a && active[std::size_t(k)] && D(a, k) < bestD) {
                bestD = D(a, k);
                best = k;
            }
        if (chain.size() >= 2 && best == chain[chain.size() - 2]) {
            chain.pop_back();
            chain.pop_back();
            // Merge b into a (Lance-Williams update for average linkage).
            const int b = best;
            const double na = size[std::size_t(a)];
            const double nb = size[std::size_t(b)];
            for (int k = 0; k < n; ++k)
                if (active[std::size_t(k)] && k != a && k != b) {
                    const double v = (na * D(a, k) + nb * D(b, k)) / (na + nb);
                    D(a, k) = v;
                    D(k, a) = v;
                }
            active[std::size_t(b)] = false;
            size[std::size_t(a)] += size[std::size_t(b)];
            children.push_back({node[std::size_t(a)], node[std::size_t(b)]});
            node[std::size_t(a)] = n + int(children.size()) - 1;
            --remaining;
        } else {
            chain.push_back(best);
        }
    }
    // Leaves in dendrogram order (iterative depth-first walk from the root).
    std::vector<int> order;
    order.reserve(std::size_t(n));
    std::vector<int> stack{n + int(children.size()) - 1};
    while (!stack.empty()) {
        const int v = stack.back();
        stack.pop_back();
        if (v < n) {
            order.push_back(v);
            continue;
        }
        const auto [l, r] = children[std::size_t(v - n)];
        stack.push_back(r);
        stack.push_back(l);
    }
    return order;
}

} // namespace nofade

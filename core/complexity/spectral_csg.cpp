#include "complexity/spectral_csg.h"

#include <algorithm>
#include <cmath>
#include <Eigen/Dense>
#include <nanoflann.hpp>

#include "complexity/pca_embedding.h"

namespace nofade {

namespace {

struct Candidate {
    std::uint32_t index;
    double distance; // squared
    bool operator<(const Candidate& o) const { return distance != o.distance ? distance < o.distance : index < o.index; }
};

// Row-major points for nanoflann.
struct PointCloud {
    const std::vector<double>& coords;
    std::size_t dims;
    std::size_t kdtree_get_point_count() const { return coords.size() / dims; }
    double kdtree_get_pt(std::uint32_t i, std::size_t d) const { return coords[std::size_t(i) * dims + d]; }
    template <class Box> bool kdtree_get_bbox(Box&) const { return false; }
};

using Tree = nanoflann::KDTreeSingleIndexAdaptor<nanoflann::L2_Simple_Adaptor<double, PointCloud, double, std::uint32_t>,
                                                 PointCloud, -1, std::uint32_t>;

double squaredDistance(const double* a, const double* b, std::size_t dims)
{
    double sum = 0.0;
    for (std::size_t d = 0; d < dims; ++d) {
        const double diff = a[d] - b[d];
        sum += diff * diff;
    }
    return sum;
}

// The k nearest other points of point p, by (distance, index).
std::vector<Candidate> neighboursBruteForce(const std::vector<double>& e, std::size_t dims, std::uint32_t p, int k)
{
    const std::size_t n = e.size() / dims;
    std::vector<Candidate> best;
    best.reserve(std::size_t(k) + 1);
    const double* x = e.data() + std::size_t(p) * dims;
    for (std::size_t q = 0; q < n; ++q) {
        if (q == p)
            continue;
        const Candidate c{std::uint32_t(q), squaredDistance(x, e.data() + q * dims, dims)};
        if (int(best.size()) == k && !(c < best.back()))
            continue;
        if (int(best.size()) == k)
            best.pop_back();
        best.insert(std::upper_bound(best.begin(), best.end(), c), c);
    }
    return best;
}

std::vector<Candidate> neighboursKdTree(const Tree& tree, const std::vector<double>& e, std::size_t dims,
                                        std::uint32_t p, int k)
{
    const std::size_t n = e.size() / dims;
    const double* x = e.data() + std::size_t(p) * dims;
    // A few more than needed, so that ties at the cut and duplicates of p are seen.
    const std::size_t want = std::min(n, std::size_t(k) + 5);
    std::vector<std::uint32_t> index(want);
    std::vector<double> dist(want);
    const std::size_t found = tree.knnSearch(x, want, index.data(), dist.data());
    std::vector<Candidate> list;
    for (std::size_t i = 0; i < found; ++i)
        if (index[i] != p)
            list.push_back({index[i], squaredDistance(x, e.data() + std::size_t(index[i]) * dims, dims)});
    std::sort(list.begin(), list.end());
    const bool full = found == want && want < n;
    if (full && int(list.size()) >= k && list[std::size_t(k) - 1].distance >= list.back().distance) {
        // Points as far as the k-th may lie beyond the list: take every point within that distance.
        std::vector<std::pair<std::uint32_t, double>> within;
        tree.radiusSearch(x, std::nextafter(list[std::size_t(k) - 1].distance, INFINITY), within, nanoflann::SearchParams(32, 0.0f, false));
        list.clear();
        for (const auto& [q, dq] : within)
            if (q != p)
                list.push_back({q, squaredDistance(x, e.data() + std::size_t(q) * dims, dims)});
        std::sort(list.begin(), list.end());
    }
    if (int(list.size()) > k)
        list.resize(std::size_t(k));
    return list;
}

} // namespace

MeasureResult cumulativeSpectralGradient(const VectorSet& set, const ParallelRun& run, const CsgOptions& options,
                                         CsgDetail* detail)
{
    MeasureResult r;
    const int classCount = set.classes.empty() ? 0 : *std::max_element(set.classes.begin(), set.classes.end()) + 1;
    if (classCount < 2) {
        r.reason = QStringLiteral("needs at least 2 classes in the sample");
        return r;
    }
    const int k = options.k;
    if (int(set.size()) < k + 1) {
        r.reason = QStringLiteral("needs at least %1 images in the sample").arg(k + 1);
        return r;
    }
    const std::size_t n = set.size();
    const std::size_t dims = std::size_t(options.components);
    const std::vector<double> e = pcaEmbedding(set.vectors, options.components, run, options.scatterPca);
    if (run.feedback && run.feedback->isCancelled()) {
        r.reason = QStringLiteral("cancelled");
        return r;
    }

    // Step 1: each point's contribution (class counts of its k neighbours / k, over the
    // Parzen-window volume), added to its class's row in point order afterwards.
    const PointCloud cloud{e, dims};
    std::unique_ptr<Tree> tree;
    if (options.kdTree) {
        tree = std::make_unique<Tree>(int(dims), cloud, nanoflann::KDTreeSingleIndexAdaptorParams(10));
        tree->buildIndex();
    }
    std::vector<std::vector<Candidate>> neighbours(n);
    parallelFor((n + 255) / 256, run, [&](std::size_t block, int) {
        for (std::size_t p = block * 256; p < std::min(n, block * 256 + 256); ++p)
            neighbours[p] = tree ? neighboursKdTree(*tree, e, dims, std::uint32_t(p), k)
                                 : neighboursBruteForce(e, dims, std::uint32_t(p), k);
    });
    if (run.feedback && run.feedback->isCancelled()) {
        r.reason = QStringLiteral("cancelled");
        return r;
    }
    const std::size_t K = std::size_t(classCount);
    std::vector<double> s(K * K, 0.0);
    for (std::size_t p = 0; p < n; ++p) {
        const double* x = e.data() + p * dims;
        double volume = 1.0;
        for (std::size_t d = 0; d < dims; ++d) {
            double reach = 0.0;
            for (const Candidate& c : neighbours[p])
                reach = std::max(reach, std::abs(e[std::size_t(c.index) * dims + d] - x[d]));
            volume *= 2.0 * reach;
        }
        volume = std::max(1e-4, volume);
        const std::size_t row = std::size_t(set.classes[p]);
        for (const Candidate& c : neighbours[p])
            s[row * K + std::size_t(set.classes[c.index])] += (1.0 / double(k)) / volume;
    }
    // Step 2: rows to sum 1.
    for (std::size_t i = 0; i < K; ++i) {
        double total = 0.0;
        for (std::size_t j = 0; j < K; ++j)
            total += s[i * K + j];
        for (std::size_t j = 0; j < K; ++j)
            s[i * K + j] /= total;
    }
    // Steps 3-4: W = 1 - Bray-Curtis, L = D - W without W's diagonal.
    Eigen::MatrixXd laplacian = Eigen::MatrixXd::Zero(Eigen::Index(K), Eigen::Index(K));
    parallelFor(K, run, [&](std::size_t i, int) {
        double degree = 0.0;
        for (std::size_t j = 0; j < K; ++j) {
            if (j == i)
                continue;
            double differences = 0.0, sums = 0.0;
            for (std::size_t c = 0; c < K; ++c) {
                differences += std::abs(s[i * K + c] - s[j * K + c]);
                sums += std::abs(s[i * K + c] + s[j * K + c]);
            }
            const double w = 1.0 - differences / sums;
            laplacian(Eigen::Index(i), Eigen::Index(j)) = -w;
            degree += w;
        }
        laplacian(Eigen::Index(i), Eigen::Index(i)) = degree;
    });
    const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eigen(laplacian, Eigen::EigenvaluesOnly);
    const Eigen::VectorXd& lambda = eigen.eigenvalues();
    // Step 5: gradients scaled by the number of eigenvalues left, their running maximum summed.
    double csg = 0.0, runningMax = -INFINITY;
    for (std::size_t i = 0; i + 1 < K; ++i) {
        const double g = (lambda(Eigen::Index(i + 1)) - lambda(Eigen::Index(i))) / double(K - i);
        runningMax = std::max(runningMax, g);
        csg += runningMax;
    }
    if (detail) {
        detail->similarity = s;
        detail->eigenvalues.assign(lambda.data(), lambda.data() + lambda.size());
    }
    r.points = std::int64_t(n);
    r.value = csg;
    return r;
}

} // namespace nofade

#include "complexity/pca_embedding.h"

#include <algorithm>
#include <cmath>
#include <Eigen/Dense>

namespace nofade {

std::vector<double> pcaEmbedding(const std::vector<SmallVector>& vectors, int components, const ParallelRun& run)
{
    const Eigen::Index n = Eigen::Index(vectors.size());
    const Eigen::Index d = kSmallFeatures;
    std::vector<double> out;
    if (n == 0)
        return out;
    Eigen::MatrixXd x(n, d);
    for (Eigen::Index i = 0; i < n; ++i)
        for (Eigen::Index f = 0; f < d; ++f)
            x(i, f) = double(vectors[std::size_t(i)][std::size_t(f)]) / 255.0;
    x.rowwise() -= x.colwise().mean();
    const int k = std::min<int>(components, int(d));
    out.assign(std::size_t(n) * std::size_t(k), 0.0);
    if (n <= d) {
        // Fewer points than features: the same projections from the n x n Gram matrix X X^T =
        // U L U^T, as X v_j = u_j sqrt(l_j), at a fraction of the cost.
        const Eigen::MatrixXd gram = x * x.transpose();
        const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eigen(gram);
        for (int j = 0; j < k && j < n; ++j) {
            const double l = std::max(0.0, eigen.eigenvalues()(n - 1 - j));
            for (Eigen::Index i = 0; i < n; ++i)
                out[std::size_t(i) * std::size_t(k) + std::size_t(j)] = eigen.eigenvectors()(i, n - 1 - j) * std::sqrt(l);
        }
        return out;
    }
    // The scatter matrix X^T X, in column blocks over the workers (Eigen alone runs on one core).
    Eigen::MatrixXd scatter(d, d);
    constexpr Eigen::Index kBlock = 64;
    parallelFor(std::size_t(d / kBlock), run, [&](std::size_t b, int) {
        const Eigen::Index c0 = Eigen::Index(b) * kBlock;
        scatter.middleCols(c0, kBlock).noalias() = x.transpose() * x.middleCols(c0, kBlock);
    });
    if (run.feedback && run.feedback->isCancelled())
        return {};
    const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eigen(scatter);
    // Eigenvalues come ascending: the last k columns, largest first.
    Eigen::MatrixXd basis(d, k);
    for (int j = 0; j < k; ++j)
        basis.col(j) = eigen.eigenvectors().col(d - 1 - j);
    const Eigen::MatrixXd projected = x * basis;
    for (Eigen::Index i = 0; i < n; ++i)
        for (int j = 0; j < k; ++j)
            out[std::size_t(i) * std::size_t(k) + std::size_t(j)] = projected(i, j);
    return out;
}

} // namespace nofade

#include "complexity/pca_embedding.h"

#include <algorithm>
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
    // The scatter matrix X^T X, in column blocks over the workers (Eigen alone runs on one core).
    Eigen::MatrixXd scatter(d, d);
    constexpr Eigen::Index kBlock = 64;
    parallelFor(std::size_t(d / kBlock), run, [&](std::size_t b, int) {
        const Eigen::Index c0 = Eigen::Index(b) * kBlock;
        scatter.middleCols(c0, kBlock).noalias() = x.transpose() * x.middleCols(c0, kBlock);
    });
    if (run.feedback && run.feedback->isCancelled())
        return out;
    const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eigen(scatter);
    const int k = std::min<int>(components, int(d));
    // Eigenvalues come ascending: the last k columns, largest first.
    Eigen::MatrixXd basis(d, k);
    for (int j = 0; j < k; ++j)
        basis.col(j) = eigen.eigenvectors().col(d - 1 - j);
    const Eigen::MatrixXd projected = x * basis;
    out.resize(std::size_t(n) * std::size_t(k));
    for (Eigen::Index i = 0; i < n; ++i)
        for (int j = 0; j < k; ++j)
            out[std::size_t(i) * std::size_t(k) + std::size_t(j)] = projected(i, j);
    return out;
}

} // namespace nofade

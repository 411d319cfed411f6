#include "complexity/pca_embedding.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <immintrin.h>
#include <Eigen/Dense>

namespace nofade {

namespace {

constexpr std::size_t kTile = 4;

// Features as rows of 16-bit values (feature-major), padded to a multiple of 16 points.
std::vector<std::int16_t> featureMajor(const std::vector<SmallVector>& vectors, std::size_t stride)
{
    std::vector<std::int16_t> t(std::size_t(kSmallFeatures) * stride, 0);
    for (std::size_t i = 0; i < vectors.size(); ++i)
        for (std::size_t f = 0; f < std::size_t(kSmallFeatures); ++f)
            t[f * stride + i] = vectors[i][f];
    return t;
}

// A 4 x 4 tile of S = sum_i v_i v_i^T: madd sums pairs of products into 32-bit lanes, which are
// moved to 64 bits every 8192 points (a lane then holds at most 1024 x 255^2 < 2^31).
[[gnu::target("avx2")]] void tileAvx2(const std::int16_t* t, std::size_t stride, std::size_t f0, std::size_t g0,
                                      std::int64_t out[kTile][kTile])
{
    for (std::size_t a = 0; a < kTile; ++a)
        for (std::size_t b = 0; b < kTile; ++b)
            out[a][b] = 0;
    for (std::size_t c0 = 0; c0 < stride; c0 += 8192) {
        const std::size_t c1 = std::min(stride, c0 + 8192);
        __m256i acc[kTile][kTile];
        for (std::size_t a = 0; a < kTile; ++a)
            for (std::size_t b = 0; b < kTile; ++b)
                acc[a][b] = _mm256_setzero_si256();
        for (std::size_t i = c0; i < c1; i += 16) {
            __m256i x[kTile], y[kTile];
            for (std::size_t a = 0; a < kTile; ++a) {
                x[a] = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(t + (f0 + a) * stride + i));
                y[a] = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(t + (g0 + a) * stride + i));
            }
            for (std::size_t a = 0; a < kTile; ++a)
                for (std::size_t b = 0; b < kTile; ++b)
                    acc[a][b] = _mm256_add_epi32(acc[a][b], _mm256_madd_epi16(x[a], y[b]));
        }
        for (std::size_t a = 0; a < kTile; ++a)
            for (std::size_t b = 0; b < kTile; ++b) {
                alignas(32) std::int32_t lanes[8];
                _mm256_store_si256(reinterpret_cast<__m256i*>(lanes), acc[a][b]);
                for (std::int32_t v : lanes)
                    out[a][b] += v;
            }
    }
}

void tileScalar(const std::int16_t* t, std::size_t stride, std::size_t f0, std::size_t g0, std::int64_t out[kTile][kTile])
{
    for (std::size_t a = 0; a < kTile; ++a)
        for (std::size_t b = 0; b < kTile; ++b) {
            std::int64_t sum = 0;
            for (std::size_t i = 0; i < stride; ++i)
                sum += std::int64_t(t[(f0 + a) * stride + i]) * t[(g0 + b) * stride + i];
            out[a][b] = sum;
        }
}

// S = sum_i v_i v_i^T over the byte vectors, exactly (d x d, row-major; the lower triangle and
// the diagonal tiles are filled), in row blocks over the workers.
std::vector<std::int64_t> byteScatter(const std::vector<SmallVector>& vectors, const ParallelRun& run)
{
    const std::size_t d = kSmallFeatures;
    const std::size_t stride = (vectors.size() + 15) / 16 * 16;
    const std::vector<std::int16_t> t = featureMajor(vectors, stride);
    std::vector<std::int64_t> s(d * d, 0);
    const bool avx2 = __builtin_cpu_supports("avx2");
    parallelFor(d / kTile, run, [&](std::size_t fb, int) {
        const std::size_t f0 = (d / kTile - 1 - fb) * kTile; // the longest rows first
        for (std::size_t g0 = 0; g0 <= f0; g0 += kTile) {
            if (run.feedback && run.feedback->isCancelled())
                return;
            std::int64_t tile[kTile][kTile];
            if (avx2)
                tileAvx2(t.data(), stride, f0, g0, tile);
            else
                tileScalar(t.data(), stride, f0, g0, tile);
            for (std::size_t a = 0; a < kTile; ++a)
                for (std::size_t b = 0; b < kTile; ++b)
                    s[(f0 + a) * d + g0 + b] = tile[a][b];
        }
    });
    return s;
}

} // namespace

std::vector<double> pcaEmbedding(const std::vector<SmallVector>& vectors, int components, const ParallelRun& run,
                                 bool forceScatter)
{
    const Eigen::Index n = Eigen::Index(vectors.size());
    const Eigen::Index d = kSmallFeatures;
    std::vector<double> out;
    if (n == 0)
        return out;
    const int k = std::min<int>(components, int(d));
    out.assign(std::size_t(n) * std::size_t(k), 0.0);
    if (n <= d && !forceScatter) {
        Eigen::MatrixXd x(n, d);
        for (Eigen::Index i = 0; i < n; ++i)
            for (Eigen::Index f = 0; f < d; ++f)
                x(i, f) = double(vectors[std::size_t(i)][std::size_t(f)]) / 255.0;
        x.rowwise() -= x.colwise().mean();
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
    // The centred scatter matrix from exact integer sums of the bytes: n 255^2 C = n S - s s^T
    // with S = sum v v^T and s = sum v, all exact in 64-bit integers.
    const std::vector<std::int64_t> products = byteScatter(vectors, run);
    if (run.feedback && run.feedback->isCancelled())
        return {};
    std::vector<std::int64_t> sums(std::size_t(d), 0);
    for (const SmallVector& v : vectors)
        for (Eigen::Index f = 0; f < d; ++f)
            sums[std::size_t(f)] += v[std::size_t(f)];
    Eigen::MatrixXd scatter(d, d);
    const double scale = 1.0 / (double(n) * 255.0 * 255.0);
    for (Eigen::Index f = 0; f < d; ++f)
        for (Eigen::Index g = 0; g <= f; ++g) {
            const std::int64_t centred = std::int64_t(n) * products[std::size_t(f * d + g)] - sums[std::size_t(f)] * sums[std::size_t(g)];
            scatter(f, g) = scatter(g, f) = double(centred) * scale;
        }
    const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eigen(scatter);
    // Eigenvalues come ascending: the last k columns, largest first.
    Eigen::MatrixXd basis(d, k);
    for (int j = 0; j < k; ++j)
        basis.col(j) = eigen.eigenvectors().col(d - 1 - j);
    // Projections row by row from the bytes (no n x 1024 matrix of doubles).
    Eigen::RowVectorXd mean(d);
    for (Eigen::Index f = 0; f < d; ++f)
        mean(f) = double(sums[std::size_t(f)]) / double(n) / 255.0;
    parallelFor(std::size_t((n + 1023) / 1024), run, [&](std::size_t block, int) {
        Eigen::RowVectorXd row(d);
        for (Eigen::Index i = Eigen::Index(block) * 1024; i < std::min(n, Eigen::Index(block + 1) * 1024); ++i) {
            for (Eigen::Index f = 0; f < d; ++f)
                row(f) = double(vectors[std::size_t(i)][std::size_t(f)]) / 255.0 - mean(f);
            const Eigen::RowVectorXd e = row * basis;
            for (int j = 0; j < k; ++j)
                out[std::size_t(i) * std::size_t(k) + std::size_t(j)] = e(j);
        }
    });
    return out;
}

} // namespace nofade

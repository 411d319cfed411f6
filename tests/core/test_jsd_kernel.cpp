// The class-distance matrix's fast kernels (portable, and AVX2 + FMA where the CPU has it) against
// the definition written out here in the plainest way: p = c / N, m = (p + q) / 2, std::log2.
//
// Agreement is asked of the JS divergence (the distance squared, times 2): within 1e-12 of its
// value plus 1e-15. The floor is the rounding every per-bin formula carries, the reference
// included (a few ulp of log2 p, about 1e-15, times masses that sum to 1). As a distance this is
// 5e-13 relative plus 2.5e-16 / distance^2: under 1e-12 for distances above 0.023, looser below,
// where the square root magnifies the floor.
#include <cmath>
#include <random>
#include <QtTest>

#include "maths/jsd_matrix.h"

using namespace nofade;

namespace {

using Counts = std::vector<std::vector<std::uint64_t>>;

double referenceDivergence(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b)
{
    double na = 0.0, nb = 0.0;
    for (std::size_t k = 0; k < a.size(); ++k) {
        na += double(a[k]);
        nb += double(b[k]);
    }
    double js = 0.0;
    for (std::size_t k = 0; k < a.size(); ++k) {
        const double p = double(a[k]) / na;
        const double q = double(b[k]) / nb;
        const double m = (p + q) / 2.0;
        if (p > 0.0)
            js += p * std::log2(p / m);
        if (q > 0.0)
            js += q * std::log2(q / m);
    }
    return js; // KL(P||M) + KL(Q||M); the distance is sqrt(js / 2)
}

std::vector<JsdKernel> kernelsOnThisCpu()
{
    std::vector<JsdKernel> kernels{JsdKernel::Portable};
    if (jsdKernelAvailable(JsdKernel::Avx2Fma))
        kernels.push_back(JsdKernel::Avx2Fma);
    return kernels;
}

const char* nameOf(JsdKernel k)
{
    return k == JsdKernel::Avx2Fma ? "avx2-fma" : k == JsdKernel::Portable ? "portable" : "auto";
}

// Every pair of `counts` through `kernel` against the reference; the first failure, or empty.
QString compareWithReference(const Counts& counts, JsdKernel kernel, int threads, double* worstRelative = nullptr)
{
    const std::vector<JsdPair> pairs = pairwiseJensenShannon(counts, threads, kernel);
    if (pairs.size() != counts.size() * (counts.size() - 1) / 2)
        return QStringLiteral("%1 pairs for %2 classes").arg(pairs.size()).arg(counts.size());
    std::size_t k = 0;
    for (std::size_t i = 0; i < counts.size(); ++i)
        for (std::size_t j = i + 1; j < counts.size(); ++j, ++k) {
            if (pairs[k].a != int(i) || pairs[k].b != int(j))
                return QStringLiteral("pair %1 is (%2,%3), expected (%4,%5)").arg(k).arg(pairs[k].a).arg(pairs[k].b).arg(i).arg(j);
            const double expected = referenceDivergence(counts[i], counts[j]);
            const double got = 2.0 * pairs[k].distance * pairs[k].distance;
            const double error = std::abs(got - expected);
            if (worstRelative && expected > 1e-3)
                *worstRelative = std::max(*worstRelative, error / expected);
            if (!(error <= 1e-12 * expected + 1e-15))
                return QStringLiteral("%1 kernel, classes %2,%3: divergence %4, reference %5 (distance %6)")
                    .arg(QLatin1String(nameOf(kernel))).arg(i).arg(j).arg(got, 0, 'g', 17).arg(expected, 0, 'g', 17)
                    .arg(pairs[k].distance, 0, 'g', 17);
        }
    return {};
}

// A bell of `images` entropies around a random centre, binned; `gapEvery` > 0 empties every
// gapEvery-th bin inside it (moving its images to the next bin), so supports have holes.
std::vector<std::uint64_t> bellHistogram(std::mt19937& rng, std::size_t bins, std::uint64_t images, int gapEvery = 0)
{
    std::uniform_real_distribution<double> centre(0.0, double(bins));
    std::uniform_real_distribution<double> width(0.3, double(bins) / 6.0 + 0.3);
    std::normal_distribution<double> spread(centre(rng), width(rng));
    std::vector<std::uint64_t> h(bins, 0);
    for (std::uint64_t i = 0; i < images; ++i)
        ++h[std::size_t(std::clamp(spread(rng), 0.0, double(bins) - 0.5))];
    if (gapEvery > 0)
        for (std::size_t k = 0; k + 1 < bins; ++k)
            if (k % std::size_t(gapEvery) == 0) {
                h[k + 1] += h[k];
                h[k] = 0;
            }
    return h;
}

} // namespace

class JsdKernelTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void matchesTheDefinition_data()
    {
        QTest::addColumn<int>("classes");
        QTest::addColumn<int>("bins");
        QTest::addColumn<bool>("equalSizes");
        QTest::addColumn<int>("gapEvery");
        QTest::newRow("ImageNet-like: 64 bins, unequal sizes") << 53 << 64 << false << 0;
        QTest::newRow("64 bins, equal sizes (1300)") << 40 << 64 << true << 0;
        QTest::newRow("supports with gaps, unequal") << 37 << 64 << false << 3;
        QTest::newRow("supports with gaps, equal") << 29 << 64 << true << 2;
        QTest::newRow("63 bins (a partial last block)") << 21 << 63 << false << 0;
        QTest::newRow("10 bins") << 17 << 10 << false << 0;
        QTest::newRow("3 bins") << 9 << 3 << false << 0;
        QTest::newRow("1 bin (every pair identical)") << 5 << 1 << false << 0;
        QTest::newRow("two classes") << 2 << 64 << false << 0;
    }

    void matchesTheDefinition()
    {
        QFETCH(int, classes);
        QFETCH(int, bins);
        QFETCH(bool, equalSizes);
        QFETCH(int, gapEvery);
        std::mt19937 rng(std::uint32_t(classes * 1000 + bins));
        std::uniform_int_distribution<std::uint64_t> size(1, 5000);
        Counts counts;
        for (int c = 0; c < classes; ++c)
            counts.push_back(bellHistogram(rng, std::size_t(bins), equalSizes ? 1300 : size(rng), gapEvery));
        for (JsdKernel kernel : kernelsOnThisCpu()) {
            double worst = 0.0;
            const QString failure = compareWithReference(counts, kernel, 2, &worst);
            QVERIFY2(failure.isEmpty(), qPrintable(failure));
            qDebug("%s: worst relative error of the divergence (where above 1e-3): %.2g", nameOf(kernel), worst);
        }
    }

    void sameResultOnAnyNumberOfThreads()
    {
        std::mt19937 rng(5);
        std::uniform_int_distribution<std::uint64_t> size(100, 3000);
        Counts counts;
        for (int c = 0; c < 45; ++c) // not a multiple of the row block
            counts.push_back(bellHistogram(rng, 64, size(rng)));
        for (JsdKernel kernel : kernelsOnThisCpu()) {
            const std::vector<JsdPair> one = pairwiseJensenShannon(counts, 1, kernel);
            for (int threads : {2, 3, 7}) {
                const std::vector<JsdPair> many = pairwiseJensenShannon(counts, threads, kernel);
                QCOMPARE(many.size(), one.size());
                for (std::size_t k = 0; k < one.size(); ++k)
                    QVERIFY(many[k].a == one[k].a && many[k].b == one[k].b && many[k].distance == one[k].distance);
            }
        }
    }

    void singleBinClasses()
    {
        // All of a class's images in one bin: the same bin is distance 0, any other exactly 1
        // (m is half of each side's mass, log2 2 = 1).
        const Counts counts = {{0, 0, 5, 0, 0, 0}, {0, 0, 700, 0, 0, 0}, {9, 0, 0, 0, 0, 0}, {0, 0, 0, 0, 0, 1}};
        for (JsdKernel kernel : kernelsOnThisCpu()) {
            const std::vector<JsdPair> pairs = pairwiseJensenShannon(counts, 1, kernel);
            QCOMPARE(pairs[0].distance, 0.0); // (0,1)
            for (std::size_t k = 1; k < pairs.size(); ++k)
                QCOMPARE(pairs[k].distance, 1.0); // exactly: one-sided bins add the masses, 1 + 1
        }
    }

    void disjointSupportsAreOne()
    {
        // Masses that do not add to exactly 1 in floating point (sevenths, thirteenths) still give
        // a distance within an ulp or two of 1: one-sided bins contribute p + q, no log.
        const Counts counts = {{1, 2, 4, 0, 0, 0, 0, 0, 0}, {0, 0, 0, 3, 5, 5, 0, 0, 0}, {0, 0, 0, 0, 0, 0, 2, 2, 3},
                               {0, 0, 0, 0, 0, 0, 0, 0, 13}};
        for (JsdKernel kernel : kernelsOnThisCpu()) {
            const std::vector<JsdPair> pairs = pairwiseJensenShannon(counts, 1, kernel);
            for (const JsdPair& pair : pairs) {
                if (pair.a == 2 && pair.b == 3)
                    continue; // these two overlap in the last bin
                QVERIFY2(std::abs(pair.distance - 1.0) <= 4e-16, qPrintable(QString::number(pair.distance, 'g', 17)));
            }
            QVERIFY(compareWithReference(counts, kernel, 1).isEmpty());
        }
    }

    void identicalDistributionsAreExactlyZero()
    {
        // Equal counts, and proportional ones (different sizes, the same p): every bin has p == q.
        std::mt19937 rng(9);
        const std::vector<std::uint64_t> base = bellHistogram(rng, 64, 777, 4);
        std::vector<std::uint64_t> doubled = base, tripled = base;
        for (std::size_t k = 0; k < base.size(); ++k) {
            doubled[k] *= 2;
            tripled[k] *= 3;
        }
        const Counts counts = {base, bellHistogram(rng, 64, 500), doubled, base, tripled};
        for (JsdKernel kernel : kernelsOnThisCpu()) {
            const std::vector<JsdPair> pairs = pairwiseJensenShannon(counts, 2, kernel);
            for (const JsdPair& pair : pairs)
                if (pair.a != 1 && pair.b != 1)
                    QCOMPARE(pair.distance, 0.0);
                else
                    QVERIFY(pair.distance > 0.01);
        }
    }

    void nearlyIdenticalClasses()
    {
        // One image moved to the next bin: a tiny divergence, where cancellation inside each bin
        // is at its worst.
        std::mt19937 rng(13);
        Counts counts;
        const std::vector<std::uint64_t> base = bellHistogram(rng, 64, 1300);
        counts.push_back(base);
        for (std::size_t k = 0; k + 1 < base.size(); ++k)
            if (base[k] > 0) {
                std::vector<std::uint64_t> moved = base;
                --moved[k];
                ++moved[k + 1];
                counts.push_back(moved);
            }
        for (JsdKernel kernel : kernelsOnThisCpu()) {
            const QString failure = compareWithReference(counts, kernel, 2);
            QVERIFY2(failure.isEmpty(), qPrintable(failure));
        }
    }

    void badInputIsRefused()
    {
        const auto messageOf = [](const Counts& counts) {
            try {
                pairwiseJensenShannon(counts);
            } catch (const std::invalid_argument& e) {
                return QString::fromUtf8(e.what());
            }
            return QString();
        };
        QCOMPARE(messageOf({{1, 2, 3}, {4, 5, 6}, {1, 2}}), QStringLiteral("class histogram 2 has 2 bins, class histogram 0 has 3"));
        QCOMPARE(messageOf({{1, 2}, {0, 0}}), QStringLiteral("class histogram 1 is empty"));
        if (!jsdKernelAvailable(JsdKernel::Avx2Fma))
            QVERIFY_THROWS_EXCEPTION(std::invalid_argument, pairwiseJensenShannon({{1, 2}, {2, 1}}, 1, JsdKernel::Avx2Fma));
    }
};

QTEST_GUILESS_MAIN(JsdKernelTest)
#include "test_jsd_kernel.moc"

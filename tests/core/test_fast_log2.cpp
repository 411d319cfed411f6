// The class-distance kernel's log2 (four lanes, no libm) against glibc's std::log2, which is
// within an ulp of the true value: exact at powers of two, within 4 ulp everywhere else tried
// (the same atanh series as the scalar kernel the SIMD one replaced: its few roundings show most on results below 1 in
// size, whose ulp is small; in bits the worst error seen is about 2.2e-16).
// This file is compiled without AVX (the portable code); the AVX2 + FMA code of the same function
// is checked through the kernel's results in test_jsd_kernel.
#include <cmath>
#include <random>
#include <QtTest>

#include "maths/fast_log2.h"

using namespace nofade;

namespace {

double ulpOf(double x)
{
    x = std::abs(x);
    return std::nextafter(x, INFINITY) - x;
}

// Each of xs through log2Positive, L::width at a time (the tail padded with 1).
template <typename L>
std::vector<double> fastLog2(const std::vector<double>& xs)
{
    constexpr std::size_t w = L::width;
    std::vector<double> out;
    for (std::size_t i = 0; i < xs.size(); i += w) {
        typename L::Double v;
        for (std::size_t l = 0; l < w; ++l)
            v[l] = i + l < xs.size() ? xs[i + l] : 1.0;
        const typename L::Double r = log2Positive<L>(v);
        for (std::size_t l = 0; l < w && i + l < xs.size(); ++l)
            out.push_back(r[l]);
    }
    return out;
}

// Both widths give the same values (the same operations, lane by lane, without FMA here).
std::vector<double> fastLog2BothWidths(const std::vector<double>& xs)
{
    const std::vector<double> two = fastLog2<Lanes2>(xs), four = fastLog2<Lanes4>(xs);
    for (std::size_t i = 0; i < xs.size(); ++i)
        if (two[i] != four[i])
            qFatal("log2(%.17g): %.17g with two lanes, %.17g with four", xs[i], two[i], four[i]);
    return two;
}

} // namespace

class FastLog2Test : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void exactAtPowersOfTwo()
    {
        std::vector<double> xs;
        for (int k = -1022; k <= 1023; ++k)
            xs.push_back(std::ldexp(1.0, k));
        const std::vector<double> got = fastLog2BothWidths(xs);
        for (std::size_t i = 0; i < xs.size(); ++i)
            QCOMPARE(got[i], double(int(i) - 1022)); // exactly, log2(1) = 0 included
    }

    void minusFoldsIntoTheExponent()
    {
        // log2Positive(x, 1) is log2(x / 2): exact at powers of two, else as close to libm's
        // log2(x / 2) as log2Positive(x / 2) is.
        std::mt19937_64 rng(4);
        std::uniform_real_distribution<double> exponent(-64.0, 1.0);
        for (int i = 0; i < 10000; ++i) {
            const double x = i < 60 ? std::ldexp(1.0, -i) : std::exp2(exponent(rng));
            const double half = log2Positive<Lanes2>(Lanes2::Double{x, x}, 1.0)[0];
            if (i < 60)
                QCOMPARE(half, double(-i - 1));
            else
                QVERIFY2(std::abs(half - std::log2(x / 2)) <= 4 * ulpOf(std::log2(x / 2)), qPrintable(QString::number(x, 'g', 17)));
        }
    }

    void withinFourUlpOfLibm()
    {
        // Log-uniform over the probabilities and mixtures the kernel sees (2^-64 .. 2), plus the
        // edges of the mantissa fold (sqrt(1/2), sqrt(2)) and the neighbours of 1 in each binade.
        std::mt19937_64 rng(3);
        std::uniform_real_distribution<double> exponent(-64.0, 1.0);
        std::vector<double> xs;
        for (int i = 0; i < 400000; ++i)
            xs.push_back(std::exp2(exponent(rng)));
        for (int k = -64; k <= 1; ++k)
            for (double f : {std::sqrt(0.5), std::sqrt(2.0), 1.0, 1.5})
                for (double x = std::ldexp(f, k), step = 0; step < 4; ++step) {
                    xs.push_back(x);
                    xs.push_back(std::nextafter(x, 0.0));
                    x = std::nextafter(x, INFINITY);
                }
        const std::vector<double> got = fastLog2BothWidths(xs);
        double worst = 0.0, worstBits = 0.0;
        for (std::size_t i = 0; i < xs.size(); ++i) {
            const double expected = std::log2(xs[i]);
            const double ulps = expected == 0.0 ? (got[i] == 0.0 ? 0.0 : INFINITY) : std::abs(got[i] - expected) / ulpOf(expected);
            worst = std::max(worst, ulps);
            worstBits = std::max(worstBits, std::abs(got[i] - expected));
            if (!(ulps <= 4.0))
                QFAIL(qPrintable(QStringLiteral("log2(%1) = %2, libm %3").arg(xs[i], 0, 'g', 17).arg(got[i], 0, 'g', 17).arg(expected, 0, 'g', 17)));
        }
        qDebug("worst error: %.2f ulp, %.3g in bits", worst, worstBits);
    }

    void zeroGivesAFiniteValue()
    {
        // Lanes where both classes are empty are masked out after the log; they must not be NaN.
        const Lanes4::Double r = log2Positive<Lanes4>(Lanes4::Double{0.0, 1.0, 0.0, 0.25});
        QVERIFY(std::isfinite(r[0]) && std::isfinite(r[2]));
        QCOMPARE(r[1], 0.0);
        QCOMPARE(r[3], -2.0);
    }
};

QTEST_GUILESS_MAIN(FastLog2Test)
#include "test_fast_log2.moc"

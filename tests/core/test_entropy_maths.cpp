// Image entropy, entropy histograms and mergeable moments against analytic values.
#include <cmath>
#include <random>
#include <QtTest>

#include "maths/entropy.h"
#include "maths/entropy_histogram.h"
#include "maths/moments.h"
#include "maths/rank_correlation.h"

using namespace nofade;

class EntropyMathsTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Golden values: scipy.stats.spearmanr(x, y).statistic, Debian's python3-scipy.
    void spearmanMatchesScipyWithTies()
    {
        const struct {
            std::vector<double> x, y;
            double rho;
        } cases[] = {
            {{1, 2, 3, 4, 5}, {5, 6, 7, 8, 7}, 0.8207826816681233},
            {{3.1, 0.5, 2.2, 2.2, 4.0, 1.0}, {10, 20, 20, 30, 50, 5}, 0.45588235294117646},
            {{0.8, 0.3, 0.5, 0.9}, {92.1, 99.6, 98.0, 80.2}, -1.0},
            {{1, 1, 2, 2, 3}, {2, 1, 2, 1, 3}, 0.5555555555555556},
        };
        for (const auto& c : cases) {
            const auto rho = spearmanRho(c.x, c.y);
            QVERIFY(rho.has_value());
            QVERIFY2(std::abs(*rho - c.rho) < 1e-12, qPrintable(QString::number(*rho, 'g', 17)));
        }
        QCOMPARE(averageRanks({3.1, 0.5, 2.2, 2.2, 4.0, 1.0}), (std::vector<double>{5, 1, 3.5, 3.5, 6, 2}));
    }

    void spearmanSaysWhyThereIsNone()
    {
        QString why;
        QVERIFY(!spearmanRho({1, 2}, {3, 4}, &why));
        QVERIFY(why.contains(QLatin1String("at least 3")));
        QVERIFY(!spearmanRho({1, 1, 1}, {3, 4, 5}, &why));
        QVERIFY(why.contains(QLatin1String("same value")));
        QVERIFY(!spearmanRho({1, 2, NAN}, {3, 4, 5}, &why));
    }

    void constantImageHasZeroEntropy()
    {
        IntensityHistogram h{};
        h[137] = 1000;
        QCOMPARE(shannonEntropyBits(h), 0.0);
    }

    void twoEqualLevelsGiveOneBit()
    {
        IntensityHistogram h{};
        h[0] = 500;
        h[255] = 500;
        QCOMPARE(shannonEntropyBits(h), 1.0);
    }

    void allLevelsEquallyOftenGiveEightBits()
    {
        IntensityHistogram h{};
        h.fill(7);
        QVERIFY(std::abs(shannonEntropyBits(h) - 8.0) < 1e-12);
    }

    void unevenLevelsByHand()
    {
        // p = (1/2, 1/4, 1/4): H = 1/2*1 + 2 * 1/4*2 = 1.5 bits.
        IntensityHistogram h{};
        h[10] = 2;
        h[20] = 1;
        h[30] = 1;
        QVERIFY(std::abs(shannonEntropyBits(h) - 1.5) < 1e-15);
        // p = (0.9, 0.1): H = -(0.9 log2 0.9 + 0.1 log2 0.1) = 0.4689955935892812.
        IntensityHistogram g{};
        g[0] = 9;
        g[1] = 1;
        QVERIFY(std::abs(shannonEntropyBits(g) - 0.4689955935892812) < 1e-15);
    }

    void noPixelsIsNotZero()
    {
        IntensityHistogram h{};
        QVERIFY(shannonEntropyBits(h) < 0.0); // callers turn this into a failure
    }

    void binsFollowNumpyConvention()
    {
        QCOMPARE(EntropyHistogram::binOf(0.0, 64), 0);
        QCOMPARE(EntropyHistogram::binOf(0.124999, 64), 0);
        QCOMPARE(EntropyHistogram::binOf(0.125, 64), 1);
        QCOMPARE(EntropyHistogram::binOf(1.0, 64), 8);
        QCOMPARE(EntropyHistogram::binOf(7.99, 64), 63);
        QCOMPARE(EntropyHistogram::binOf(8.0, 64), 63); // the last bin is closed
        QCOMPARE(EntropyHistogram::binOf(3.0, 1024), 384);
    }

    void quantilesResolvedWithinABin()
    {
        EntropyHistogram h(8); // 1-bit bins
        for (double v : {0.5, 1.5, 2.5, 3.5, 4.5})
            h.add(v);
        // Five images, one per bin: the median (rank 2) is the centre of bin 2.
        QVERIFY(std::abs(h.quantile(0.5) - 2.5) < 1e-12);
        QVERIFY(std::abs(h.quantile(0.0) - 0.5) < 1e-12);
        QVERIFY(std::abs(h.quantile(1.0) - 4.5) < 1e-12);
        QVERIFY(std::isnan(EntropyHistogram(8).quantile(0.5)));
    }

    void momentsMatchDirectComputation()
    {
        const std::vector<double> values = {1.0, 2.0, 4.0, 7.5};
        Moments m;
        for (double v : values)
            m.add(v);
        // mean = 14.5 / 4 = 3.625; population variance = (1+4+16+56.25)/4 - 3.625^2 = 19.3125 - 13.140625
        QVERIFY(std::abs(m.mean() - 3.625) < 1e-12);
        QVERIFY(std::abs(m.stdDev() - std::sqrt(6.171875)) < 1e-12);
        QCOMPARE(m.min(), 1.0);
        QCOMPARE(m.max(), 7.5);
        QVERIFY(std::isnan(Moments{}.mean()));
    }

    void momentsMergeExactlyInAnyOrder()
    {
        std::mt19937 rng(7);
        std::uniform_real_distribution<double> u(0.0, 8.0);
        std::vector<double> values(10000);
        for (double& v : values)
            v = u(rng);
        Moments whole;
        for (double v : values)
            whole.add(v);
        Moments a, b, c;
        for (std::size_t i = 0; i < values.size(); ++i)
            (i % 3 == 0 ? a : i % 3 == 1 ? b : c).add(values[values.size() - 1 - i]);
        Moments merged = c;
        merged.merge(a);
        merged.merge(b);
        QVERIFY(merged == whole); // bit for bit, not approximately
        QCOMPARE(merged.mean(), whole.mean());
        QCOMPARE(merged.stdDev(), whole.stdDev());
    }

    void momentsSurviveTheirTextForm()
    {
        Moments m;
        for (int i = 0; i < 100000; ++i)
            m.add(7.999 - i * 1e-5);
        const auto back = Moments::fromRaw(m.count(), m.sumText(), m.sumOfSquaresText(), m.min(), m.max());
        QVERIFY(back.has_value());
        QVERIFY(*back == m);
        QVERIFY(!Moments::fromRaw(1, QStringLiteral("12x"), QStringLiteral("1"), 0, 1));
        QVERIFY(!Moments::fromRaw(-1, QStringLiteral("1"), QStringLiteral("1"), 0, 1));
    }
};

QTEST_GUILESS_MAIN(EntropyMathsTest)
#include "test_entropy_maths.moc"

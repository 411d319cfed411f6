// The pairwise matrix (integer fast path for equal class sizes, log path otherwise) gives the
// same distances as the single-pair definition, which is checked against scipy elsewhere.
#include <random>
#include <QtTest>

#include "maths/jsd_matrix.h"

using namespace nofade;

namespace {

std::vector<double> asDouble(const std::vector<std::uint64_t>& c)
{
    return std::vector<double>(c.begin(), c.end());
}

} // namespace

class JsdMatrixTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void matchesTheSinglePairDefinition_data()
    {
        QTest::addColumn<bool>("equalTotals");
        QTest::newRow("equal class sizes (integer path)") << true;
        QTest::newRow("unequal class sizes (log path)") << false;
    }

    void matchesTheSinglePairDefinition()
    {
        QFETCH(bool, equalTotals);
        std::mt19937 rng(equalTotals ? 11 : 12);
        std::vector<std::vector<std::uint64_t>> counts;
        for (int c = 0; c < 40; ++c) {
            std::vector<std::uint64_t> h(64, 0);
            std::normal_distribution<double> bin(8.0 + c, 3.0 + c % 5);
            const int images = equalTotals ? 500 : 100 + 37 * c;
            for (int i = 0; i < images; ++i)
                ++h[std::size_t(std::clamp(int(bin(rng)), 0, 63))];
            counts.push_back(h);
        }
        counts.push_back(counts[3]); // an identical pair
        const std::vector<JsdPair> pairs = pairwiseJensenShannon(counts, 2);
        QCOMPARE(pairs.size(), counts.size() * (counts.size() - 1) / 2);
        std::size_t k = 0;
        for (std::size_t i = 0; i < counts.size(); ++i)
            for (std::size_t j = i + 1; j < counts.size(); ++j, ++k) {
                QCOMPARE(pairs[k].a, int(i));
                QCOMPARE(pairs[k].b, int(j));
                const double expected = jensenShannonDistance(asDouble(counts[i]), asDouble(counts[j]));
                if (std::abs(pairs[k].distance - expected) > 1e-13)
                    QFAIL(qPrintable(QStringLiteral("pair %1,%2: %3 vs %4").arg(i).arg(j).arg(pairs[k].distance, 0, 'g', 17).arg(expected, 0, 'g', 17)));
            }
        const auto same = std::find_if(pairs.begin(), pairs.end(), [&](const JsdPair& p) {
            return p.a == 3 && p.b == int(counts.size() - 1);
        });
        QVERIFY(same != pairs.end());
        QCOMPARE(same->distance, 0.0); // exactly, not approximately
    }

    void disjointAndEdgeCases()
    {
        const std::vector<std::vector<std::uint64_t>> counts = {{5, 5, 0, 0}, {0, 0, 3, 7}, {0, 0, 6, 14}, {1, 0, 0, 0}};
        const std::vector<JsdPair> pairs = pairwiseJensenShannon(counts, 1);
        QCOMPARE(pairs[0].distance, 1.0); // disjoint supports
        QCOMPARE(pairs[3].distance, 0.0); // {0,0,3,7} vs {0,0,6,14}: the same distribution
        QVERIFY(pairwiseJensenShannon({{1, 2}}).empty());
    }

    void gaussianMatrixMatchesSinglePairs()
    {
        const std::vector<NormalParameters> normals = {{3.0, 0.5}, {3.5, 0.7}, {6.0, 0.2}, {3.0, 0.5}};
        const std::vector<JsdPair> pairs = pairwiseGaussianJensenShannon(normals, 1e-3, 2);
        QCOMPARE(pairs.size(), std::size_t(6));
        QCOMPARE(pairs[1].distance, gaussianJensenShannonDistance(3.0, 0.5, 6.0, 0.2));
        QVERIFY(pairs[2].distance < 1e-9); // (0,3): identical normals
    }
};

QTEST_GUILESS_MAIN(JsdMatrixTest)
#include "test_jsd_matrix.moc"

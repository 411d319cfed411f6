// Jensen-Shannon distance (base 2) and C_JS against analytic values and scipy.
#include <cmath>
#include <QJsonArray>
#include <QtTest>

#include "maths/jensen_shannon.h"
#include "test_support.h"

using namespace nofade;

class JensenShannonTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void identicalDistributionsAreZero()
    {
        const std::vector<double> p = {0.1, 0.2, 0.3, 0.4};
        QCOMPARE(jensenShannonDistance(p, p), 0.0);
    }

    void disjointSupportsAreOne()
    {
        const std::vector<double> p = {0.5, 0.5, 0.0, 0.0};
        const std::vector<double> q = {0.0, 0.0, 0.25, 0.75};
        QVERIFY(std::abs(jensenShannonDistance(p, q) - 1.0) < 1e-15);
    }

    void handComputedPair()
    {
        // P = (1, 0), Q = (1/2, 1/2), M = (3/4, 1/4).
        // KL(P||M) = log2(4/3) = 0.41503749927884376
        // KL(Q||M) = 1/2 log2(2/3) + 1/2 log2(2) = 0.20751874963942185
        // JSD = sqrt((0.41503749927884376 + 0.20751874963942185) / 2) = 0.5579230452841438
        const std::vector<double> p = {1.0, 0.0};
        const std::vector<double> q = {0.5, 0.5};
        QVERIFY(std::abs(jensenShannonDistance(p, q) - 0.5579230452841438) < 1e-15);
    }

    void breakdownShowsTheHandComputedParts()
    {
        // The same pair as counts: normalised, then the parts of the hand computation above.
        const std::vector<double> p = {7.0, 0.0};
        const std::vector<double> q = {3.0, 3.0};
        const JsBreakdown b = jensenShannonBreakdown(p, q);
        QCOMPARE(b.p, (std::vector<double>{1.0, 0.0}));
        QCOMPARE(b.q, (std::vector<double>{0.5, 0.5}));
        QCOMPARE(b.m, (std::vector<double>{0.75, 0.25}));
        QVERIFY(std::abs(b.klPM - 0.41503749927884376) < 1e-15);
        QVERIFY(std::abs(b.klQM - 0.20751874963942185) < 1e-15);
        QVERIFY(std::abs(b.distance - 0.5579230452841438) < 1e-15);
    }

    void unnormalisedCountsAreNormalised()
    {
        const std::vector<double> p = {2.0, 0.0};
        const std::vector<double> q = {7.0, 7.0};
        QVERIFY(std::abs(jensenShannonDistance(p, q) - 0.5579230452841438) < 1e-15);
    }

    void badInputIsRefused()
    {
        const std::vector<double> p = {1.0, 0.0};
        const std::vector<double> q = {1.0};
        const std::vector<double> zero = {0.0, 0.0};
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, jensenShannonDistance(p, q));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, jensenShannonDistance(p, zero));
    }

    void randomDistributionsMatchScipy()
    {
        QString error;
        const QJsonObject ref = test::runReference(QStringLiteral("reference_jsd.py"), {}, &error);
        QVERIFY2(!ref.isEmpty(), qPrintable(error));
        const QJsonArray cases = ref[QStringLiteral("histogram_cases")].toArray();
        QVERIFY(cases.size() >= 50);
        for (const QJsonValue& v : cases) {
            const QJsonObject c = v.toObject();
            std::vector<double> p, q;
            for (const QJsonValue& x : c[QStringLiteral("p")].toArray())
                p.push_back(x.toDouble());
            for (const QJsonValue& x : c[QStringLiteral("q")].toArray())
                q.push_back(x.toDouble());
            QVERIFY(std::abs(jensenShannonDistance(p, q) - c[QStringLiteral("distance")].toDouble()) < 1e-12);
        }
    }

    void gaussianModelMatchesScipyQuadrature()
    {
        QString error;
        const QJsonObject ref = test::runReference(QStringLiteral("reference_jsd.py"), {}, &error);
        QVERIFY2(!ref.isEmpty(), qPrintable(error));
        for (const QJsonValue& v : ref[QStringLiteral("gaussian_cases")].toArray()) {
            const QJsonObject c = v.toObject();
            const double d = gaussianJensenShannonDistance(c[QStringLiteral("mu1")].toDouble(), c[QStringLiteral("s1")].toDouble(),
                                                           c[QStringLiteral("mu2")].toDouble(), c[QStringLiteral("s2")].toDouble());
            const double expected = c[QStringLiteral("distance")].toDouble();
            if (std::abs(d - expected) > 1e-6)
                QFAIL(qPrintable(QStringLiteral("N(%1,%2) vs N(%3,%4): %5, scipy %6")
                                     .arg(c[QStringLiteral("mu1")].toDouble()).arg(c[QStringLiteral("s1")].toDouble())
                                     .arg(c[QStringLiteral("mu2")].toDouble()).arg(c[QStringLiteral("s2")].toDouble())
                                     .arg(d, 0, 'g', 12).arg(expected, 0, 'g', 12)));
        }
    }

    void gaussianLimits()
    {
        QVERIFY(gaussianJensenShannonDistance(4.0, 0.5, 4.0, 0.5) < 1e-9);
        QVERIFY(std::abs(gaussianJensenShannonDistance(1.0, 0.01, 7.0, 0.01) - 1.0) < 1e-9);
        // A zero sigma is floored at 1e-3 bits rather than dividing by zero.
        const double d = gaussianJensenShannonDistance(3.0, 0.0, 3.0, 0.0);
        QVERIFY(std::isfinite(d) && d < 1e-9);
    }

    void complexityIsLnOfTheSum()
    {
        const JsdSummary s = summariseJsd({{0, 1, 0.5}, {0, 2, 1.0}, {1, 2, 1.5}}, 3);
        QCOMPARE(s.sum, 3.0);
        QVERIFY(s.complexity.has_value());
        QVERIFY(std::abs(*s.complexity - std::log(3.0)) < 1e-15);
    }

    void complexityAbsentWithAReason()
    {
        const JsdSummary one = summariseJsd({}, 1);
        QVERIFY(!one.complexity.has_value());
        QVERIFY(one.reason.contains(QLatin1String("fewer than two")));
        const JsdSummary same = summariseJsd({{0, 1, 0.0}}, 2);
        QVERIFY(!same.complexity.has_value());
        QVERIFY(same.reason.contains(QLatin1String("identical")));
    }
};

QTEST_GUILESS_MAIN(JensenShannonTest)
#include "test_jensen_shannon.moc"

// Pareto fronts on crafted sets, marginal cost, and the diminishing-returns fits: parameters
// recovered from synthetic data, the knee from its closed form, and scipy's fit of noisy data
// (tests/golden/models_fit.py) matched.
#include <cmath>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

#include "models/pareto.h"
#include "models/saturation_fit.h"

using namespace nofade;

namespace {

std::vector<bool> front(const std::vector<CostScore>& points)
{
    return paretoFront(points);
}

// y = y_max - (y_max - y_0) exp(-k (x - x_min)) at n points spread over [x0, x0 + span].
void synthetic(double yMax, double y0, double k, double x0, double span, int n, std::vector<double>& x,
               std::vector<double>& y, double noise = 0.0)
{
    x.clear();
    y.clear();
    for (int i = 0; i < n; ++i) {
        const double xi = x0 + span * i / (n - 1);
        // deterministic "noise": a fixed pseudo-random pattern in [-noise, noise]
        const double wobble = noise * std::sin(12.9898 * (i + 1)) ;
        x.push_back(xi);
        y.push_back(yMax - (yMax - y0) * std::exp(-k * (xi - x0)) + wobble);
    }
}

bool within(double value, double expected, double relative)
{
    return std::abs(value - expected) <= relative * std::abs(expected);
}

} // namespace

class ParetoFitTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void paretoOnCraftedSets()
    {
        // A(1, 70) B(2, 80) C(3, 75: dominated by B) D(4, 85) E(2, 78: same cost as B, lower score)
        // F(5, 85: same score as D, more CO2) G(0.5, 60) H(4, 85: identical to D)
        const std::vector<CostScore> p{{1, 70}, {2, 80}, {3, 75}, {4, 85}, {2, 78}, {5, 85}, {0.5, 60}, {4, 85}};
        const std::vector<bool> f = front(p);
        const std::vector<bool> expected{true, true, false, true, false, false, true, true};
        QCOMPARE(f, expected);
        QCOMPARE(front({}), std::vector<bool>{});
        QCOMPARE(front({{3, 50}}), std::vector<bool>{true});
        // Strictly increasing in both: all on the front; decreasing score with cost: only the first.
        QCOMPARE(front({{1, 1}, {2, 2}, {3, 3}}), (std::vector<bool>{true, true, true}));
        QCOMPARE(front({{1, 3}, {2, 2}, {3, 1}}), (std::vector<bool>{true, false, false}));
    }

    void marginalCostAgainstThePreviousParetoModel()
    {
        // front by cost: G(0.5,60) A(1,70) B(2,80) D(4,85)
        const std::vector<CostScore> p{{1, 70}, {2, 80}, {3, 75}, {4, 85}, {0.5, 60}, {3.5, 83}};
        const std::vector<bool> f = paretoFront(p);
        const std::vector<QString> names{"A", "B", "C", "D", "G", "K"};
        const std::vector<Marginal> m = marginalCosts(p, f, names);
        // A vs G: (1 - 0.5) / (70 - 60) = 0.05 kg per point
        QCOMPARE(*m[0].costPerPoint, 0.05);
        QCOMPARE(m[0].previous, 4);
        // B vs A: (2 - 1) / (80 - 70) = 0.1
        QCOMPARE(*m[1].costPerPoint, 0.1);
        // C (dominated) vs B: score 75 < 80, no gain
        QVERIFY(!m[2].costPerPoint);
        QCOMPARE(m[2].reason, QStringLiteral("no score gain over the previous Pareto model \"B\""));
        // K(3.5, 83) is on the front: vs B: (3.5 - 2) / (83 - 80) = 0.5
        QVERIFY(f[5]);
        QCOMPARE(*m[5].costPerPoint, 0.5);
        // D vs K: (4 - 3.5) / (85 - 83) = 0.25
        QCOMPARE(*m[3].costPerPoint, 0.25);
        // G is the cheapest on the front
        QVERIFY(!m[4].costPerPoint);
        QCOMPARE(m[4].reason, QStringLiteral("the cheapest model on the Pareto front"));
    }

    void logFitIsExactOnALine()
    {
        // y = 60 + 5 x exactly
        const std::vector<double> x{0, 1, 2, 3, 4}, y{60, 65, 70, 75, 80};
        const auto fit = fitLogarithmic(x, y);
        QVERIFY(fit);
        QVERIFY(std::abs(fit->a - 60) < 1e-12 && std::abs(fit->b - 5) < 1e-12);
        QVERIFY(std::abs(fit->r2 - 1) < 1e-12);
        // x = 0,1,2,3 y = 1,3,2,4: mean x 1.5, mean y 2.5; dx = -1.5,-0.5,0.5,1.5, dy = -1.5,0.5,-0.5,1.5
        // Sxy = 2.25 - 0.25 - 0.25 + 2.25 = 4, Sxx = 5: b = 0.8, a = 2.5 - 0.8 x 1.5 = 1.3
        // fitted 1.3 2.1 2.9 3.7; SSres = 0.09 + 0.81 + 0.81 + 0.09 = 1.8; SStot = 5: R2 = 1 - 0.36 = 0.64
        const auto noisy = fitLogarithmic({0, 1, 2, 3}, {1, 3, 2, 4});
        QVERIFY(std::abs(noisy->b - 0.8) < 1e-12 && std::abs(noisy->a - 1.3) < 1e-12);
        QVERIFY(std::abs(noisy->r2 - 0.64) < 1e-12);
    }

    void saturationParametersAreRecovered_data()
    {
        QTest::addColumn<double>("yMax");
        QTest::addColumn<double>("y0");
        QTest::addColumn<double>("k");
        QTest::addColumn<double>("x0");
        QTest::addColumn<double>("span");
        QTest::addColumn<int>("n");
        QTest::newRow("ImageNet-like") << 87.0 << 70.0 << 1.3 << 1.0 << 4.0 << 12;
        QTest::newRow("slow rise") << 45.0 << 20.0 << 0.4 << -1.0 << 6.0 << 8;
        QTest::newRow("fast rise, 4 points") << 80.0 << 40.0 << 2.5 << 2.0 << 2.0 << 4;
    }

    void saturationParametersAreRecovered()
    {
        QFETCH(double, yMax);
        QFETCH(double, y0);
        QFETCH(double, k);
        QFETCH(double, x0);
        QFETCH(double, span);
        QFETCH(int, n);
        std::vector<double> x, y;
        synthetic(yMax, y0, k, x0, span, n, x, y);
        const DiminishingReturns r = fitDiminishingReturns(x, y, 1.0, 100.0);
        QVERIFY2(r.saturation, qPrintable(r.saturationReason));
        QVERIFY2(within(r.saturation->yMax, yMax, 0.01), qPrintable(QString::number(r.saturation->yMax)));
        QVERIFY2(within(r.saturation->y0, y0, 0.01), qPrintable(QString::number(r.saturation->y0)));
        QVERIFY2(within(r.saturation->k, k, 0.01), qPrintable(QString::number(r.saturation->k)));
        QVERIFY(r.saturation->r2 > 0.9999);
        // headroom = y_max - best observed score
        QVERIFY(std::abs(r.saturation->headroom - (r.saturation->yMax - *std::max_element(y.begin(), y.end()))) < 1e-12);
    }

    void kneeFromItsClosedForm()
    {
        // dy/dx = k (y_max - y_0) exp(-k (x - x_min)) = T  =>  x = x_min + ln(k (y_max - y_0) / T) / k
        // y_max 87, y_0 70, k 1.3, x_min 1, T 1: 1 + ln(1.3 x 17) / 1.3 = 1 + ln(22.1) / 1.3 = 1 + 3.095578 / 1.3 = 3.381214
        const auto knee = saturationKnee(87, 70, 1.3, 1, 1);
        QVERIFY(std::abs(*knee - 3.381214) < 1e-6);
        SaturationFit f;
        f.yMax = 87;
        f.y0 = 70;
        f.k = 1.3;
        f.xMin = 1;
        QVERIFY(std::abs(f.slopeAt(*knee) - 1.0) < 1e-12);
        // Already flatter than the threshold at x_min: the knee is x_min.
        QCOMPARE(*saturationKnee(10, 9.5, 1.0, 2.0, 1.0), 2.0);
        QVERIFY(!saturationKnee(87, 70, 0.0, 1, 1));
    }

    void fewerThanFourModelsHaveNoFit()
    {
        const DiminishingReturns r = fitDiminishingReturns({1, 2, 3}, {70, 80, 85});
        QVERIFY(!r.saturation && !r.log);
        QCOMPARE(r.reason, QStringLiteral("a fit needs at least 4 models with CO2 and a score; this dataset has 3"));
    }

    void nonSaturatingDataFallBackToTheLogFit()
    {
        // Accelerating scores (convex): no positive k fits.
        std::vector<double> x{0, 1, 2, 3, 4}, y;
        for (double v : x)
            y.push_back(50 + v * v);
        const DiminishingReturns convex = fitDiminishingReturns(x, y, 1.0, 100.0);
        QVERIFY(!convex.saturation);
        QVERIFY(!convex.saturationReason.isEmpty());
        QVERIFY(convex.log);
        // A straight line saturates only beyond any possible score: refused against the ceiling.
        const DiminishingReturns line = fitDiminishingReturns({0, 1, 2, 3, 4}, {60, 65, 70, 75, 80}, 1.0, 100.0);
        QVERIFY(!line.saturation);
        QVERIFY(line.saturationReason.contains(QLatin1String("above the highest possible score")));
        QVERIFY(line.log && std::abs(line.log->b - 5) < 1e-9);
        // Same CO2 for all: nothing to fit against.
        const DiminishingReturns flat = fitDiminishingReturns({2, 2, 2, 2}, {60, 61, 62, 63});
        QVERIFY(!flat.saturation && !flat.log);
        QCOMPARE(flat.reason, QStringLiteral("all models have the same CO2"));
    }

    void noisyDataMatchScipy()
    {
        QProcess python;
        QMap<QString, std::pair<std::vector<double>, std::vector<double>>> sets;
        synthetic(87, 70, 1.3, 1.0, 4.0, 15, sets["imagenet"].first, sets["imagenet"].second, 0.4);
        synthetic(45, 20, 0.6, -1.0, 5.0, 9, sets["coco"].first, sets["coco"].second, 0.8);
        QJsonObject input;
        for (auto it = sets.cbegin(); it != sets.cend(); ++it) {
            QJsonArray xs, ys;
            for (double v : it->first)
                xs.append(v);
            for (double v : it->second)
                ys.append(v);
            input.insert(it.key(), QJsonObject{{"x", xs}, {"y", ys}});
        }
        python.start(QStringLiteral(NOFADE_PYTHON), {QStringLiteral(NOFADE_TEST_DATA_DIR "/golden/models_fit.py")});
        if (!python.waitForStarted())
            QSKIP("python3 is not available for the scipy reference");
        python.write(QJsonDocument(input).toJson());
        python.closeWriteChannel();
        QVERIFY(python.waitForFinished(60000));
        if (python.exitCode() != 0 && python.readAllStandardError().contains("No module named"))
            QSKIP("numpy/scipy are not installed");
        QCOMPARE(python.exitCode(), 0);
        const QJsonObject golden = QJsonDocument::fromJson(python.readAllStandardOutput()).object();
        for (auto it = sets.cbegin(); it != sets.cend(); ++it) {
            const QJsonObject g = golden.value(it.key()).toObject();
            const DiminishingReturns r = fitDiminishingReturns(it->first, it->second, 1.0, 100.0);
            QVERIFY(r.saturation);
            for (const auto& [key, ours] : {std::pair{"y_max", r.saturation->yMax}, std::pair{"y_0", r.saturation->y0},
                                           std::pair{"k", r.saturation->k}, std::pair{"r2", r.saturation->r2},
                                           std::pair{"a", r.log->a}, std::pair{"b", r.log->b}, std::pair{"log_r2", r.log->r2}}) {
                const double expected = g.value(QLatin1String(key)).toDouble();
                QVERIFY2(within(ours, expected, 1e-5),
                         qPrintable(QStringLiteral("%1 %2: ours %3, scipy %4").arg(it.key(), key).arg(ours, 0, 'g', 12).arg(expected, 0, 'g', 12)));
            }
        }
    }
};

QTEST_GUILESS_MAIN(ParetoFitTest)
#include "test_pareto_fit.moc"

// The four diminishing-returns curves: parameters recovered from synthetic points of each family,
// scipy's curve_fit of noisy points matched (tests/golden/models_families.py), AICc choosing the
// family that made the data, the closed-form knee and inverse, the back-test, the next-point cost,
// and the seeded bootstrap.
#include <cmath>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

#include "uncertainty/curve_families.h"
#include "uncertainty/frontier_analysis.h"

using namespace nofade;

namespace {

// Points of `curve` at n x spread over [0, span], plus a fixed wobble of amplitude `noise`.
void sample(const Curve& curve, int n, double span, double noise, std::vector<double>& x, std::vector<double>& y)
{
    x.clear();
    y.clear();
    for (int i = 0; i < n; ++i) {
        x.push_back(span * i / (n - 1));
        y.push_back(curve.valueAt(x.back()) + noise * std::sin(12.9898 * (i + 1)));
    }
}

const Curve kExp{CurveFamily::SaturatingExp, {85.0, 60.0, 1.2}, 0.0};
const Curve kPower{CurveFamily::PowerFloor, {88.0, 25.0, 1.5}, 0.0};
const Curve kLogistic{CurveFamily::Logistic, {55.0, 82.0, 2.5, 2.5}, 0.0};
const Curve kLine{CurveFamily::LogLinear, {60.0, 4.0}, 0.0};

QJsonArray array(const std::vector<double>& v)
{
    QJsonArray a;
    for (double d : v)
        a.append(d);
    return a;
}

bool close(double a, double b, double rel)
{
    return std::abs(a - b) <= rel * std::max(1.0, std::abs(b));
}

std::vector<FrontierPoint> pointsOf(const std::vector<double>& x, const std::vector<double>& y)
{
    std::vector<FrontierPoint> p;
    for (std::size_t i = 0; i < x.size(); ++i)
        p.push_back({QStringLiteral("m%1").arg(i), std::pow(10.0, x[i]), y[i], {}});
    return p;
}

} // namespace

class CurveFamiliesTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void recoversTheParametersOfEachFamily()
    {
        for (const Curve& c : {kExp, kPower, kLogistic, kLine}) {
            std::vector<double> x, y;
            sample(c, 15, 5.0, 0.0, x, y);
            QString reason;
            const auto fit = fitCurve(c.family, x, y, 100.0, &reason);
            QVERIFY2(fit, qPrintable(curveFamilyName(c.family) + QStringLiteral(": ") + reason));
            for (std::size_t i = 0; i < c.parameters.size(); ++i)
                QVERIFY2(close(fit->curve.parameters[i], c.parameters[i], 1e-6),
                         qPrintable(QStringLiteral("%1 parameter %2: %3 vs %4").arg(curveFamilyName(c.family)).arg(i)
                                        .arg(fit->curve.parameters[i], 0, 'g', 12).arg(c.parameters[i])));
            QVERIFY(fit->r2 > 0.999999);
        }
    }

    void closedFormsOfKneeAndInverse()
    {
        for (const Curve& c : {kExp, kPower, kLogistic}) {
            // The knee: where the slope has fallen to the threshold, and stays below it.
            const auto knee = c.kneeX(1.0);
            QVERIFY(knee);
            QVERIFY2(close(c.slopeAt(*knee), 1.0, 1e-9), qPrintable(curveFamilyName(c.family)));
            QVERIFY(c.slopeAt(*knee + 0.5) < 1.0);
            // The inverse: xAt(valueAt(x)) = x on the rising part.
            QVERIFY(close(*c.xAt(c.valueAt(3.0)), 3.0, 1e-9));
            QVERIFY(!c.xAt(*c.ceiling() + 0.1)); // above the ceiling: never reached
        }
        // Power-floor by hand: slope a b t^-(b+1) = 1 at t = (a b)^(1/(b+1)) = 37.5^0.4.
        QVERIFY(close(*kPower.kneeX(1.0), std::pow(37.5, 0.4) - 1.0, 1e-12));
        // A line has the same gain everywhere: no knee above its slope, x_min below it.
        QVERIFY(!kLine.kneeX(1.0));
        QCOMPARE(*kLine.kneeX(5.0), 0.0);
        // AICc by hand: n = 10, RSS = 2, 3 parameters (K = 4): 10 ln 0.2 + 8 + 40 / 5.
        QVERIFY(close(*aiccOf(2.0, 10, 3), 10.0 * std::log(0.2) + 8.0 + 8.0, 1e-12));
        QVERIFY(!aiccOf(2.0, 5, 3)); // n - K - 1 = 0
    }

    void matchesScipyOnNoisyPoints()
    {
        QJsonObject input;
        const QList<std::pair<QString, Curve>> cases{{"power", kPower}, {"logistic", kLogistic}, {"exp", kExp}};
        for (const auto& [name, c] : cases) {
            std::vector<double> x, y;
            sample(c, 14, 5.0, 0.6, x, y);
            QJsonObject d;
            d.insert("family", curveFamilyName(c.family));
            d.insert("x", array(x));
            d.insert("y", array(y));
            d.insert("p0", array(c.parameters));
            input.insert(name, d);
        }
        QProcess python;
        python.start(QStringLiteral(NOFADE_PYTHON), {QStringLiteral(NOFADE_TEST_DATA_DIR "/golden/models_families.py")});
        if (!python.waitForStarted())
            QSKIP("python3 is not available for the scipy reference");
        python.write(QJsonDocument(input).toJson());
        python.closeWriteChannel();
        QVERIFY(python.waitForFinished(60000));
        if (python.exitCode() != 0 && python.readAllStandardError().contains("No module named"))
            QSKIP("scipy is not installed");
        QCOMPARE(python.exitCode(), 0);
        const QJsonObject golden = QJsonDocument::fromJson(python.readAllStandardOutput()).object();
        for (const auto& [name, c] : cases) {
            std::vector<double> x, y;
            sample(c, 14, 5.0, 0.6, x, y);
            QString reason;
            const auto fit = fitCurve(c.family, x, y, 100.0, &reason);
            QVERIFY2(fit, qPrintable(reason));
            const QJsonArray p = golden.value(name).toObject().value("parameters").toArray();
            for (int i = 0; i < p.size(); ++i)
                QVERIFY2(close(fit->curve.parameters[std::size_t(i)], p[i].toDouble(), 1e-5),
                         qPrintable(QStringLiteral("%1 parameter %2: %3 vs scipy %4").arg(name).arg(i)
                                        .arg(fit->curve.parameters[std::size_t(i)], 0, 'g', 12).arg(p[i].toDouble(), 0, 'g', 12)));
            QVERIFY(close(fit->rss, golden.value(name).toObject().value("rss").toDouble(), 1e-6));
        }
    }

    void aiccPicksTheGeneratingFamily()
    {
        for (const Curve& c : {kExp, kPower, kLogistic, kLine}) {
            std::vector<double> x, y;
            sample(c, 24, 5.0, 0.05, x, y);
            FrontierSettings s;
            s.bootstrapRounds = 0;
            const FrontierAnalysis a = analyseFrontier(pointsOf(x, y), s);
            QVERIFY2(a.chosen, qPrintable(a.chosenReason));
            QVERIFY2(*a.chosen == c.family, qPrintable(QStringLiteral("made by %1, chose %2")
                                                           .arg(curveFamilyName(c.family), curveFamilyName(*a.chosen))));
            QCOMPARE(a.chosenReason, QStringLiteral("lowest AICc"));
            QCOMPARE(a.families.size(), std::size_t(4));
        }
    }

    void backtestHoldsOutTheExpensiveQuarterOfTheFront()
    {
        // 12 points on a saturating curve: all on the front; the 3 most expensive are held out.
        std::vector<double> x, y;
        sample(kExp, 12, 5.0, 0.0, x, y);
        FrontierSettings s;
        s.bootstrapRounds = 0;
        const FrontierAnalysis a = analyseFrontier(pointsOf(x, y), s);
        QCOMPARE(a.heldOut, (QStringList{"m9", "m10", "m11"}));
        for (const FamilyResult& f : a.families) {
            QVERIFY2(f.backtestMae, qPrintable(f.backtestReason));
            if (f.family == CurveFamily::SaturatingExp)
                QVERIFY(*f.backtestMae < 1e-6); // the right curve extrapolates exactly
        }
        // The line on the first 9 points: its miss on the last 3, by hand from its own fit.
        std::vector<double> xt(x.begin(), x.begin() + 9), yt(y.begin(), y.begin() + 9);
        QString reason;
        const auto line = fitCurve(CurveFamily::LogLinear, xt, yt, 100.0, &reason);
        double mae = 0.0;
        for (int i = 9; i < 12; ++i)
            mae += std::abs(line->curve.valueAt(x[std::size_t(i)]) - y[std::size_t(i)]) / 3.0;
        QVERIFY(close(*a.families[3].backtestMae, mae, 1e-12));
        QVERIFY(mae > 1.0);
    }

    void nextPointCostAndWhenItIsOutOfReach()
    {
        // Line y = 60 + 4 x from x_b = 2: one point more at x = 2.25, so 10^2.25 - 10^2 kg.
        QString reason;
        QVERIFY(close(*nextPointCo2(kLine, 2.0, 1.0, &reason), std::pow(10.0, 2.25) - 100.0, 1e-12));
        // Saturating curve: from x = 3, y = 85 - 25 e^-3.6 = 84.32; 85.32 is above y_max 85.
        QVERIFY(!nextPointCo2(kExp, 3.0, 1.0, &reason));
        QVERIFY(reason.startsWith(QLatin1String("the fit saturates below it")));
        // From x = 0 (y = 60) to 61: x = -ln(24/25)/1.2.
        QVERIFY(close(*nextPointCo2(kExp, 0.0, 1.0, &reason), std::pow(10.0, -std::log(24.0 / 25.0) / 1.2) - 1.0, 1e-12));
        // A falling line never gains a point.
        QVERIFY(!nextPointCo2(Curve{CurveFamily::LogLinear, {60.0, -1.0}, 0.0}, 1.0, 1.0, &reason));
        QCOMPARE(reason, QStringLiteral("the fit does not rise with CO2"));
    }

    void bootstrapIsSeededAndReproducible()
    {
        std::vector<double> x, y;
        sample(kPower, 20, 5.0, 0.8, x, y);
        std::vector<FrontierPoint> points = pointsOf(x, y);
        // Each model's CO2 drawn within +-20% in every replicate.
        for (FrontierPoint& p : points)
            p.drawCo2 = [c = p.co2Kg](SeededRandom& r) { return c * (0.8 + 0.4 * double(r.next() >> 11) * 0x1.0p-53); };
        FrontierSettings s;
        s.bootstrapRounds = 300;
        const FrontierAnalysis a = analyseFrontier(points, s), b = analyseFrontier(points, s);
        QVERIFY(a.yMaxInterval && a.kneeCo2Interval && a.nextPoint && a.nextPoint->reachable && a.nextPoint->interval);
        QCOMPARE(*a.yMaxInterval, *b.yMaxInterval);
        QCOMPARE(*a.kneeCo2Interval, *b.kneeCo2Interval);
        QCOMPARE(*a.nextPoint->interval, *b.nextPoint->interval);
        QCOMPARE(a.bootstrapRounds, 300);
        QVERIFY(a.yMaxInterval->low < a.yMaxInterval->high);
        QVERIFY(a.nextPoint->interval->low <= a.nextPoint->value);
        s.seed = 2;
        const FrontierAnalysis c = analyseFrontier(points, s);
        QVERIFY(!(*c.yMaxInterval == *a.yMaxInterval));
    }
};

QTEST_GUILESS_MAIN(CurveFamiliesTest)
#include "test_curve_families.moc"

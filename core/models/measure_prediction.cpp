#include "models/measure_prediction.h"

#include <algorithm>

#include "maths/rank_correlation.h"
#include "models/dataset_names.h"

namespace nofade {

QString outcomeName(PredictionOutcome outcome)
{
    switch (outcome) {
    case PredictionOutcome::BestScore:
        return QStringLiteral("best score");
    case PredictionOutcome::YMax:
        return QStringLiteral("y_max");
    case PredictionOutcome::NextPointCo2:
        return QStringLiteral("next-point CO2");
    }
    return {};
}

std::optional<double> DatasetOutcomes::value(PredictionOutcome outcome) const
{
    switch (outcome) {
    case PredictionOutcome::BestScore:
        return bestScore;
    case PredictionOutcome::YMax:
        return yMax;
    case PredictionOutcome::NextPointCo2:
        return nextPointCo2;
    }
    return std::nullopt;
}

std::vector<DatasetOutcomes> datasetOutcomes(const Report& report)
{
    std::vector<DatasetOutcomes> out;
    for (const DatasetResult& d : report.datasets) {
        DatasetOutcomes o;
        o.key = d.key;
        o.name = d.name;
        for (const ModelResult& m : report.models) {
            if (!m.score || datasetKey(m.dataset) != d.key)
                continue;
            ++o.models;
            o.bestScore = o.bestScore ? std::max(*o.bestScore, *m.score) : *m.score;
        }
        if (!o.bestScore)
            continue;
        // A fit whose asymptote lies below the best score is no ceiling (SaturationFit::warning).
        if (d.fit.saturation && d.fit.saturation->warning.isEmpty())
            o.yMax = d.fit.saturation->yMax;
        if (d.frontier.nextPoint && d.frontier.nextPoint->reachable)
            o.nextPointCo2 = d.frontier.nextPoint->value;
        out.push_back(std::move(o));
    }
    return out;
}

MeasurePrediction predictOutcome(const std::vector<std::pair<QString, std::optional<double>>>& measureByKey,
                                 const std::vector<DatasetOutcomes>& outcomes, PredictionOutcome outcome)
{
    MeasurePrediction p;
    for (const DatasetOutcomes& o : outcomes) {
        const std::optional<double> y = o.value(outcome);
        if (!y)
            continue;
        for (const auto& [key, x] : measureByKey)
            if (key == o.key && x) {
                p.datasets.push_back(o.name);
                p.x.push_back(*x);
                p.y.push_back(*y);
                break;
            }
    }
    p.rho = spearmanRho(p.x, p.y, &p.reason);
    return p;
}

double chancePerfectRanking(int n)
{
    double factorial = 1.0;
    for (int k = 2; k <= n; ++k)
        factorial *= k;
    return std::min(1.0, 2.0 / factorial);
}

} // namespace nofade

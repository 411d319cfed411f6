#pragma once
// Which complexity measure predicts what models reach: per dataset of a report its outcomes (the
// best score of its models, the saturation fit's y_max, the CO2 of one more score point), and
// Spearman's rho of a measure against an outcome over the datasets that have both.
#include <optional>
#include <vector>
#include <QString>
#include <QStringList>

#include "models/report.h"

namespace nofade {

enum class PredictionOutcome { BestScore, YMax, NextPointCo2 };
QString outcomeName(PredictionOutcome outcome); // "best score", "y_max", "next-point CO2"

struct DatasetOutcomes {
    QString key;  // datasetKey
    QString name;
    int models = 0;
    std::optional<double> bestScore;
    std::optional<double> yMax;         // the saturation fit's ceiling (not when it lies below the best score)
    std::optional<double> nextPointCo2; // kg CO2 for one more score point (when reachable)
    std::optional<double> value(PredictionOutcome outcome) const;
};

// Every dataset of the report with at least one scored model.
std::vector<DatasetOutcomes> datasetOutcomes(const Report& report);

struct MeasurePrediction {
    QStringList datasets;          // the pairs' datasets, in the order of x and y
    std::vector<double> x;         // the measure
    std::vector<double> y;         // the outcome
    std::optional<double> rho;
    QString reason;                // why there is no rho
};

// Pairs (measure, outcome) of the datasets that have both, and their Spearman rho.
MeasurePrediction predictOutcome(const std::vector<std::pair<QString, std::optional<double>>>& measureByKey,
                                 const std::vector<DatasetOutcomes>& outcomes, PredictionOutcome outcome);

// How often a rank correlation of +1 or -1 arises by chance among n datasets: 2 / n!.
double chancePerfectRanking(int n);

} // namespace nofade

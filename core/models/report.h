#pragma once
// A model report: per model training energy, CO2, NoFADE, Pareto membership and marginal cost;
// per dataset complexity and the diminishing-returns fit. A value that carries its settings
// (serialised as "schema": "nofade.report/1", docs/CLI.md).
#include <optional>
#include <vector>
#include <QHash>
#include <QString>
#include <QStringList>

#include "models/co2_methods.h"
#include "models/nofade_score.h"
#include "models/saturation_fit.h"
#include "uncertainty/co2_monte_carlo.h"
#include "uncertainty/frontier_analysis.h"
#include "uncertainty/input_ranges.h"
#include "uncertainty/life_cycle.h"

namespace nofade {

struct ReportSettings {
    // Not saved with the settings: how much the report computes. The curve families, their
    // back-test and bootstrap (frontier analysis).
    bool curveFamilies = true;
    Co2Method method = Co2Method::HardwareEnergy;
    double pue = 1.0;
    QString pueSource;                // "provider (source)" of resources/pue.csv; empty when typed in
    double kgPerKwh = kPaperCarbonIntensity;
    QString intensitySource = QStringLiteral("EPA AVERT U.S. marginal rate (the paper's factor)");
    double utilisation = 0.33;        // of peak FP32, for estimated training time
    bool macAsTwoFlops = true;
    NoFadeSettings nofade;
    QString eq1Cpu = QStringLiteral("Intel Xeon E5-2699 v3"); // omega_c of paper-eq1
    double kneeThreshold = kDefaultKneeThreshold;           // score points per 10x CO2
    QHash<QString, ComplexityMeasure> measures;             // datasetKey -> measure (else by task)
    UncertaintySettings uncertainty;                        // input ranges, draws, seed, bootstrap
    LifeCycleSettings lifeCycle;                            // operational only by default

    // Empty when valid, else what is wrong.
    QString validate() const;
};

struct ModelResult {
    int row = 0;  // 0-based data row of the model table
    int line = 0;
    QString model;
    QString dataset;      // as written in the table
    QString task;         // empty when invalid
    QString metric;
    std::optional<double> score;
    std::optional<double> flops;    // forward FLOPs per image, after MAC normalisation
    QString flopsConvention;        // "FLOPs", "MACs x 2" or "MACs x 1"
    QString flopsReason;
    QString device;
    std::optional<int> deviceCount;
    std::optional<double> deviceHours;
    QString hoursProvenance;        // reported | derived | estimated
    QString hoursReason;
    std::optional<double> energyKwh; // paper-eq1: P_m / 1000 as published
    std::optional<double> co2Kg;
    // measured (energy and CO2 from the table) | measured-energy (CO2 = measured energy x
    // intensity) | computed (by the report's method)
    QString co2Provenance;
    QString co2Reason;
    std::optional<double> nofade;
    QString nofadeReason;
    bool pareto = false;
    std::optional<double> marginalKgPerPoint;
    QString marginalReason;
    QString previousParetoModel;
    QStringList issues;             // the table's errors and warnings for this row
    bool flagged = false;
    std::optional<Co2Terms> co2Terms;   // the life-cycle terms co2Kg is the sum of
    std::optional<Spread> co2Spread;    // Monte Carlo median and 90% interval
    std::optional<Spread> energySpread;
    QString intervalReason;             // why there is no interval
};

struct DatasetResult {
    QString name;         // canonical name
    QString key;          // datasetKey
    QString task;         // majority task of its models
    int models = 0;
    int modelsWithCo2 = 0;
    QString measure;      // C_JS | C_H
    std::optional<double> complexity;
    QString complexitySource;
    QString complexityReason;
    QString complexityNote; // said with the value (why a C_JS is negative)
    DiminishingReturns fit;
    FrontierAnalysis frontier;  // curve families, back-test, bootstrap, next point
};

struct Report {
    ReportSettings settings;
    QString modelsSource;            // the table's file name, or "bundled corpus"
    std::vector<ModelResult> models;
    std::vector<DatasetResult> datasets;
    QStringList tableErrors;         // every error of the table, with file/row/column/reason
    QStringList notes;               // e.g. a complexity given for a dataset no model uses

    int count(bool (*predicate)(const ModelResult&)) const;
};

} // namespace nofade

#pragma once
// The complexity figures of the export path: the measures of the datasets side by side (parallel
// coordinates, normalised per measure, with intervals), the per-image SI and bpp histograms, and
// a measure against an outcome of the model table with Spearman's rho (Which measure predicts?).
// Each with its plotted data as CSV.
#include <functional>
#include <vector>
#include <QStringList>

#include "complexity/measure_rows.h"
#include "export/figure_builder.h"
#include "models/measure_prediction.h"

namespace nofade::ui {

// The measure rows of the inputs' datasets with a profile, in their order.
std::vector<MeasureRow> figureMeasureRows(const FigureInputs& inputs);

// The complexity figures of `inputs` whose kind `wanted` accepts, in a stable order; `skipped`
// gets a line for each one left out and why.
void addComplexitySpecs(const FigureInputs& inputs, const std::function<bool(const QString&)>& wanted,
                        std::vector<FigureSpec>* specs, QStringList* skipped);

BuiltFigure complexityMeasuresFigure(const FigureInputs& inputs, const FigureStyle& style);
BuiltFigure measureHistogramsFigure(const FigureSpec& spec, const FigureInputs& inputs, const FigureStyle& style);
BuiltFigure measurePredictionFigure(const FigureSpec& spec, const FigureInputs& inputs, const FigureStyle& style);

// A measure column against an outcome (PredictionOutcome) over the inputs' datasets that have
// models in the inputs' report (which must be set).
MeasurePrediction figurePrediction(const FigureInputs& inputs, const QString& column, int outcome);

// The file base name of a measure-prediction figure: "measure-prediction-c-h-best-score".
QString predictionBaseName(const QString& column, int outcome);

} // namespace nofade::ui

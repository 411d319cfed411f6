#pragma once
// The words and numbers of the model charts: a model's family (for colouring), CO2 and hours
// written for people, and the hover texts of the saturation and NoFADE charts. Pure, no widgets.
#include <QString>

#include "models/report.h"

namespace nofade::ui {

// The family of a model from its name: "NFNet-F6+SAM" -> "NFNet", "EfficientNetV2-L" ->
// "EfficientNet", "Faster R-CNN R50-FPN 3x" -> "Faster R-CNN", "YOLOv3-320" -> "YOLO".
QString modelFamily(const QString& modelName);

// "850 g", "12.3 kg", "4.56 t" (three significant digits).
QString formatCo2(double kg);
// Three significant digits, thousands separated: "1,230", "0.452".
QString formatNumber(double value);

// The hover text (HTML) of a model in the saturation chart: model, dataset, score, CO2, energy,
// device-hours with provenance, Pareto membership and marginal cost.
QString saturationTooltip(const ModelResult& m);
// The hover text of a model in the NoFADE chart, with the formula's numbers:
// NoFADE = score x C / ln(FLOPs) = 83.6 x 0.652 / ln(2.52e10) = 83.6 x 0.652 / 23.95 = 2.276.
QString noFadeTooltip(const ModelResult& m, const DatasetResult* dataset, const ReportSettings& settings);

// The footer lines of a dataset's frontier analysis: the cost of the next score point with its
// bootstrap interval (or why it is not reachable), and the chosen curve family with its
// back-test error. Each line starts with `prefix` (the dataset's name in an overlay).
QStringList frontierFooter(const FrontierAnalysis& a, const QString& prefix);

// The dataset of a model in the report (by datasetKey), or null.
const DatasetResult* datasetOf(const Report& report, const ModelResult& m);

} // namespace nofade::ui

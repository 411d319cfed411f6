#pragma once
// One complexity measure against one outcome over the datasets that have both (Which measure
// predicts?): a point per dataset in its colour, Spearman's rho in the title. The tab and the
// figure export draw it with the same code.
#include <functional>
#include <QChart>
#include <QColor>

#include "models/measure_prediction.h"

namespace nofade::ui {

class MeasureScatterChart : public QChart {
    Q_OBJECT
public:
    explicit MeasureScatterChart(QGraphicsItem* parent = nullptr);
    // `column` a measureColumns() name; `colourOf` a dataset's colour by its name.
    void setPrediction(const MeasurePrediction& prediction, const QString& column, PredictionOutcome outcome,
                       const std::function<QColor(const QString&)>& colourOf, double markerPx = 12.0);

    // "C_H against best score: Spearman ρ = 0.50 (n = 4)", or why there is no ρ.
    static QString titleText(const MeasurePrediction& prediction, const QString& column, PredictionOutcome outcome);
    static QString outcomeAxisTitle(PredictionOutcome outcome);
};

} // namespace nofade::ui

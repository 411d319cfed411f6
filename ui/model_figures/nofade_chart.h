#pragma once
// The NoFADE scatter (the paper's Figure 3) for one task: each model's NoFADE against its
// training CO2 (log axis), coloured by dataset, hollow when the training time is estimated,
// the extremes (and the selection) labelled by name; the hover text shows the formula's numbers.
#include "model_figures/model_chart.h"

namespace nofade::ui {

class NoFadeChart : public ModelChart {
    Q_OBJECT
public:
    // `task`: "classification" | "segmentation" | "detection".
    NoFadeChart(const Report& report, const QString& task, const FigureStyle& style, QGraphicsItem* parent = nullptr);

    QString tooltip(int row) const override;
    // The rows labelled whatever the selection: lowest and highest NoFADE and CO2.
    const QSet<int>& extremes() const { return extremes_; }

    // Models of the report with a NoFADE score and CO2 (all tasks).
    static int drawableCount(const Report& report);
    // The tasks, in the paper's order, that have models in the report.
    static QStringList tasks(const Report& report);

private:
    QSet<int> extremes_;
};

} // namespace nofade::ui

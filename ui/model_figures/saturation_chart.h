#pragma once
// The saturation curves (the paper's Figure 1): score against training CO2 (log axis) for one
// dataset, or several overlaid. Points coloured by model family, task or dataset; hollow when the
// training time is estimated; the Pareto front as a step line; the saturation fit with its y_max
// asymptote and the diminishing-returns point, y_max, R², headroom and the knee's CO2 in a footer; the logarithmic
// fit when there is no saturation fit; the reason when there is no fit at all. A single dataset's
// chart also draws the other curve families of its frontier analysis (the one AICc chose solid,
// the others dashed; a legend click hides one) and, in the footer, the cost of the next score
// point and the chosen family's back-test error.
#include <QHash>

#include "model_figures/model_chart.h"

class QLineSeries;

namespace nofade::ui {

enum class ColourBy { Family, Task, Dataset };
QString colourByName(ColourBy c);  // "family" | "task" | "dataset"
std::optional<ColourBy> colourByFromName(const QString& name);

class SaturationChart : public ModelChart {
    Q_OBJECT
public:
    // `datasetKeys`: the DatasetResult::key of each dataset drawn.
    SaturationChart(const Report& report, const QStringList& datasetKeys, ColourBy colourBy, const FigureStyle& style,
                    QGraphicsItem* parent = nullptr);

    QString tooltip(int row) const override;

    // What was drawn for a dataset (null when not drawn), for tests and callers.
    struct Drawn {
        QLineSeries* pareto = nullptr;
        QLineSeries* fit = nullptr;      // saturation fit, or the logarithmic fit
        bool logFit = false;
        QLineSeries* yMax = nullptr;
        QScatterSeries* knee = nullptr;
        // Each fitted family's curve by curveFamilyName() (saturating-exp is `fit` when drawn).
        QHash<QString, QLineSeries*> families;
    };
    Drawn drawn(const QString& datasetKey) const { return drawn_.value(datasetKey); }

private:
    void drawDataset(const DatasetResult& d, bool overlay, ColourBy colourBy, QList<double>* extraY, QStringList* notes,
                     QStringList* stats);

    QHash<QString, Drawn> drawn_;
    QHash<QString, QScatterSeries*> filled_, hollow_;
};

} // namespace nofade::ui

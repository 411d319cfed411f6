#pragma once
// Which measure predicts?: for the loaded datasets that have models in the model table (matched
// by name), each complexity measure against the best score reached, the saturation ceiling y_max
// and the CO2 of the next score point, as Spearman's rank correlation; a scatter of the chosen
// measure against the chosen outcome; and a plain caveat about how few datasets it rests on.
#include <QWidget>

#include "export/export_source.h"
#include "models/measure_prediction.h"
#include "profile/profile_measures.h"

class QChartView;
class QComboBox;
class QLabel;
class QStackedLayout;
class QTableWidget;

namespace nofade::ui {

class DatasetStore;
class LazyUpdateController;
class MeasureScatterChart;
class ModelStore;

class MeasurePredictionTab : public QWidget, public ExportSource {
    Q_OBJECT
public:
    MeasurePredictionTab(DatasetStore* store, ModelStore* models, QWidget* parent = nullptr);

    QWidget* exportWidget() const override;
    QString exportBaseName() const override { return QStringLiteral("which-measure-predicts"); }

    // What the table shows for a measure column (measureColumns()) and an outcome.
    MeasurePrediction prediction(const QString& column, PredictionOutcome outcome) const;
    QTableWidget* table() const { return table_; }
    QString caveat() const;
    // The measure column and the outcome the scatter shows.
    QString scatterMeasure() const;
    PredictionOutcome scatterOutcome() const;
    // The model table's report the outcomes come from.
    const Report& report() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void fitTableWidth();
    void rebuildNow();
    void rebuildScatter();

    DatasetStore* store_;
    ModelStore* models_;
    LazyUpdateController* lazy_;
    QStackedLayout* stack_;
    QLabel* empty_;
    QLabel* caveat_;
    QTableWidget* table_;
    QComboBox* measure_;
    QComboBox* outcome_;
    MeasureScatterChart* scatter_;
    QChartView* scatterView_;
    QWidget* page_;
    std::vector<DatasetOutcomes> outcomes_;
    std::vector<std::pair<QString, std::vector<MeasureValue>>> measures_; // datasetKey -> measureColumns() values
};

} // namespace nofade::ui

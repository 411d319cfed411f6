#pragma once
// The Complexity tab: every profiled dataset's complexity measures side by side (a table with
// each measure's definition as its tooltip, and parallel coordinates normalised per measure with
// the intervals), and the per-image measures (SI, bpp) as overlaid histograms.
#include <QWidget>

#include "export/export_source.h"

class QChartView;
class QLabel;
class QStackedLayout;
class QTabWidget;
class QTableView;

namespace nofade::ui {

class DatasetStore;
class LazyUpdateController;
class MeasureHistogramChart;
class MeasureParallelWidget;
class MeasureTableModel;

class ComplexityTab : public QWidget, public ExportSource {
    Q_OBJECT
public:
    explicit ComplexityTab(DatasetStore* store, QWidget* parent = nullptr);

    QWidget* exportWidget() const override;
    QString exportBaseName() const override;

    MeasureTableModel* tableModel() const { return model_; }
    MeasureParallelWidget* parallel() const { return parallel_; }
    MeasureHistogramChart* siChart() const { return si_; }
    MeasureHistogramChart* bppChart() const { return bpp_; }
    // True when the per-image histograms are shown (else the measures side by side).
    bool showsPerImage() const;
    QTabWidget* views() const { return views_; }

Q_SIGNALS:
    // The user asked to choose which measures scans compute (the analysis settings).
    void measureSettingsRequested();

private:
    void rebuildNow();

    DatasetStore* store_;
    LazyUpdateController* lazy_;
    QTabWidget* views_;
    QStackedLayout* sideStack_;
    QStackedLayout* imageStack_;
    QLabel* imageEmpty_;
    QTableView* table_;
    MeasureTableModel* model_;
    MeasureParallelWidget* parallel_;
    QWidget* imagePage_;
    MeasureHistogramChart* si_;
    MeasureHistogramChart* bpp_;
};

} // namespace nofade::ui

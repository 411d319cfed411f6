#pragma once
// The Entropy histograms tab (the paper's Figure 2): the per-image entropy densities of every
// profiled dataset, overlaid, with adjustable bins, legend toggles, mean markers, a hover tooltip
// (bin range, count, density of each dataset), zoom/pan with reset, and a double-click on a bin
// that asks for its images to be inspected.
#include <memory>
#include <QWidget>

#include "export/export_source.h"

class QCheckBox;
class QComboBox;
class QLabel;

namespace nofade::ui {

class DatasetStore;
class DensityChart;
class ZoomableChartView;

class EntropyHistogramTab : public QWidget, public ExportSource {
    Q_OBJECT
public:
    QWidget* exportWidget() const override;
    QString exportBaseName() const override { return QStringLiteral("entropy-histograms"); }
    bool hasFigureExport() const override { return true; }
    bool exportFigure(const QString& file, const FigureSize& size, const FigureStyle& style, QString* error) const override;
    // A fresh chart of what the tab shows (curves, hidden curves, mean markers) in `style`.
    std::unique_ptr<DensityChart> figureChart(const FigureStyle& style) const;
    explicit EntropyHistogramTab(DatasetStore* store, QWidget* parent = nullptr);

    void setBins(int bins);
    int bins() const;
    DensityChart* chart() const { return chart_; }
    ZoomableChartView* chartView() const { return view_; }
    // The tooltip text for a position (x in bits); empty outside [0, 8] or without data.
    QString tooltipAt(double entropyBits) const;
    // The id of the dataset whose bin is highest at x among the visible curves (0: none).
    int datasetAt(double entropyBits) const;

Q_SIGNALS:
    // Images of `datasetId` whose entropy lies in [lower, upper) were asked for.
    void imagesRequested(int datasetId, int classIndex, double lower, double upper);

private:
    void rebuild();     // when visible, else on show
    void rebuildNow();

    DatasetStore* store_;
    DensityChart* chart_;
    ZoomableChartView* view_;
    QComboBox* bins_;
    QCheckBox* means_;
    QLabel* empty_;
    class LazyUpdateController* lazy_;
};

} // namespace nofade::ui

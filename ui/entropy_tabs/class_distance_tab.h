#pragma once
// The Class distances tab: the heatmap of a dataset's pairwise class JS distances, ordered by
// clustering or by mean entropy, with its colour scale, the hovered pair, the sum and C_JS.
#include <QWidget>

#include "export/export_source.h"

class QComboBox;
class QLabel;

namespace nofade::ui {

class ColourLegendWidget;
class DatasetComboBox;
class DatasetStore;
class HeatmapWidget;

class ClassDistanceTab : public QWidget, public ExportSource {
    Q_OBJECT
public:
    QWidget* exportWidget() const override { return body_; }
    QString exportBaseName() const override { return QStringLiteral("class-distances"); }
    enum class Order { Clustering, MeanEntropy, Dataset };

    explicit ClassDistanceTab(DatasetStore* store, QWidget* parent = nullptr);

    void setDataset(int id);
    int datasetId() const;
    void setOrder(Order order);
    HeatmapWidget* heatmap() const { return heatmap_; }
    QString summaryText() const;

private:
    void rebuild();     // when visible, else on show
    void rebuildNow();
    void applyOrder();

    DatasetStore* store_;
    DatasetComboBox* dataset_;
    QComboBox* order_;
    HeatmapWidget* heatmap_;
    ColourLegendWidget* legend_;
    QLabel* summary_;
    QLabel* hover_;
    QWidget* body_;
    class LazyUpdateController* lazy_;
    std::vector<double> classMeans_; // of the matrix's classes
};

} // namespace nofade::ui

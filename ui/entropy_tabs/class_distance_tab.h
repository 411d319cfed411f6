#pragma once
// The Class distances tab: the heatmap of a dataset's pairwise class JS distances, ordered by
// clustering or by mean entropy, with its colour scale, the hovered pair, the sum and C_JS.
#include <QWidget>

#include "export/export_source.h"

class QComboBox;
class QLabel;
class QLineEdit;

namespace nofade::ui {

class ColourLegendWidget;
class DatasetComboBox;
class DatasetStore;
class HeatmapWidget;
struct HeatmapFigure;

class ClassDistanceTab : public QWidget, public ExportSource {
    Q_OBJECT
public:
    QWidget* exportWidget() const override { return body_; }
    QString exportBaseName() const override { return QStringLiteral("class-distances"); }
    bool hasFigureExport() const override { return true; }
    bool exportFigure(const QString& file, const FigureSize& size, const FigureStyle& style, QString* error) const override;
    enum class Order { Clustering, MeanEntropy, Dataset };
    // The colour scale's range: 0 to this dataset's largest distance, 0 to 1 (JS distances in bits
    // never exceed 1), or 0 to the largest distance of all datasets (heatmaps side by side compare).
    enum class Scale { DatasetMax, Fixed, Shared };

    explicit ClassDistanceTab(DatasetStore* store, QWidget* parent = nullptr);

    void setDataset(int id);
    int datasetId() const;
    void setOrder(Order order);
    void setScale(Scale scale);
    // The heatmap as a figure in `style`, as exported.
    HeatmapFigure figure(const FigureStyle& style) const;
    HeatmapWidget* heatmap() const { return heatmap_; }
    QString summaryText() const;
    // Zooms the heatmap to the class named `text` (or the first whose name contains it); its
    // matrix index, -1 when none matches.
    int findClass(const QString& text);

protected:
    void changeEvent(QEvent* event) override;

private:
    void fitSide();
    void rebuild();     // when visible, else on show
    void rebuildNow();
    void applyOrder();
    QString scaleTitle() const;

    DatasetStore* store_;
    DatasetComboBox* dataset_;
    QComboBox* order_;
    QComboBox* scale_;
    QLineEdit* search_;
    HeatmapWidget* heatmap_;
    ColourLegendWidget* legend_;
    QLabel* summary_;
    QLabel* hover_;
    QWidget* body_;
    QWidget* side_;
    class LazyUpdateController* lazy_;
    std::vector<double> classMeans_; // of the matrix's classes
};

} // namespace nofade::ui

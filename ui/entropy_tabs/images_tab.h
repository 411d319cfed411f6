#pragma once
// The Images tab: every image of a dataset's profile as a point of a jittered strip plot (one
// column per class, y = the image's entropy in bits, coloured by class), drawn by a
// PointCloudLayer so that 100,000 images stay interactive. Hovering a point names its image;
// clicking it asks for that image in the inspector. Follows the current dataset like the Per class
// and Class distances tabs.
#include <vector>
#include <QFontMetricsF>
#include <QStringList>
#include <QWidget>

#include "export/export_source.h"

class QCategoryAxis;
class QChart;
class QLabel;
class QStackedWidget;
class QValueAxis;

namespace nofade::ui {

class DatasetComboBox;
class DatasetStore;
class PointCloudLayer;
class ZoomableChartView;

class ImagesTab : public QWidget, public ExportSource {
    Q_OBJECT
public:
    explicit ImagesTab(DatasetStore* store, QWidget* parent = nullptr);

    QWidget* exportWidget() const override;
    QString exportBaseName() const override { return QStringLiteral("images-by-class"); }

    void setDataset(int id);
    int datasetId() const;
    ZoomableChartView* chartView() const { return view_; }
    QChart* chart() const { return chart_; }
    PointCloudLayer* layer() const { return layer_; }
    // The position in the profile's perImage of the layer's point `point` (-1 when none).
    int imageOfPoint(int point) const;
    // The point under a position of the chart view's viewport (-1 when none).
    int pointAtViewport(const QPoint& pos) const;
    // What the tooltip of the hovered point says ("" when no point is hovered).
    QString hoverText() const { return hoverText_; }
    // The message shown instead of the chart ("" when the chart is shown).
    QString emptyText() const;

    // Which columns between x = from and x = to (a plot `plotWidth` pixels wide) are named on the
    // x axis, and at which angle, so that no two names overlap and none is cut short.
    struct ColumnLabels {
        std::vector<int> columns;
        int step = 1;
        int angle = 0;
    };
    static ColumnLabels columnLabels(const QStringList& columns, double from, double to, double plotWidth, const QFontMetricsF& fm);
    // The columns named on the x axis now.
    const std::vector<int>& labelledColumns() const { return labelled_; }

Q_SIGNALS:
    void imageRequested(int datasetId, int imagePosition); // a click on a point

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void rebuild();     // when visible, else on show
    void rebuildNow();
    void showEmpty(const QString& text);
    void setColumns(const QStringList& columns);
    void updateColumnLabels();
    void hover(const QPoint& viewportPos, const QPoint& globalPos);
    QString describe(int point) const;

    DatasetStore* store_;
    DatasetComboBox* dataset_;
    QLabel* summary_;
    QStackedWidget* stack_;
    QLabel* empty_;
    QChart* chart_;
    QCategoryAxis* xAxis_;
    QValueAxis* yAxis_;
    ZoomableChartView* view_;
    PointCloudLayer* layer_;
    class LazyUpdateController* lazy_;
    std::vector<int> image_;       // per point: position in perImage
    std::vector<int> columnClass_; // per column: class index or -1
    QStringList columns_;          // per column: its name
    std::vector<int> labelled_;    // the columns named on the axis
    QString hoverText_;
    QPoint pressPos_;
    bool pressed_ = false;
};

} // namespace nofade::ui

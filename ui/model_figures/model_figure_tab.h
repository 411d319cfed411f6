#pragma once
// A chart tab of the model side (the base of the saturation and NoFADE tabs): builds the charts
// of its FigureSpec from the workspace's report (figure_spec.h, the same code as the headless
// export), lays them out in a grid, links their selection with ModelSelectionStore (picks go to the
// selection; selection changes made elsewhere re-highlight without rebuilding), and exports the
// figure (PNG/SVG/PDF at a chosen size and DPI, or to the clipboard).
#include <vector>
#include <QWidget>

#include "export/export_source.h"
#include "export/figure_renderer.h"
#include "export/figure_spec.h"
#include "model_figures/model_chart_view.h"

class QCheckBox;
class QComboBox;
class QGridLayout;
class QHBoxLayout;
class QLabel;
class QStackedLayout;

namespace nofade::ui {

class LazyUpdateController;
class ModelSelectionStore;
class ModelStore;

class ModelFigureTab : public QWidget, public ExportSource {
    Q_OBJECT
public:
    ModelFigureTab(ModelStore* workspace, ModelSelectionStore* selection, QWidget* parent = nullptr);

    virtual FigureSpec spec() const = 0;
    QWidget* exportWidget() const override;
    QString exportBaseName() const override { return spec().baseName; }

    const std::vector<ModelChartView*>& views() const { return views_; }
    ModelChart* chart(int i) const { return views_.at(std::size_t(i))->modelChart(); }
    FigureStyle style() const;
    void setStyleName(const QString& name);
    // The 90% CO2 intervals as error bars (on by default).
    bool errorBars() const;
    void setErrorBars(bool on);
    // Shown instead of the charts (e.g. no NoFADE score yet), empty while there are charts.
    QString emptyText() const;
    int rebuilds() const { return rebuilds_; }
    void rebuildNow();

    // Fresh charts of the current spec, selection and (single chart) zoom, in `style`.
    std::vector<std::unique_ptr<ModelChart>> figureCharts(const FigureStyle& style) const;
    bool exportFigure(const QString& file, const FigureSize& size, const FigureStyle& style, QString* error) const override;
    bool hasFigureExport() const override { return true; }
    void copyToClipboard() const;
    void showExportDialog();

protected:
    void changeEvent(QEvent* event) override; // larger type (presentation mode): fewer columns
    QHBoxLayout* controls() const { return controls_; }
    void rebuild(); // now when visible, else when shown
    // Non-empty: the message shown instead of the charts.
    virtual QString emptyMessage() const { return {}; }
    ModelStore* workspace() const { return workspace_; }

private:
    void applySelection();
    void pick(const QSet<int>& rows, ModelChartView::Pick mode);

    ModelStore* workspace_;
    ModelSelectionStore* selection_;
    LazyUpdateController* lazy_;
    QHBoxLayout* controls_;
    QComboBox* style_;
    QCheckBox* errorBars_;
    QStackedLayout* stack_;
    QWidget* grid_;
    QGridLayout* gridLayout_;
    QLabel* empty_;
    std::vector<ModelChartView*> views_;
    int rebuilds_ = 0;
};

} // namespace nofade::ui

#pragma once
// The per-class view of a classification dataset: its classes' entropy distributions as small
// multiples or overlaid, for the classes picked in the list.
#include <QWidget>

#include "export/export_source.h"

class QComboBox;
class QLineEdit;
class QListWidget;
class QStackedWidget;

namespace nofade::ui {

class DatasetComboBox;
class DatasetStore;
class DensityChart;
class SmallMultiplesWidget;
class ZoomableChartView;

class PerClassTab : public QWidget, public ExportSource {
    Q_OBJECT
public:
    QWidget* exportWidget() const override;
    QString exportBaseName() const override { return QStringLiteral("class-histograms"); }
    enum class Mode { SmallMultiples, Overlay };

    explicit PerClassTab(DatasetStore* store, QWidget* parent = nullptr);

    void setDataset(int id);
    int datasetId() const;
    void setMode(Mode mode);
    // Checks exactly these classes (indices into the profile's classes).
    void selectClasses(const std::vector<int>& classes);
    std::vector<int> selectedClasses() const;
    SmallMultiplesWidget* smallMultiples() const { return multiples_; }
    DensityChart* overlayChart() const { return chart_; }

Q_SIGNALS:
    void imagesRequested(int datasetId, int classIndex, double lower, double upper);

protected:
    void changeEvent(QEvent* event) override;

private:
    void fitClassList();
    void fillClassList();
    void applyFilter(); // hides the list's classes whose name does not contain the filter's text
    void rebuild();     // when visible, else on show
    void rebuildNow();

    DatasetStore* store_;
    DatasetComboBox* dataset_;
    QComboBox* mode_;
    QComboBox* bins_;
    QLineEdit* filter_;
    QListWidget* classes_;
    QStackedWidget* stack_;
    SmallMultiplesWidget* multiples_;
    DensityChart* chart_;
    ZoomableChartView* view_;
    bool filling_ = false;
    class LazyUpdateController* lazy_;
};

} // namespace nofade::ui

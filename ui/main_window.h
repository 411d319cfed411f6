#pragma once
// The main window: wires the docks (Datasets, Models, Image inspector), the chart tabs, the menus
// and the status bar. Each view owns its behaviour; this class only connects them.
#include <optional>
#include <QMainWindow>

class QDockWidget;
class QLabel;
class QMenu;
class QTabWidget;

namespace nofade::ui {

class ClassDistanceView;
class DatasetStore;
class DatasetsPanel;
class EntropyHistogramView;
class ImageInspector;
class ModelChartTabs;
class ModelSelection;
class ModelWorkspace;
class PerClassView;
class ScanQueue;
class ScanStatusWidget;
struct ScanSettings;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Start-up: the first start opens the bundled example, later starts restore the last session.
    void startUp(bool restoreSession);
    void openBundledExample();
    // Opens the inspector on a dataset's images (optionally a class and an entropy range).
    void inspect(int datasetId, int classIndex = -1, std::optional<double> lower = {}, std::optional<double> upper = {});
    bool exportCurrentView(const QString& file, QString* error);
    void showSettingsDialog();

    // For the views of part 2 and for tests.
    DatasetStore* datasets() const { return store_; }
    ScanQueue* scanQueue() const { return queue_; }
    DatasetsPanel* datasetsPanel() const { return panel_; }
    QTabWidget* chartTabs() const { return tabs_; }
    QDockWidget* modelsDock() const { return modelsDock_; }
    QDockWidget* inspectorDock() const { return inspectorDock_; }
    QMenu* analysisMenu() const { return analysisMenu_; }
    EntropyHistogramView* histogramView() const { return histogram_; }
    PerClassView* perClassView() const { return perClass_; }
    ClassDistanceView* distanceView() const { return distances_; }
    ImageInspector* inspector() const { return inspector_; }
    ModelWorkspace* modelWorkspace() const { return modelWorkspace_; }
    ModelSelection* modelSelection() const { return modelSelection_; }
    ModelChartTabs* modelCharts() const { return modelCharts_; }
    void applySettings(const ScanSettings& settings, bool rescan);

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createDocks();
    void createMenus();
    void updateRecentMenu();
    void chooseExportFile();
    void showAbout();
    void showHelp();
    void restoreLayout();

    DatasetStore* store_;
    ScanQueue* queue_;
    DatasetsPanel* panel_;
    QTabWidget* tabs_;
    EntropyHistogramView* histogram_;
    PerClassView* perClass_;
    ClassDistanceView* distances_;
    ImageInspector* inspector_;
    QDockWidget* datasetsDock_ = nullptr;
    QDockWidget* modelsDock_ = nullptr;
    QDockWidget* inspectorDock_ = nullptr;
    QMenu* recentMenu_ = nullptr;
    QMenu* analysisMenu_ = nullptr;
    QMenu* viewMenu_ = nullptr;
    ScanStatusWidget* scanStatus_;
    ModelWorkspace* modelWorkspace_;
    ModelSelection* modelSelection_;
    ModelChartTabs* modelCharts_;
};

} // namespace nofade::ui

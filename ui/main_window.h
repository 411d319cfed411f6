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
class ModelEditing;
class ModelSelection;
class ModelSettingsPanel;
class ModelWorkspace;
class ModelsPanel;
class PresentationMode;
class PerClassView;
class ProfileComplexityFeed;
class SessionController;
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
    class TeachingTour* showTeachingTour();
    PresentationMode* presentationMode() const { return presentation_; }

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
    // The model side (part 2): the shared workspace and selection every model view uses.
    ModelWorkspace* modelWorkspace() const { return workspace_; }
    ModelSelection* modelSelection() const { return selection_; }
    ModelEditing* modelEditing() const { return editing_; }
    ModelsPanel* modelsPanel() const { return modelsPanel_; }
    ModelSettingsPanel* modelSettingsPanel() const { return modelSettings_; }
    QDockWidget* modelSettingsDock() const { return modelSettingsDock_; }
    SessionController* sessionController() const { return session_; }
    ModelChartTabs* modelCharts() const { return modelCharts_; }
    void applySettings(const ScanSettings& settings, bool rescan);

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createDocks();
    void showInspectorDock(); // shown, sized and raised, its content unchanged
    void createMenus();
    void updateRecentMenu();
    void chooseExportFile();
    void showAbout();
    void showHelp();
    void showQuickReference();
    void restoreLayout();
    void updateTitle();

    DatasetStore* store_;
    ScanQueue* queue_;
    DatasetsPanel* panel_;
    QTabWidget* tabs_;
    EntropyHistogramView* histogram_;
    PerClassView* perClass_;
    ClassDistanceView* distances_;
    ImageInspector* inspector_;
    ModelWorkspace* workspace_;
    PresentationMode* presentation_;
    ModelSelection* selection_;
    ModelEditing* editing_;
    ProfileComplexityFeed* feed_;
    ModelsPanel* modelsPanel_;
    ModelSettingsPanel* modelSettings_;
    SessionController* session_;
    QDockWidget* modelSettingsDock_ = nullptr;
    QDockWidget* datasetsDock_ = nullptr;
    QDockWidget* modelsDock_ = nullptr;
    QDockWidget* inspectorDock_ = nullptr;
    QMenu* recentMenu_ = nullptr;
    QMenu* analysisMenu_ = nullptr;
    QMenu* viewMenu_ = nullptr;
    ScanStatusWidget* scanStatus_;
    ModelChartTabs* modelCharts_;
};

} // namespace nofade::ui

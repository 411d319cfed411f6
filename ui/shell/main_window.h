#pragma once
// The main window: wires the docks (Datasets, Models, Image inspector), the chart tabs, the menus
// and the status bar. Each view owns its behaviour; this class only connects them. Its parts are
// found by object name (findChild).
#include <optional>
#include <QMainWindow>

class QDockWidget;
class QLabel;
class QMenu;
class QTabWidget;

namespace nofade::ui {

class ClassDistanceTab;
class DatasetController;
class DatasetStore;
class DatasetsPanel;
class EntropyHistogramTab;
class ImageInspectorPanel;
class ModelFiguresController;
class ModelEditingController;
class ModelSelectionStore;
class ModelSettingsPanel;
class ModelStore;
class ModelsPanel;
class PresentationController;
class PerClassTab;
class ProfileComplexityController;
class SessionController;
class ScanController;
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
    class TeachingTourDialog* showTeachingTour();

    void applySettings(const ScanSettings& settings, bool rescan);

    // The window's place on its first start: 90% of the screen's available area, at most
    // 1500 x 950, centred in it.
    static QRect defaultGeometry(const QRect& available);
    // View > Reset layout: the docks as on the first start.
    void resetLayout();

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
    void sizeDefaultDocks();
    void updateTitle();

    DatasetStore* store_;
    ScanController* queue_;
    DatasetController* datasets_;
    DatasetsPanel* panel_;
    QTabWidget* tabs_;
    EntropyHistogramTab* histogram_;
    PerClassTab* perClass_;
    ClassDistanceTab* distances_;
    ImageInspectorPanel* inspector_;
    ModelStore* workspace_;
    PresentationController* presentation_;
    ModelSelectionStore* selection_;
    ModelEditingController* editing_;
    ProfileComplexityController* feed_;
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
    QByteArray defaultState_; // the docks' first-start layout, for Reset layout
    ScanStatusWidget* scanStatus_;
    ModelFiguresController* modelCharts_;
};

} // namespace nofade::ui

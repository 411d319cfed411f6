#pragma once
// The Datasets panel: the table of datasets and the actions on them (add, scan, continue, cancel,
// remove, save/load profile, failures). Opening and scanning is DatasetController's; the panel
// shows it. MainWindow only puts its actions in menus.
#include <QWidget>

class QAction;
class QTableView;

namespace nofade::ui {

class DatasetController;
class DatasetStore;
class DatasetTableModel;
class ScanController;

class DatasetsPanel : public QWidget {
    Q_OBJECT
public:
    explicit DatasetsPanel(DatasetController* datasets, QWidget* parent = nullptr);

    int currentId() const;
    void selectDataset(int id);
    QTableView* table() const { return table_; }
    DatasetTableModel* tableModel() const { return model_; }

    QAction* addFolderAction() const { return addFolder_; }
    QAction* addFilesAction() const { return addFiles_; }
    QAction* loadProfileAction() const { return loadProfile_; }
    QAction* openShardFolderAction() const { return openShardFolder_; }
    QAction* saveProfileAction() const { return saveProfile_; }
    QAction* scanAction() const { return scan_; }
    QAction* restartAction() const { return restart_; }
    QAction* quickEstimateAction() const { return quickEstimate_; }
    QAction* cancelAction() const { return cancel_; }
    QAction* removeAction() const { return remove_; }
    QAction* failuresAction() const { return failures_; }
    QAction* inspectAction() const { return inspect_; }

    void showFailures(int id);

Q_SIGNALS:
    void currentDatasetChanged(int id); // the current row changed, or a row was clicked
    void inspectRequested(int id);
    void statusMessage(const QString& text);
    void recentDatasetsChanged();

private:
    void createActions();
    void updateActions();
    void chooseFolder();
    void chooseFiles();
    void chooseProfileToLoad();
    void chooseShardFolder();
    void chooseProfileToSave();
    void showError(const QString& title, const QString& text);

    DatasetController* datasets_;
    DatasetStore* store_;
    ScanController* queue_;
    DatasetTableModel* model_;
    QTableView* table_;
    QAction* addFolder_ = nullptr;
    QAction* addFiles_ = nullptr;
    QAction* loadProfile_ = nullptr;
    QAction* openShardFolder_ = nullptr;
    QAction* saveProfile_ = nullptr;
    QAction* scan_ = nullptr;
    QAction* restart_ = nullptr;
    QAction* quickEstimate_ = nullptr;
    QAction* cancel_ = nullptr;
    QAction* remove_ = nullptr;
    QAction* failures_ = nullptr;
    QAction* inspect_ = nullptr;
};

} // namespace nofade::ui

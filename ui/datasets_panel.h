#pragma once
// The Datasets panel: the table of datasets and the actions on them (add, scan, continue, cancel,
// remove, save/load profile, failures). It owns its behaviour; MainWindow only puts its actions
// in menus.
#include <map>
#include <QWidget>

#include "profile_files.h"
#include "shard_folder_watcher.h"

class QAction;
class QTableView;

namespace nofade::ui {

class DatasetStore;
class DatasetTableModel;
class ScanQueue;

class DatasetsPanel : public QWidget {
    Q_OBJECT
public:
    DatasetsPanel(DatasetStore* store, ScanQueue* queue, QWidget* parent = nullptr);

    // Adds a dataset folder or file and queues its scan; an already present path is selected
    // instead. Returns the dataset's id (0 when the path does not exist, with a message).
    int addPath(const QString& path, bool scan = true);
    // Adds a loaded profile as a dataset (an error is shown when it failed); returns its id or 0.
    int addLoadedProfile(const LoadedProfile& loaded);
    // Reads a profile file in a worker and adds it when ready.
    void loadProfileFile(const QString& file);
    // Adds a dataset whose profile is the merge of the shard profiles in `folder` (a Slurm job
    // array's --out-dir), kept up to date as shards arrive; returns its id (0: not a folder).
    int openShardFolder(const QString& folder);
    bool saveProfile(int id, const QString& file, QString* error);

    int currentId() const;
    void selectDataset(int id);
    QTableView* table() const { return table_; }

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

    void scanDataset(int id, bool restart);
    // Scans a random sample and shows estimates with 95% intervals; Continue completes it.
    void quickEstimate(int id);
    void showFailures(int id);

Q_SIGNALS:
    void currentDatasetChanged(int id);
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
    void applyShardSnapshot(int id, const ShardFolderSnapshot& snapshot);
    void chooseProfileToSave();
    void showError(const QString& title, const QString& text);

    DatasetStore* store_;
    ScanQueue* queue_;
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
    std::map<int, ShardFolderWatcher*> shardWatchers_; // by dataset id
};

} // namespace nofade::ui

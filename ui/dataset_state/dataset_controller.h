#pragma once
// Opens what the user points at — a dataset folder, an IDX or CIFAR file, a saved profile, a
// folder of shard profiles — as a dataset of the session, and starts, continues or samples its
// scan. One path for the Datasets panel, drag and drop, the command line and sessions; it shows
// nothing itself: errors, status and the dataset to select come out as signals.
#include <map>
#include <QObject>

#include "dataset_state/profile_files.h"
#include "dataset_state/shard_folder_controller.h"

class QUndoStack;

namespace nofade::ui {

class DatasetStore;
struct DatasetEntry;
class ScanController;

class DatasetController : public QObject {
    Q_OBJECT
public:
    DatasetController(DatasetStore* store, ScanController* scans, QObject* parent = nullptr);

    DatasetStore* store() const { return store_; }
    ScanController* scans() const { return scans_; }

    // Whatever `path` is: a profile (.json) is loaded, anything else added as a dataset.
    void open(const QString& path);
    // Adds a dataset folder or file and queues its scan; an already present path is selected
    // instead. Returns the dataset's id (0 when the path does not exist, with an error).
    int addPath(const QString& path, bool scan = true);
    // Adds a loaded profile as a dataset (an error when it failed); returns its id or 0.
    int addLoadedProfile(const LoadedProfile& loaded);
    // Reads a profile file in a worker and adds it when ready.
    void loadProfileFile(const QString& file);
    // Adds a dataset whose profile is the merge of the shard profiles in `folder` (a Slurm job
    // array's --out-dir), kept up to date as shards arrive; returns its id (0: not a folder).
    int openShardFolder(const QString& folder);
    bool saveProfile(int id, const QString& file, QString* error);

    // Removes a dataset as a step of `undo` (when set), so Edit ▸ Undo brings it back.
    void remove(int id);
    void setUndoStack(QUndoStack* undo) { undo_ = undo; }

    // Scans a dataset: continues an incomplete profile, or analyses everything again (restart).
    void scan(int id, bool restart);
    // Scans a random sample and shows estimates with 95% intervals; Continue completes it. Never
    // for a dataset with an exact profile: an estimate must not replace it.
    void quickEstimate(int id);
    static bool hasExactProfile(const DatasetEntry& e);

Q_SIGNALS:
    void selectRequested(int id); // a profile or shard folder was opened, or an open dataset asked for again
    void datasetAdded(int id);    // a dataset folder or file was added
    void error(const QString& title, const QString& text);
    void statusMessage(const QString& text);
    void recentDatasetsChanged();

private:
    void applyShardSnapshot(int id, const ShardFolderSnapshot& snapshot);
    bool imagesAvailable(int id);

    DatasetStore* store_;
    ScanController* scans_;
    std::map<int, ShardFolderController*> shardWatchers_; // by dataset id
    QUndoStack* undo_ = nullptr;
};

} // namespace nofade::ui

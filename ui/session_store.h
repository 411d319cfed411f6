#pragma once
// Nothing lost between sessions: the open datasets (name, task, measure, path) are remembered in
// QSettings and their profiles cached as JSON under the application's data folder, then reloaded
// (in a worker) at the next start, without scanning again.
#include <QString>
#include <QVariantList>

namespace nofade::ui {

class DatasetStore;
class DatasetsPanel;

class SessionStore {
public:
    static QString cacheDirectory();
    // Returns false with `error` when some profile could not be written (the rest is saved).
    static bool save(const DatasetStore& store, QString* error);
    // Re-adds the remembered datasets; returns how many.
    static int restore(DatasetsPanel* panel, DatasetStore* store);
    // Re-adds datasets described as maps (name, path, task, measure, profile, shards): a shard
    // folder that still exists is watched again, a profile file is loaded in a worker, else the
    // dataset's path is added without scanning.
    static int restoreList(DatasetsPanel* panel, DatasetStore* store, const QVariantList& list);
    static bool hasSession();
};

} // namespace nofade::ui

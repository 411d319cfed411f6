#pragma once
// The datasets of a session: written as the session file's `datasets` list and brought back in
// the same order (so their colours stay), each as it was kept: a watched shard folder, a profile
// file loaded in a worker, or the dataset's path added without scanning.
#include <vector>
#include <QString>

#include "documents/session_file.h"

namespace nofade::ui {

class DatasetController;
class DatasetStore;

// The session's datasets. With `profileCache` set, every profile is written there first (so the
// next start needs no scan and does not depend on the user's files since); `error` names the
// first that failed.
std::vector<SessionDataset> captureDatasets(const DatasetStore& store, const QString& profileCache = {},
                                            QString* error = nullptr);

// Re-adds `datasets` in their order, after the store's. Profiles read from `profileCache` are
// not the user's files: the datasets show as scanned, with no profile file of their own.
void restoreDatasets(DatasetController* controller, const std::vector<SessionDataset>& datasets,
                     const QString& profileCache = {});

} // namespace nofade::ui

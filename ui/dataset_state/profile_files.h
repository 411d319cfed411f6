#pragma once
// Profiles on disk as the core's versioned JSON (nofade.profile/1). Saving goes through QSaveFile
// (the old file stays intact if anything fails); loading parses and computes the class distances
// in a worker so that large profiles never freeze the GUI.
#include <memory>
#include <QFuture>
#include <QString>

#include "dataset_state/dataset_entry.h"

namespace nofade::ui {

struct LoadedProfile {
    QString file;
    std::shared_ptr<const Profile> profile; // null on failure
    std::shared_ptr<const JsdSummary> jsd;
    std::shared_ptr<const DatasetSource> source; // the images, when they are still where the profile says
    QString error;                               // names the file and the reason
};

class ProfileFiles {
public:
    // Writes the profile with its per-image entropies (so the inspector works after reloading).
    // Returns false with `error` naming the file and the reason.
    static bool save(const Profile& profile, const QString& file, QString* error);
    static LoadedProfile load(const QString& file);
    static QFuture<LoadedProfile> loadAsync(const QString& file);
    static QString fileFilter();
};

} // namespace nofade::ui

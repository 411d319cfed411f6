#include "session/session_datasets.h"

#include <memory>
#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>

#include "dataset_state/dataset_controller.h"
#include "dataset_state/dataset_store.h"
#include "dataset_state/profile_files.h"

namespace nofade::ui {

std::vector<SessionDataset> captureDatasets(const DatasetStore& store, const QString& profileCache, QString* error)
{
    QDir cache(profileCache);
    if (!profileCache.isEmpty()) {
        cache.mkpath(QStringLiteral("."));
        for (const QString& old : cache.entryList({QStringLiteral("*.profile.json")}, QDir::Files))
            cache.remove(old);
    }
    std::vector<SessionDataset> out;
    for (int row = 0; row < store.count(); ++row) {
        const DatasetEntry& e = store.at(row);
        SessionDataset d{e.name, e.path, taskName(e.task), measureName(e.measure), e.profileFile, e.shardFolder};
        if (!profileCache.isEmpty() && e.profile && e.shardFolder.isEmpty()) {
            const QString file = cache.filePath(QStringLiteral("dataset-%1.profile.json").arg(row));
            QString why;
            if (ProfileFiles::save(*e.profile, file, &why))
                d.profile = file;
            else if (error && error->isEmpty())
                *error = why;
        }
        out.push_back(d);
    }
    return out;
}

namespace {

// The session's name, task and measure over what opening the dataset guessed.
void applyMeta(DatasetStore* store, int id, const SessionDataset& d, bool fromCache)
{
    if (id == 0)
        return;
    store->update(id, DatasetStore::MetaChanged | DatasetStore::StateChanged, [&](DatasetEntry& e) {
        if (!d.name.isEmpty())
            e.name = d.name;
        e.task = taskFromName(d.task).value_or(e.task);
        e.measure = complexityMeasureFromName(d.measure).value_or(ComplexityMeasure::JensenShannon);
        if (fromCache) {
            e.profileFile.clear(); // the cache is not the user's file
            if (e.state == DatasetState::Loaded)
                e.state = DatasetState::Scanned;
        }
    });
}

// One dataset, then the next: a profile loads in a worker, and the next waits for it, so the
// datasets come back in the session's order.
void restoreFrom(DatasetController* controller, std::shared_ptr<const std::vector<SessionDataset>> list,
                 const QString& cache, std::size_t i)
{
    for (; i < list->size(); ++i) {
        const SessionDataset& d = (*list)[i];
        if (!d.shardFolder.isEmpty() && QFileInfo(d.shardFolder).isDir()) {
            // Watched again, so shards that arrive after the restart are merged in.
            applyMeta(controller->store(), controller->openShardFolder(d.shardFolder), d, false);
        } else if (!d.profile.isEmpty() && QFileInfo::exists(d.profile)) {
            auto* watcher = new QFutureWatcher<LoadedProfile>(controller);
            QObject::connect(watcher, &QFutureWatcher<LoadedProfile>::finished, controller, [=] {
                const bool cached = !cache.isEmpty() && QFileInfo(d.profile).absolutePath() == QDir(cache).absolutePath();
                applyMeta(controller->store(), controller->addLoadedProfile(watcher->result()), d, cached);
                watcher->deleteLater();
                restoreFrom(controller, list, cache, i + 1);
            });
            watcher->setFuture(ProfileFiles::loadAsync(d.profile));
            return;
        } else if (QFileInfo::exists(d.path)) {
            applyMeta(controller->store(), controller->addPath(d.path, false), d, false);
        }
    }
}

} // namespace

void restoreDatasets(DatasetController* controller, const std::vector<SessionDataset>& datasets,
                     const QString& profileCache)
{
    restoreFrom(controller, std::make_shared<const std::vector<SessionDataset>>(datasets), profileCache, 0);
}

} // namespace nofade::ui

#include "dataset_state/dataset_controller.h"

#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QUndoStack>

#include "dataset_state/dataset_store.h"
#include "dataset_state/remove_dataset_command.h"
#include "dataset_state/scan_controller.h"
#include "profile/profile_merge.h"
#include "shell/app_settings.h"

namespace nofade::ui {

namespace {
// A readable default name: the folder's name, or for a file its folder's name and the file.
QString defaultName(const QString& path)
{
    const QFileInfo info(path);
    if (info.isDir())
        return info.fileName().isEmpty() ? path : info.fileName();
    return QStringLiteral("%1/%2").arg(info.dir().dirName(), info.completeBaseName());
}
} // namespace

DatasetController::DatasetController(DatasetStore* store, ScanController* scans, QObject* parent)
    : QObject(parent), store_(store), scans_(scans)
{
    setObjectName(QStringLiteral("datasetController"));
    connect(store_, &DatasetStore::removed, this, [this](int id) {
        if (const auto w = shardWatchers_.find(id); w != shardWatchers_.end()) {
            delete w->second;
            shardWatchers_.erase(w);
        }
    });
}

void DatasetController::open(const QString& path)
{
    if (path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive))
        loadProfileFile(path);
    else
        addPath(path);
}

int DatasetController::addPath(const QString& path, bool scan)
{
    if (!QFileInfo::exists(path)) {
        Q_EMIT error(tr("Cannot add dataset"), tr("%1: no such file or folder").arg(path));
        return 0;
    }
    if (const DatasetEntry* existing = store_->findByPath(path)) {
        Q_EMIT selectRequested(existing->id);
        Q_EMIT statusMessage(tr("%1 is already open").arg(existing->name));
        return existing->id;
    }
    DatasetEntry e;
    e.name = defaultName(path);
    e.path = QFileInfo(path).absoluteFilePath();
    const int id = store_->add(std::move(e));
    AppSettings::addRecentDataset(QFileInfo(path).absoluteFilePath());
    Q_EMIT recentDatasetsChanged();
    Q_EMIT datasetAdded(id);
    if (scan)
        scans_->enqueue(id);
    return id;
}

int DatasetController::addLoadedProfile(const LoadedProfile& loaded)
{
    if (!loaded.profile) {
        Q_EMIT error(tr("Cannot load profile"), loaded.error);
        return 0;
    }
    DatasetEntry e;
    e.name = QFileInfo(loaded.file).completeBaseName();
    e.path = loaded.profile->source.path;
    e.format = loaded.profile->source.format;
    e.profile = loaded.profile;
    e.jsd = loaded.jsd;
    e.source = loaded.source;
    e.profileFile = loaded.file;
    e.state = loaded.profile->complete ? DatasetState::Loaded : DatasetState::Partial;
    if (e.profile->classes.size() < 2) {
        e.task = DatasetTask::Detection;
        e.measure = ComplexityMeasure::Entropy;
    }
    if (!loaded.source)
        e.warnings << tr("The images of this profile (%1) are not available: the inspector shows entropies only.")
                          .arg(e.path);
    const int id = store_->add(std::move(e));
    Q_EMIT selectRequested(id);
    Q_EMIT statusMessage(tr("Loaded profile %1").arg(loaded.file));
    return id;
}

void DatasetController::loadProfileFile(const QString& file)
{
    auto* watcher = new QFutureWatcher<LoadedProfile>(this);
    connect(watcher, &QFutureWatcher<LoadedProfile>::finished, this, [this, watcher] {
        addLoadedProfile(watcher->result());
        watcher->deleteLater();
    });
    watcher->setFuture(ProfileFiles::loadAsync(file));
    Q_EMIT statusMessage(tr("Loading profile %1…").arg(file));
}

int DatasetController::openShardFolder(const QString& folder)
{
    const QFileInfo info(folder);
    if (!info.isDir()) {
        Q_EMIT error(tr("Cannot open shard folder"), tr("%1: not a folder").arg(folder));
        return 0;
    }
    const QString path = info.absoluteFilePath();
    for (const auto& [id, watcher] : shardWatchers_)
        if (watcher->folder() == path) {
            Q_EMIT selectRequested(id);
            return id;
        }
    DatasetEntry e;
    // nofade-submit.sh writes OUTDIR/shards: the run is better named by OUTDIR.
    e.name = info.fileName() == QLatin1String("shards") ? info.dir().dirName() : info.fileName();
    e.path = path;
    e.shardFolder = path;
    e.state = DatasetState::Partial;
    const int id = store_->add(std::move(e));
    auto* watcher = new ShardFolderController(path, this);
    shardWatchers_[id] = watcher;
    connect(watcher, &ShardFolderController::updated, this,
            [this, id](const ShardFolderSnapshot& snapshot) { applyShardSnapshot(id, snapshot); });
    Q_EMIT selectRequested(id);
    Q_EMIT statusMessage(tr("Watching %1 for shard profiles").arg(path));
    return id;
}

void DatasetController::applyShardSnapshot(int id, const ShardFolderSnapshot& s)
{
    const bool first = s.merged && store_->find(id) && !store_->find(id)->profile;
    store_->update(id, DatasetStore::ProfileChanged | DatasetStore::StateChanged | DatasetStore::MetaChanged,
                   [&](DatasetEntry& d) {
                       if (s.merged) {
                           d.profile = s.merged;
                           d.jsd = s.jsd;
                           d.format = s.merged->source.format;
                       }
                       if (first && s.merged->classes.size() < 2) {
                           d.task = DatasetTask::Detection;
                           d.measure = ComplexityMeasure::Entropy;
                       }
                       d.state = s.complete() ? DatasetState::Loaded : DatasetState::Partial;
                       d.warnings.clear();
                       if (!s.error.isEmpty())
                           d.warnings << s.error;
                       else if (!s.missing.empty())
                           d.warnings << tr("Waiting for shards %1").arg(describeShardList(s.missing));
                       d.warnings += s.skipped;
                   });
    const DatasetEntry* e = store_->find(id);
    if (e && e->profile)
        Q_EMIT statusMessage(tr("%1: %2").arg(e->name, shardProgressText(*e->profile)));
    if (!s.error.isEmpty())
        Q_EMIT statusMessage(s.error);
}

bool DatasetController::saveProfile(int id, const QString& file, QString* error)
{
    const DatasetEntry* e = store_->find(id);
    if (!e || !e->profile) {
        *error = tr("the dataset has no profile yet: scan it first");
        return false;
    }
    if (!ProfileFiles::save(*e->profile, file, error))
        return false;
    store_->update(id, DatasetStore::MetaChanged, [&file](DatasetEntry& d) { d.profileFile = file; });
    Q_EMIT statusMessage(tr("Saved profile of %1 to %2").arg(e->name, file));
    return true;
}

bool DatasetController::imagesAvailable(int id)
{
    const DatasetEntry* e = store_->find(id);
    if (e->source || QFileInfo::exists(e->path))
        return true;
    Q_EMIT error(tr("Cannot scan"), tr("%1: the dataset's images are not available at this path").arg(e->path));
    return false;
}

void DatasetController::scan(int id, bool restart)
{
    const DatasetEntry* e = store_->find(id);
    if (!e || !e->shardFolder.isEmpty() || !imagesAvailable(id))
        return;
    const bool partial = e->profile && !e->profile->complete;
    scans_->enqueue(id, restart ? ScanController::Mode::Reanalyse
                         : partial ? ScanController::Mode::Continue
                                   : ScanController::Mode::Restart);
}

void DatasetController::remove(int id)
{
    const DatasetEntry* e = store_->find(id);
    if (!e)
        return;
    if (!undo_) {
        store_->remove(id);
        return;
    }
    const QString name = e->name;
    undo_->push(new RemoveDatasetCommand(this, id)); // removes it
    Q_EMIT statusMessage(tr("Removed %1 (Edit ▸ Undo brings it back)").arg(name));
}

bool DatasetController::hasExactProfile(const DatasetEntry& e)
{
    return e.profile && e.profile->complete && !e.profile->sample;
}

void DatasetController::quickEstimate(int id)
{
    const DatasetEntry* e = store_->find(id);
    if (!e)
        return;
    if (hasExactProfile(*e)) {
        Q_EMIT statusMessage(tr("%1 is scanned exactly: a quick estimate would only replace exact numbers with "
                                "estimated ones").arg(e->name));
        return;
    }
    if (imagesAvailable(id))
        scans_->enqueue(id, ScanController::Mode::Sample);
}

} // namespace nofade::ui

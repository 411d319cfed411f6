#include "session_store.h"

#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QSettings>
#include <QStandardPaths>

#include "dataset_store.h"
#include "datasets_panel.h"
#include "profile_files.h"

namespace nofade::ui {

QString SessionStore::cacheDirectory()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)).filePath(QStringLiteral("session"));
}

bool SessionStore::save(const DatasetStore& store, QString* error)
{
    QDir dir(cacheDirectory());
    dir.mkpath(QStringLiteral("."));
    for (const QString& old : dir.entryList({QStringLiteral("*.profile.json")}, QDir::Files))
        dir.remove(old);
    QVariantList list;
    bool ok = true;
    for (int row = 0; row < store.count(); ++row) {
        const DatasetEntry& e = store.at(row);
        QVariantMap m;
        m[QStringLiteral("name")] = e.name;
        m[QStringLiteral("path")] = e.path;
        m[QStringLiteral("task")] = taskName(e.task);
        m[QStringLiteral("measure")] = measureName(e.measure);
        m[QStringLiteral("shards")] = e.shardFolder;
        if (e.profile) {
            const QString file = dir.filePath(QStringLiteral("dataset-%1.profile.json").arg(row));
            QString why;
            if (ProfileFiles::save(*e.profile, file, &why))
                m[QStringLiteral("profile")] = file;
            else if (ok) {
                *error = why;
                ok = false;
            }
        }
        list.append(m);
    }
    QSettings().setValue(QStringLiteral("session/datasets"), list);
    return ok;
}

bool SessionStore::hasSession() { return !QSettings().value(QStringLiteral("session/datasets")).toList().isEmpty(); }

int SessionStore::restore(DatasetsPanel* panel, DatasetStore* store)
{
    return restoreList(panel, store, QSettings().value(QStringLiteral("session/datasets")).toList());
}

int SessionStore::restoreList(DatasetsPanel* panel, DatasetStore* store, const QVariantList& list)
{
    for (const QVariant& v : list) {
        const QVariantMap m = v.toMap();
        auto applyMeta = [store, m](int id) {
            if (id == 0)
                return;
            store->update(id, DatasetStore::MetaChanged | DatasetStore::StateChanged, [&m](DatasetEntry& e) {
                e.name = m.value(QStringLiteral("name"), e.name).toString();
                e.task = taskFromName(m.value(QStringLiteral("task")).toString()).value_or(e.task);
                e.measure = m.value(QStringLiteral("measure")).toString() == measureName(ComplexityMeasure::Entropy)
                                ? ComplexityMeasure::Entropy
                                : ComplexityMeasure::JsDistance;
                e.profileFile.clear(); // the cache is not the user's file
                if (e.state == DatasetState::Loaded)
                    e.state = DatasetState::Scanned;
            });
        };
        const QString profile = m.value(QStringLiteral("profile")).toString();
        const QString shards = m.value(QStringLiteral("shards")).toString();
        if (!shards.isEmpty() && QFileInfo(shards).isDir()) {
            // Watched again, so shards that arrive after the restart are merged in.
            applyMeta(panel->openShardFolder(shards));
        } else if (!profile.isEmpty() && QFileInfo::exists(profile)) {
            // Loaded in order, each in a worker.
            auto* watcher = new QFutureWatcher<LoadedProfile>(panel);
            QObject::connect(watcher, &QFutureWatcher<LoadedProfile>::finished, panel, [panel, watcher, applyMeta] {
                applyMeta(panel->addLoadedProfile(watcher->result()));
                watcher->deleteLater();
            });
            watcher->setFuture(ProfileFiles::loadAsync(profile));
        } else if (QFileInfo::exists(m.value(QStringLiteral("path")).toString())) {
            applyMeta(panel->addPath(m.value(QStringLiteral("path")).toString(), false));
        }
    }
    return int(list.size());
}

} // namespace nofade::ui

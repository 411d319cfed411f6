#include "dataset_state/shard_folder_controller.h"

#include <algorithm>
#include <set>
#include <QDir>
#include <QFile>
#include <QFileSystemWatcher>
#include <QLocale>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include "profile/profile_json_reader.h"
#include "profile/profile_merge.h"

namespace nofade::ui {

QString shardProgressText(const Profile& merged)
{
    const QLocale l;
    return QStringLiteral("%1 of %2 shards · %3 images")
        .arg(QString::number(merged.source.shards.size()), QString::number(merged.source.shardCount),
             l.toString(qlonglong(merged.images())));
}

ShardFolderSnapshot readShardFolder(const QString& folder, ShardFileCache& cache)
{
    ShardFolderSnapshot s;
    s.folder = folder;
    const QDir dir(folder);
    if (!dir.exists()) {
        s.error = QStringLiteral("%1: the folder does not exist (any more)").arg(folder);
        cache.files.clear();
        return s;
    }
    // Shard files are written atomically (QSaveFile: a temporary name, then a rename), so a
    // *.json file is always whole.
    const QFileInfoList infos = dir.entryInfoList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    std::map<QString, ShardFileCache::Entry> fresh;
    for (const QFileInfo& info : infos) {
        ShardFileCache::Entry entry;
        const auto old = cache.files.find(info.fileName());
        if (old != cache.files.end() && old->second.size == info.size() && old->second.modified == info.lastModified()) {
            entry = old->second;
        } else {
            entry.size = info.size();
            entry.modified = info.lastModified();
            QFile f(info.filePath());
            QString error;
            if (!f.open(QIODevice::ReadOnly))
                entry.error = QStringLiteral("cannot read: %1").arg(f.errorString());
            else if (auto p = readProfileJson(f, &error))
                entry.profile = std::make_shared<const Profile>(std::move(*p));
            else
                entry.error = QStringLiteral("not a NoFADE profile: %1").arg(error);
        }
        fresh.emplace(info.fileName(), std::move(entry));
    }
    cache.files = std::move(fresh);

    // The file holding the most shards first: a merged profile left beside its shards stands for
    // them, and any file overlapping what is already held is left out.
    std::vector<std::pair<QString, std::shared_ptr<const Profile>>> profiles;
    for (const auto& [name, entry] : cache.files) {
        if (entry.profile)
            profiles.emplace_back(name, entry.profile);
        else
            s.skipped << QStringLiteral("%1: %2").arg(name, entry.error);
    }
    std::stable_sort(profiles.begin(), profiles.end(), [](const auto& a, const auto& b) {
        return a.second->source.shards.size() > b.second->source.shards.size();
    });
    std::vector<Profile> parts;
    QStringList labels;
    std::set<int> held;
    for (const auto& [name, profile] : profiles) {
        const bool overlaps = std::any_of(profile->source.shards.begin(), profile->source.shards.end(),
                                          [&](int shard) { return held.count(shard) > 0; });
        if (overlaps && profile->source.shardCount == (parts.empty() ? 0 : parts.front().source.shardCount)) {
            s.skipped << QStringLiteral("%1: holds shards another file already holds").arg(name);
            continue;
        }
        held.insert(profile->source.shards.begin(), profile->source.shards.end());
        parts.push_back(*profile);
        labels << name;
    }
    if (parts.empty()) {
        if (!s.skipped.isEmpty())
            s.error = QStringLiteral("%1: no shard profile could be read (%2)").arg(folder, s.skipped.join(QStringLiteral("; ")));
        return s;
    }
    QString error;
    auto merged = mergeProfiles(parts, &error, labels);
    if (!merged) {
        s.error = QStringLiteral("%1: the shards cannot be merged: %2").arg(folder, error);
        return s;
    }
    s.files = int(parts.size());
    s.missing = missingShards(*merged);
    s.jsd = std::make_shared<const JsdSummary>(merged->jsd());
    s.merged = std::make_shared<const Profile>(std::move(*merged));
    return s;
}

ShardFolderController::ShardFolderController(const QString& folder, QObject* parent)
    : ShardFolderController(folder, Options{}, parent)
{
}

ShardFolderController::ShardFolderController(const QString& folder, Options options, QObject* parent)
    : QObject(parent), folder_(folder), poll_(new QTimer(this)), debounce_(new QTimer(this))
{
    snapshot_.folder = folder;
    // A burst of arriving files (many tasks ending together) becomes one read.
    debounce_->setSingleShot(true);
    debounce_->setInterval(150);
    connect(debounce_, &QTimer::timeout, this, &ShardFolderController::refresh);
    if (options.fileSystemWatcher) {
        fsWatcher_ = new QFileSystemWatcher(this);
        fsWatcher_->addPath(folder);
        connect(fsWatcher_, &QFileSystemWatcher::directoryChanged, debounce_, qOverload<>(&QTimer::start));
    }
    poll_->setInterval(std::max(options.pollMs, 50));
    connect(poll_, &QTimer::timeout, this, &ShardFolderController::refresh);
    poll_->start();
    connect(&reading_, &QFutureWatcher<ReadResult>::finished, this, &ShardFolderController::readFinished);
    refresh();
}

ShardFolderController::~ShardFolderController()
{
    reading_.waitForFinished();
}

void ShardFolderController::refresh()
{
    if (reading_.isRunning()) {
        readAgain_ = true;
        return;
    }
    reading_.setFuture(QtConcurrent::run(&ShardFolderController::read, folder_, cache_));
}

ShardFolderController::ReadResult ShardFolderController::read(const QString& folder, ShardFileCache cache)
{
    ReadResult r;
    r.snapshot = readShardFolder(folder, cache);
    for (const auto& [name, entry] : cache.files)
        r.signature += QStringLiteral("%1|%2|%3\n").arg(name).arg(entry.size).arg(entry.modified.toMSecsSinceEpoch());
    if (!r.snapshot.error.isEmpty())
        r.signature += r.snapshot.error;
    r.cache = std::move(cache);
    return r;
}

void ShardFolderController::readFinished()
{
    ReadResult r = reading_.result();
    cache_ = std::move(r.cache);
    const bool changed = r.signature != signature_ || !snapshot_.merged != !r.snapshot.merged;
    signature_ = r.signature;
    snapshot_ = std::move(r.snapshot);
    if (readAgain_) {
        readAgain_ = false;
        refresh();
    }
    if (changed)
        Q_EMIT updated(snapshot_);
}

} // namespace nofade::ui

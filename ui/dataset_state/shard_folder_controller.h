#pragma once
// A folder of shard profiles (`nofade-cli scan --shard auto --out-dir DIR` from a Slurm job array)
// as it fills: every time a file arrives or changes, the profiles are read in a worker and merged,
// and the merge so far is announced with how many of the N shards it holds. Files are noticed by
// QFileSystemWatcher and, since inotify does not see files written by other machines on NFS or
// Lustre (exactly where a cluster writes), by polling as well.
#include <map>
#include <memory>
#include <vector>
#include <QDateTime>
#include <QFutureWatcher>
#include <QObject>
#include <QStringList>

#include "maths/jensen_shannon.h"
#include "profile/profile.h"

class QFileSystemWatcher;
class QTimer;

namespace nofade::ui {

struct ShardFolderSnapshot {
    QString folder;
    std::shared_ptr<const Profile> merged; // null until a shard profile could be read and merged
    std::shared_ptr<const JsdSummary> jsd;
    std::vector<int> missing;              // shards of N no file holds yet
    int files = 0;                         // profile files that went into the merge
    QStringList skipped;                   // "file: why" for JSON files left out
    QString error;                         // why the shards cannot be merged (names the files)

    int shardCount() const { return merged ? merged->source.shardCount : 0; }
    int shardsPresent() const { return merged ? int(merged->source.shards.size()) : 0; }
    // Every shard is there and none was stopped before its end.
    bool complete() const { return merged && merged->complete && missing.empty(); }
};

// "3 of 16 shards · 187,500 images" for a merged profile.
QString shardProgressText(const Profile& merged);

// A parsed profile file, kept while its size and modification time stay the same.
struct ShardFileCache {
    struct Entry {
        qint64 size = -1;
        QDateTime modified;
        std::shared_ptr<const Profile> profile; // null: `error` says why
        QString error;
    };
    std::map<QString, Entry> files; // by file name
};

// Reads every *.json profile of `folder` (parsing only files new or changed since `cache`) and
// merges them. A file whose shards are already held by another (say a merged profile left in
// the folder) is skipped, the file holding more shards winning. Runs on any thread.
ShardFolderSnapshot readShardFolder(const QString& folder, ShardFileCache& cache);

class ShardFolderController : public QObject {
    Q_OBJECT
public:
    struct Options {
        bool fileSystemWatcher = true; // off: polling only (what a network file system gives)
        int pollMs = 2000;
    };
    ShardFolderController(const QString& folder, Options options, QObject* parent = nullptr);
    explicit ShardFolderController(const QString& folder, QObject* parent = nullptr);
    ~ShardFolderController() override; // waits for a read in progress

    QString folder() const { return folder_; }
    const ShardFolderSnapshot& snapshot() const { return snapshot_; }
    // Reads the folder again now (a read already running is followed by one more).
    void refresh();

Q_SIGNALS:
    // After a read that found something different from the previous one.
    void updated(const nofade::ui::ShardFolderSnapshot& snapshot);

private:
    struct ReadResult {
        ShardFolderSnapshot snapshot;
        ShardFileCache cache;
        QString signature; // the files' names, sizes and times: "nothing changed" without parsing
    };
    static ReadResult read(const QString& folder, ShardFileCache cache);
    void readFinished();

    QString folder_;
    QFileSystemWatcher* fsWatcher_ = nullptr;
    QTimer* poll_;
    QTimer* debounce_;
    QFutureWatcher<ReadResult> reading_;
    bool readAgain_ = false;
    ShardFileCache cache_;
    QString signature_;
    ShardFolderSnapshot snapshot_;
};

} // namespace nofade::ui

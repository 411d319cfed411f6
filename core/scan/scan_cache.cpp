#include "scan/scan_cache.h"

#include <atomic>
#include <chrono>
#include <mutex>
#include <vector>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include "datasets/dataset_format.h"

namespace nofade {

namespace {

// Bump when the tables change: an older cache is then rebuilt rather than misread.
// 2: the decode key moved to its own table; items refer to it by number (smaller, faster inserts).
constexpr char kLayout[] = "nofade.scan-cache/2";
// Results are committed at most this long after they come in: what a kill -9 can lose.
constexpr auto kCommitInterval = std::chrono::milliseconds(500);

// Everything that changes one image's entropy, plus the dataset it belongs to: results saved
// under another key are never used. The version is included because a fix to the decoder or
// the entropy must not be hidden by results of the old code.
QString decodeKey(const DatasetSource& source, const ProfileSettings& settings)
{
    QFileInfo root(source.rootPath());
    const QString rootPath = root.exists() ? root.canonicalFilePath() : root.absoluteFilePath();
    return QStringLiteral("nofade %1; %2; gray=%3; max_pixels=%4; %5")
        .arg(QStringLiteral(NOFADE_VERSION), datasetFormatName(source.format()), grayModeName(settings.gray))
        .arg(settings.limits.maxPixels)
        .arg(rootPath);
}

QString itemKey(const PathText& path)
{
    return path.escaped ? QStringLiteral("e:") + path.text : QStringLiteral("u:") + path.text;
}

QString sqlError(const QSqlError& e)
{
    const QString text = e.text().trimmed();
    return text.isEmpty() ? QStringLiteral("unknown database error") : text;
}

struct Pending {
    std::int64_t item;
    int classIndex;
    double entropy;
    FileStamp stamp;
};

} // namespace

struct ScanCache::Private {
    QString file;
    QString connection;
    QSqlDatabase db;
    // Set by prepare().
    const DatasetSource* source = nullptr;
    qlonglong decodeId = -1; // the row of the decode key in `decodes`; -1: results are not saved
    QStringList classNames;
    std::int64_t reused = 0;
    std::atomic<std::int64_t> analysed{0};
    QString writeError;
    // Filled by the workers, emptied by flush() on the owning thread.
    std::mutex mutex;
    std::vector<Pending> pending;
    std::chrono::steady_clock::time_point lastCommit = std::chrono::steady_clock::now();

    bool exec(const QString& sql, QString* error)
    {
        QSqlQuery q(db);
        if (q.exec(sql))
            return true;
        *error = sqlError(q.lastError());
        return false;
    }

    struct Check {
        QString problem;       // empty: a cache of our layout that SQLite finds sound
        bool otherVersion = false; // a sound cache of another version's layout
    };

    Check checkExisting()
    {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("PRAGMA quick_check")) || !q.next())
            return {sqlError(q.lastError())};
        if (q.value(0).toString() != QLatin1String("ok"))
            return {QStringLiteral("integrity check failed: %1").arg(q.value(0).toString())};
        QSqlQuery layout(db);
        if (!layout.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'layout'")) || !layout.next())
            return {QStringLiteral("not a NoFADE scan cache")};
        const QString found = layout.value(0).toString();
        if (found != QLatin1String(kLayout))
            return {QStringLiteral("cache layout \"%1\", expected \"%2\"").arg(found, QLatin1String(kLayout)),
                    found.startsWith(QLatin1String("nofade.scan-cache/"))};
        return {};
    }

    bool create(QString* error)
    {
        return exec(QStringLiteral("CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)"), error)
               && exec(QStringLiteral("CREATE TABLE IF NOT EXISTS decodes(id INTEGER PRIMARY KEY, key TEXT UNIQUE NOT NULL)"), error)
               && exec(QStringLiteral("CREATE TABLE IF NOT EXISTS items(decode INTEGER NOT NULL, path TEXT NOT NULL, "
                                      "size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, class TEXT, "
                                      "entropy REAL NOT NULL, PRIMARY KEY(decode, path)) WITHOUT ROWID"), error)
               && exec(QStringLiteral("INSERT OR REPLACE INTO meta(key, value) VALUES('layout', '%1')")
                           .arg(QLatin1String(kLayout)), error);
    }

    bool openConnection(QString* error)
    {
        db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        if (!db.isValid()) {
            *error = QStringLiteral("the Qt SQLite driver is not installed (Debian: libqt6sql6-sqlite)");
            return false;
        }
        db.setDatabaseName(file);
        // Another scan using the same cache holds the lock only for a commit: wait for it.
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        if (!db.open()) {
            *error = sqlError(db.lastError());
            return false;
        }
        // WAL: a reader never blocks the writer, and a kill mid-commit leaves the last commit intact.
        // synchronous=FULL: a commit is on disk when it returns, so a power cut loses at most one interval.
        QString ignored;
        exec(QStringLiteral("PRAGMA journal_mode=WAL"), &ignored);
        exec(QStringLiteral("PRAGMA synchronous=FULL"), &ignored);
        return true;
    }

    // The number of `key` in `decodes`, added when new (a read-only cache can still be read);
    // -1 (with writeError set) when it is neither there nor can be added.
    qlonglong decodeIdOf(const QString& key)
    {
        const auto find = [&]() -> qlonglong {
            QSqlQuery q(db);
            q.prepare(QStringLiteral("SELECT id FROM decodes WHERE key = ?"));
            q.addBindValue(key);
            return q.exec() && q.next() ? q.value(0).toLongLong() : -1;
        };
        if (const qlonglong id = find(); id >= 0)
            return id;
        QSqlQuery add(db);
        add.prepare(QStringLiteral("INSERT INTO decodes(key) VALUES(?)"));
        add.addBindValue(key);
        if (!add.exec()) {
            writeError = sqlError(add.lastError());
            return -1;
        }
        return find();
    }

    void closeConnection()
    {
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(connection);
    }

    void removeFiles()
    {
        for (const char* suffix : {"", "-wal", "-shm", "-journal"})
            QFile::remove(file + QLatin1String(suffix));
    }
};

ScanCache::ScanCache(std::unique_ptr<Private> d) : d(std::move(d)) {}

ScanCache::~ScanCache()
{
    flush(true);
    d->closeConnection();
}

std::unique_ptr<ScanCache> ScanCache::open(const QString& file, QString* error, QString* notice)
{
    static std::atomic<int> connections{0};
    auto d = std::make_unique<Private>();
    d->file = file;
    d->connection = QStringLiteral("nofade-scan-cache-%1").arg(connections.fetch_add(1));
    const QFileInfo info(file);
    if (info.isDir()) {
        *error = QStringLiteral("%1: cannot use as a scan cache: it is a folder").arg(file);
        return nullptr;
    }
    const bool existed = info.exists() && info.size() > 0;
    QString why;
    if (!d->openConnection(&why)) {
        *error = QStringLiteral("%1: cannot open the scan cache: %2").arg(file, why);
        return nullptr;
    }
    if (existed) {
        const Private::Check check = d->checkExisting();
        if (!check.problem.isEmpty()) {
            // Results are only a cache: losing them costs time, never correctness.
            d->closeConnection();
            d->removeFiles();
            *notice = QStringLiteral("%1: the scan cache %2 (%3); it has been rebuilt, and images will be "
                                     "analysed again")
                          .arg(file,
                               check.otherVersion ? QStringLiteral("was written by another version of NoFADE Studio")
                                                  : QStringLiteral("was unusable"),
                               check.problem);
            if (!d->openConnection(&why)) {
                *error = QStringLiteral("%1: cannot create the scan cache: %2").arg(file, why);
                return nullptr;
            }
        }
    }
    if (!d->create(&why)) {
        d->closeConnection();
        *error = QStringLiteral("%1: cannot create the scan cache: %2").arg(file, why);
        return nullptr;
    }
    return std::unique_ptr<ScanCache>(new ScanCache(std::move(d)));
}

std::shared_ptr<const Profile> ScanCache::prepare(const DatasetSource& source, const ProfileSettings& settings,
                                                  const Shard& shard)
{
    flush(true); // anything of an earlier scan belongs to its own source
    const std::int64_t itemCount = source.itemCount();
    d->source = &source;
    d->decodeId = d->decodeIdOf(decodeKey(source, settings));
    d->classNames = source.classNames();
    d->reused = 0;
    d->analysed = 0;

    struct Saved {
        FileStamp stamp;
        QVariant className;
        double entropy;
    };
    QHash<QString, Saved> saved;
    QSqlQuery q(d->db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT path, size, mtime_ns, class, entropy FROM items WHERE decode = ?"));
    q.addBindValue(d->decodeId);
    if (d->decodeId >= 0 && q.exec()) {
        while (q.next())
            saved.insert(q.value(0).toString(), {{q.value(1).toLongLong(), q.value(2).toLongLong()}, q.value(3), q.value(4).toDouble()});
    }

    ProfileSource info{source.rootPath(), source.format(), itemCount, shard.count, {shard.index}, source.layoutNotice()};
    auto profile = std::make_shared<Profile>(makeEmptyProfile(settings, info, d->classNames));
    // Only files with a saved result are stat'ed here (once per file: records of an IDX or CIFAR
    // file share theirs); the scan stamps the others as it opens them.
    std::filesystem::path lastFile;
    FileStamp lastStamp;
    for (std::int64_t item = 0; item < itemCount && !saved.isEmpty(); ++item) {
        if (!shard.contains(item))
            continue;
        const PathText path = source.itemPath(item);
        const auto it = saved.constFind(itemKey(path));
        if (it == saved.cend())
            continue;
        const std::filesystem::path file = source.itemFile(item);
        if (file != lastFile || lastFile.empty()) {
            lastFile = file;
            lastStamp = stampOfPath(file);
        }
        if (!lastStamp.known() || !(it->stamp == lastStamp))
            continue;
        int classIndex = -1;
        if (!it->className.isNull()) {
            classIndex = d->classNames.indexOf(it->className.toString());
            if (classIndex < 0)
                continue; // its class is gone from the dataset: analyse it again
        }
        profile->perImage.push_back({item, path.text, path.escaped, classIndex, it->entropy});
    }
    d->reused = std::int64_t(profile->perImage.size());
    return profile;
}

QString ScanCache::file() const { return d->file; }
std::int64_t ScanCache::reused() const { return d->reused; }
std::int64_t ScanCache::analysed() const { return d->analysed.load(); }
QString ScanCache::writeError() const { return d->writeError; }

void ScanCache::itemAnalysed(std::int64_t item, int classIndex, double entropyBits, const FileStamp& stamp)
{
    d->analysed.fetch_add(1, std::memory_order_relaxed);
    if (!stamp.known())
        return; // nothing to tell a changed file by: not saved
    std::lock_guard lock(d->mutex);
    d->pending.push_back({item, classIndex, entropyBits, stamp});
}

void ScanCache::flush(bool final)
{
    const auto now = std::chrono::steady_clock::now();
    if (!final && now - d->lastCommit < kCommitInterval)
        return;
    std::vector<Pending> batch;
    {
        std::lock_guard lock(d->mutex);
        batch.swap(d->pending);
    }
    d->lastCommit = now;
    if (batch.empty() || !d->source || d->decodeId < 0)
        return;
    if (!d->db.transaction()) {
        d->writeError = sqlError(d->db.lastError());
        return;
    }
    QSqlQuery q(d->db);
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO items(decode, path, size, mtime_ns, class, entropy) "
                             "VALUES(?, ?, ?, ?, ?, ?)"));
    for (const Pending& p : batch) {
        const bool hasClass = p.classIndex >= 0 && p.classIndex < d->classNames.size();
        q.addBindValue(d->decodeId);
        q.addBindValue(itemKey(d->source->itemPath(p.item)));
        q.addBindValue(qlonglong(p.stamp.size));
        q.addBindValue(qlonglong(p.stamp.mtimeNs));
        q.addBindValue(hasClass ? QVariant(d->classNames.at(p.classIndex)) : QVariant(QMetaType(QMetaType::QString)));
        q.addBindValue(p.entropy);
        if (!q.exec()) {
            d->writeError = sqlError(q.lastError());
            d->db.rollback();
            return;
        }
    }
    if (!d->db.commit()) {
        d->writeError = sqlError(d->db.lastError());
        d->db.rollback();
    }
}

} // namespace nofade

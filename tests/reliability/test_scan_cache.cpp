// The scan checkpoint cache (core/scan/scan_cache): a cancelled or killed scan resumes without
// decoding again what was saved; a changed file is analysed again; settings do not mix; a corrupt
// or foreign cache file is rebuilt and the user told; failed files are always tried again.
#include <functional>
#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>
#include <sys/stat.h>

#include "datasets/dataset_opener.h"
#include "scan/scan_cache.h"
#include "scan/scanner.h"
#include "test_support.h"

using namespace nofade;

namespace {

struct CachedScan {
    Profile profile;
    std::int64_t reused = -1;
    std::int64_t analysed = -1;
    QString notice;
};

// Passes results on to the cache and cancels the scan after `after` of them, from inside the
// scan: a timer would often fire only after a small scan has finished. `beforeSaving` runs on the
// worker once the item's file has been read, before its result reaches the cache.
class CancelAfter final : public ScanCheckpoint {
public:
    CancelAfter(ScanCheckpoint& next, Feedback& feedback, std::int64_t after,
                std::function<void(std::int64_t)> beforeSaving)
        : next_(next), feedback_(feedback), after_(after), beforeSaving_(std::move(beforeSaving)) {}
    void itemAnalysed(std::int64_t item, int classIndex, double entropyBits, const FileStamp& stamp) override
    {
        if (beforeSaving_)
            beforeSaving_(item);
        next_.itemAnalysed(item, classIndex, entropyBits, stamp);
        if (after_ > 0 && seen_.fetch_add(1) + 1 >= after_)
            feedback_.cancel();
    }
    void flush(bool final) override { next_.flush(final); }

private:
    ScanCheckpoint& next_;
    Feedback& feedback_;
    std::int64_t after_;
    std::function<void(std::int64_t)> beforeSaving_;
    std::atomic<std::int64_t> seen_{0};
};

// Scans `path` through the cache file `cacheFile`; cancels once `cancelAfter` images are done (0: never).
CachedScan scanWithCache(const QString& path, const QString& cacheFile, const ProfileSettings& settings = {},
                         std::int64_t cancelAfter = 0, std::function<void(std::int64_t)> beforeSaving = {})
{
    CachedScan out;
    OpenedDataset d = openDataset(path);
    if (!d.source)
        qFatal("%s", qPrintable(d.error));
    QString error;
    std::unique_ptr<ScanCache> cache = ScanCache::open(cacheFile, &error, &out.notice);
    if (!cache)
        qFatal("%s", qPrintable(error));
    ScanOptions options;
    options.threads = 2;
    options.resume = cache->prepare(*d.source, settings, options.shard);
    Feedback feedback;
    CancelAfter checkpoint(*cache, feedback, cancelAfter, std::move(beforeSaving));
    options.checkpoint = &checkpoint;
    out.profile = scanDataset(*d.source, settings, options, feedback);
    out.reused = cache->reused();
    out.analysed = cache->analysed();
    return out;
}

Profile scanPlain(const QString& path, const ProfileSettings& settings = {})
{
    OpenedDataset d = openDataset(path);
    Feedback feedback;
    return scanDataset(*d.source, settings, ScanOptions{}, feedback);
}

void compareProfiles(const Profile& a, const Profile& b)
{
    QCOMPARE(a.images(), b.images());
    QVERIFY(a.moments == b.moments);
    QVERIFY(a.fine == b.fine);
    QCOMPARE(a.classes.size(), b.classes.size());
    for (std::size_t c = 0; c < a.classes.size(); ++c) {
        QVERIFY(a.classes[c].moments == b.classes[c].moments);
        QVERIFY(a.classes[c].histogram == b.classes[c].histogram);
    }
    QCOMPARE(a.perImage.size(), b.perImage.size());
    for (std::size_t i = 0; i < a.perImage.size(); ++i) {
        QCOMPARE(a.perImage[i].index, b.perImage[i].index);
        QCOMPARE(a.perImage[i].classIndex, b.perImage[i].classIndex);
        QCOMPARE(a.perImage[i].entropy, b.perImage[i].entropy);
    }
}

std::int64_t rowsIn(const QString& cacheFile)
{
    std::int64_t rows = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("count"));
        db.setDatabaseName(cacheFile);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT COUNT(*) FROM items")) && q.next())
                rows = q.value(0).toLongLong();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("count"));
    return rows;
}

} // namespace

class ScanCacheTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    QString data_;
    static constexpr int kImages = 240;

    QString cachePath(const char* name) const { return dir_.filePath(QLatin1String(name)); }

private Q_SLOTS:
    void initTestCase()
    {
        data_ = dir_.filePath(QStringLiteral("data"));
        for (int i = 0; i < kImages; ++i)
            QVERIFY(test::writeImage(QStringLiteral("%1/class%2/%3.png").arg(data_).arg(i % 4).arg(i, 3, 10, QLatin1Char('0')),
                                     test::randomImage(64 + i % 7, 48, i % 2 ? 1 : 3, std::uint32_t(i))));
    }

    void cancelledScanResumesWithoutDecodingAgain()
    {
        const QString cache = cachePath("resume.sqlite");
        const CachedScan first = scanWithCache(data_, cache, {}, kImages / 3);
        QVERIFY(!first.profile.complete);
        QCOMPARE(first.reused, 0);
        QVERIFY(first.analysed > 0 && first.analysed < kImages);
        QCOMPARE(rowsIn(cache), first.analysed); // the final flush saved every analysed image

        const CachedScan second = scanWithCache(data_, cache);
        QVERIFY(second.notice.isEmpty());
        QVERIFY(second.profile.complete);
        QCOMPARE(second.reused, first.analysed);
        QCOMPARE(second.analysed, kImages - first.analysed);
        compareProfiles(second.profile, scanPlain(data_));

        const CachedScan third = scanWithCache(data_, cache);
        QCOMPARE(third.reused, qint64(kImages));
        QCOMPARE(third.analysed, 0);
        compareProfiles(third.profile, scanPlain(data_));
    }

    void changedFilesAreAnalysedAgain()
    {
        QTemporaryDir copy;
        const QString data = copy.filePath(QStringLiteral("d"));
        for (int i = 0; i < 20; ++i)
            QVERIFY(test::writeImage(QStringLiteral("%1/c/%2.png").arg(data).arg(i), test::randomImage(30, 30, 1, std::uint32_t(100 + i))));
        const QString cache = copy.filePath(QStringLiteral("cache.sqlite"));
        QCOMPARE(scanWithCache(data, cache).analysed, 20);
        // New content (a new size), and the same content with only a new modification time.
        QVERIFY(test::writeImage(data + QStringLiteral("/c/3.png"), test::gradientImage(40, 30, 1, 5)));
        QFile touched(data + QStringLiteral("/c/7.png"));
        QVERIFY(touched.open(QIODevice::ReadWrite));
        QVERIFY(touched.setFileTime(QDateTime::currentDateTime().addSecs(60), QFileDevice::FileModificationTime));
        touched.close();
        const CachedScan again = scanWithCache(data, cache);
        QCOMPARE(again.reused, 18);
        QCOMPARE(again.analysed, 2);
        compareProfiles(again.profile, scanPlain(data));
    }

    // The result is saved with the stamp the file had when the scan read it: a file rewritten
    // after that (still during the scan) must not pass for the one that was analysed.
    void fileRewrittenDuringTheScanIsAnalysedAgain()
    {
        QTemporaryDir copy;
        const QString data = copy.filePath(QStringLiteral("d"));
        for (int i = 0; i < 12; ++i)
            QVERIFY(test::writeImage(QStringLiteral("%1/c/%2.png").arg(data).arg(i, 2, 10, QLatin1Char('0')),
                                     test::randomImage(30, 30, 1, std::uint32_t(200 + i))));
        const QString rewritten = data + QStringLiteral("/c/05.png");
        const std::int64_t item = 5; // items are in path order
        const QString cache = copy.filePath(QStringLiteral("cache.sqlite"));
        std::atomic<bool> done{false};
        const CachedScan first = scanWithCache(data, cache, {}, 0, [&](std::int64_t analysed) {
            if (analysed == item && !done.exchange(true))
                QVERIFY(test::writeImage(rewritten, test::gradientImage(30, 30, 1, 9)));
        });
        QVERIFY(done);
        QCOMPARE(first.analysed, 12);
        const CachedScan again = scanWithCache(data, cache);
        QCOMPARE(again.reused, 11);
        QCOMPARE(again.analysed, 1);
        compareProfiles(again.profile, scanPlain(data));
    }

    void settingsThatChangeEntropiesDoNotShareResults()
    {
        const QString cache = cachePath("settings.sqlite");
        ProfileSettings fast;
        fast.gray = GrayMode::Fast;
        QCOMPARE(scanWithCache(data_, cache).analysed, qint64(kImages));
        const CachedScan f = scanWithCache(data_, cache, fast);
        QCOMPARE(f.reused, 0);
        compareProfiles(f.profile, scanPlain(data_, fast));
        // Class-level settings do not change a single image's entropy: results are shared.
        ProfileSettings bins;
        bins.bins = 16;
        QCOMPARE(scanWithCache(data_, cache, bins).reused, qint64(kImages));
        QCOMPARE(scanWithCache(data_, cache, fast).reused, qint64(kImages));
    }

    void corruptOrForeignCacheIsRebuiltAndSaysSo_data()
    {
        QTest::addColumn<QByteArray>("kind");
        QTest::newRow("random bytes") << QByteArray("random");
        QTest::newRow("text file") << QByteArray("text");
        QTest::newRow("truncated cache") << QByteArray("truncated");
        QTest::newRow("another program's database") << QByteArray("foreign");
        QTest::newRow("an earlier version's cache") << QByteArray("earlier");
    }
    void corruptOrForeignCacheIsRebuiltAndSaysSo()
    {
        QFETCH(QByteArray, kind);
        const QString cache = cachePath("corrupt-") + QString::fromLatin1(kind) + QStringLiteral(".sqlite");
        if (kind == "random") {
            QByteArray noise(64 * 1024, 0);
            for (int i = 0; i < noise.size(); ++i)
                noise[i] = char((i * 2654435761u) >> 13);
            QVERIFY(test::writeFile(cache, noise));
        } else if (kind == "text") {
            QVERIFY(test::writeFile(cache, "this is not a database\n"));
        } else if (kind == "truncated") {
            QCOMPARE(scanWithCache(data_, cache).analysed, qint64(kImages));
            QFile f(cache);
            QVERIFY(f.size() > 8192);
            QVERIFY(f.resize(f.size() / 2));
        } else {
            {
                QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("foreign"));
                db.setDatabaseName(cache);
                QVERIFY(db.open());
                QSqlQuery q(db);
                if (kind == "foreign") {
                    QVERIFY(q.exec(QStringLiteral("CREATE TABLE photos(id INTEGER, name TEXT)")));
                } else { // the first layout: the decode key on every row
                    QVERIFY(q.exec(QStringLiteral("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)")));
                    QVERIFY(q.exec(QStringLiteral("INSERT INTO meta VALUES('layout', 'nofade.scan-cache/1')")));
                    QVERIFY(q.exec(QStringLiteral("CREATE TABLE items(decode TEXT NOT NULL, path TEXT NOT NULL, size INTEGER "
                                                  "NOT NULL, mtime_ns INTEGER NOT NULL, class TEXT, entropy REAL NOT NULL, "
                                                  "PRIMARY KEY(decode, path)) WITHOUT ROWID")));
                }
                db.close();
            }
            QSqlDatabase::removeDatabase(QStringLiteral("foreign"));
        }
        const CachedScan s = scanWithCache(data_, cache);
        QVERIFY2(s.notice.contains(QStringLiteral("rebuilt")) && s.notice.contains(cache), qPrintable(s.notice));
        // An earlier version's cache is not called unusable: it was only made by another version.
        QCOMPARE(s.notice.contains(QStringLiteral("another version of NoFADE Studio")), kind == "earlier");
        QCOMPARE(s.notice.contains(QStringLiteral("unusable")), kind != "earlier");
        qInfo().noquote() << s.notice;
        QCOMPARE(s.reused, 0);
        compareProfiles(s.profile, scanPlain(data_));
        // Rebuilt means usable: the next scan takes everything from it, without a notice.
        const CachedScan next = scanWithCache(data_, cache);
        QVERIFY2(next.notice.isEmpty(), qPrintable(next.notice));
        QCOMPARE(next.reused, qint64(kImages));
    }

    void uncreatableCacheIsAnErrorNamingTheFile()
    {
        QString error, notice;
        const QString missingFolder = dir_.filePath(QStringLiteral("no/such/folder/cache.sqlite"));
        QVERIFY(!ScanCache::open(missingFolder, &error, &notice));
        QVERIFY2(error.contains(missingFolder), qPrintable(error));
        QVERIFY(!ScanCache::open(dir_.path(), &error, &notice));
        QVERIFY2(error.contains(QStringLiteral("folder")), qPrintable(error));
    }

    void failedFilesAreTriedAgain()
    {
        QTemporaryDir copy;
        const QString data = copy.filePath(QStringLiteral("d"));
        for (int i = 0; i < 5; ++i)
            QVERIFY(test::writeImage(QStringLiteral("%1/%2.png").arg(data).arg(i), test::randomImage(20, 20, 1, std::uint32_t(i))));
        QVERIFY(test::writeFile(data + QStringLiteral("/broken.png"), "not yet an image"));
        const QString cache = copy.filePath(QStringLiteral("cache.sqlite"));
        const CachedScan first = scanWithCache(data, cache);
        QCOMPARE(first.profile.failedItems(), 1);
        QCOMPARE(first.analysed, 5);
        // The file is fixed (its copy finished): the next run picks it up.
        QVERIFY(test::writeImage(data + QStringLiteral("/broken.png"), test::randomImage(20, 20, 1, 77)));
        const CachedScan second = scanWithCache(data, cache);
        QCOMPARE(second.reused, 5);
        QCOMPARE(second.analysed, 1);
        QCOMPARE(second.profile.failedItems(), 0);
        compareProfiles(second.profile, scanPlain(data));
    }

    void idxRecordsAreCachedWithTheirClasses()
    {
        QTemporaryDir copy;
        constexpr int n = 50, side = 8;
        QByteArray images = test::bigEndian32(0x00000803) + test::bigEndian32(n) + test::bigEndian32(side) + test::bigEndian32(side);
        QByteArray labels = test::bigEndian32(0x00000801) + test::bigEndian32(n);
        for (int i = 0; i < n; ++i) {
            for (int p = 0; p < side * side; ++p)
                images.append(char((p * (i + 1) * 7) & 0xFF));
            labels.append(char(i % 3));
        }
        QVERIFY(test::writeFile(copy.filePath(QStringLiteral("train-images-idx3-ubyte")), images));
        QVERIFY(test::writeFile(copy.filePath(QStringLiteral("train-labels-idx1-ubyte")), labels));
        const QString cache = copy.filePath(QStringLiteral("cache.sqlite"));
        QCOMPARE(scanWithCache(copy.path(), cache).analysed, n);
        const CachedScan again = scanWithCache(copy.path(), cache);
        QCOMPARE(again.reused, n);
        QCOMPARE(again.analysed, 0);
        compareProfiles(again.profile, scanPlain(copy.path()));
    }
};

QTEST_GUILESS_MAIN(ScanCacheTest)
#include "test_scan_cache.moc"

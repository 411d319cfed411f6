// A Slurm job array's shard folder in the application: shard profiles written one by one (as the
// array's tasks end) are noticed, by QFileSystemWatcher and by polling alone, merged, and shown as
// "k of N shards · X images"; the final merge equals a single scan and the hand-worked numbers.
#include <cmath>
#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMenu>
#include <QMenuBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include "dataset_list/dataset_table_model.h"
#include "dataset_list/datasets_panel.h"
#include "dataset_state/dataset_controller.h"
#include "dataset_state/dataset_store.h"
#include "dataset_state/shard_folder_controller.h"
#include "datasets/dataset_opener.h"
#include "profile/profile_json.h"
#include "scan/scanner.h"
#include "session/session_controller.h"
#include "shell/main_window.h"
#include "timing_slack.h"
#include "ui_fixtures.h"

using namespace nofade;
using namespace nofade::ui;

namespace {

constexpr int kShards = 3;
const int kHangMs = int(20000 * test::kTimingSlack); // a hang, not a speed bound

Profile scan(const QString& root, Shard shard, ProfileSettings settings = {})
{
    OpenedDataset d = openDataset(root);
    Feedback feedback;
    ScanOptions options;
    options.shard = shard;
    return scanDataset(*d.source, settings, options, feedback);
}

// Written the way nofade-cli writes it: a temporary name, then a rename, so a reader never sees
// half a file.
void writeProfile(const QString& file, const Profile& p)
{
    const QString temp = file + QStringLiteral(".part");
    QFile f(temp);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QVERIFY(f.write(profileToJsonBytes(p, true)) > 0);
    f.close();
    QFile::remove(file);
    QVERIFY(QFile::rename(temp, file));
}

// The profile JSON without "source" (which says which shards a profile holds).
QJsonObject numbers(const Profile& p)
{
    QJsonObject o = QJsonDocument::fromJson(profileToJsonBytes(p, true)).object();
    o.remove(QStringLiteral("source"));
    return o;
}

} // namespace

class TestShardFolder : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    QString dataset_;
    Profile whole_;
    std::vector<Profile> shards_;

    // Writes shards in `order` into a fresh folder while `watcher` (made by `make`) watches it,
    // checking after each file that the watcher reports exactly the shards written so far.
    void feedShardsOneByOne(const QString& folder, ShardFolderController& watcher)
    {
        std::vector<int> written;
        for (int k : {2, 0, 1}) {
            writeProfile(QDir(folder).filePath(Shard{k, kShards}.fileName()), shards_[std::size_t(k)]);
            written.push_back(k);
            std::int64_t images = 0;
            for (int w : written)
                images += shards_[std::size_t(w)].images();
            QTRY_VERIFY_WITH_TIMEOUT(watcher.snapshot().shardsPresent() == int(written.size()), kHangMs);
            const ShardFolderSnapshot& s = watcher.snapshot();
            QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
            QCOMPARE(s.shardCount(), kShards);
            QCOMPARE(s.merged->images(), images);
            QCOMPARE(s.complete(), written.size() == std::size_t(kShards));
            QCOMPARE(int(s.missing.size()), kShards - int(written.size()));
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        uitest::isolateSettings();
        QSettings().clear();
        dataset_ = dir_.filePath(QStringLiteral("known"));
        QVERIFY(uitest::writeKnownDataset(dataset_));
        whole_ = scan(dataset_, Shard{});
        QCOMPARE(whole_.images(), std::int64_t(10));
        for (int k = 0; k < kShards; ++k)
            shards_.push_back(scan(dataset_, Shard{k, kShards}));
        // Every shard holds some images, so each file changes the count.
        for (const Profile& s : shards_)
            QVERIFY(s.images() > 0);
    }

    void watcherMergesShardsAsTheyArrive()
    {
        const QString folder = dir_.filePath(QStringLiteral("watched"));
        QVERIFY(QDir().mkpath(folder));
        ShardFolderController watcher(folder, ShardFolderController::Options{true, 60000}); // inotify only, in practice
        QSignalSpy updates(&watcher, &ShardFolderController::updated);
        feedShardsOneByOne(folder, watcher);
        QVERIFY(updates.count() >= kShards);
        const ShardFolderSnapshot& s = watcher.snapshot();
        QCOMPARE(numbers(*s.merged), numbers(whole_));
        QCOMPARE(s.merged->entropyComplexity(), 3.5);
        QVERIFY(s.jsd && s.jsd->complexity);
        QVERIFY(std::abs(*s.jsd->complexity - std::log(1.0 + 2.0 * std::sqrt(0.5))) < 1e-12);
        QCOMPARE(s.merged->failedItems(), std::int64_t(1));
    }

    void pollingAloneNoticesShards()
    {
        // What a network file system gives: no inotify events for files other machines write.
        const QString folder = dir_.filePath(QStringLiteral("polled"));
        QVERIFY(QDir().mkpath(folder));
        ShardFolderController watcher(folder, ShardFolderController::Options{false, 100});
        feedShardsOneByOne(folder, watcher);
        QCOMPARE(numbers(*watcher.snapshot().merged), numbers(whole_));
    }

    void mixedSettingsAreReportedNamingTheFile()
    {
        const QString folder = dir_.filePath(QStringLiteral("mixed"));
        QVERIFY(QDir().mkpath(folder));
        writeProfile(QDir(folder).filePath(Shard{0, 2}.fileName()), scan(dataset_, Shard{0, 2}));
        ProfileSettings other;
        other.bins = 32;
        writeProfile(QDir(folder).filePath(Shard{1, 2}.fileName()), scan(dataset_, Shard{1, 2}, other));
        ShardFileCache cache;
        const ShardFolderSnapshot s = readShardFolder(folder, cache);
        QVERIFY(!s.merged);
        QVERIFY2(s.error.contains(QLatin1String("shard-1-of-2.json was made with different settings")), qPrintable(s.error));
    }

    void aMergedProfileBesideItsShardsCountsOnce()
    {
        const QString folder = dir_.filePath(QStringLiteral("with-merge"));
        QVERIFY(QDir().mkpath(folder));
        for (int k = 0; k < kShards; ++k)
            writeProfile(QDir(folder).filePath(Shard{k, kShards}.fileName()), shards_[std::size_t(k)]);
        Profile merged = whole_;
        merged.source.shardCount = kShards;
        merged.source.shards = {0, 1, 2};
        writeProfile(QDir(folder).filePath(QStringLiteral("merged.json")), merged);
        QFile junk(QDir(folder).filePath(QStringLiteral("notes.json")));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("{\"not\": \"a profile\"}");
        junk.close();
        ShardFileCache cache;
        const ShardFolderSnapshot s = readShardFolder(folder, cache);
        QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
        QVERIFY(s.complete());
        QCOMPARE(s.files, 1);
        QCOMPARE(s.skipped.size(), kShards + 1); // the three shards, and notes.json
        QVERIFY(s.skipped.filter(QStringLiteral("notes.json: not a NoFADE profile")).size() == 1);
        QCOMPARE(numbers(*s.merged), numbers(whole_));
    }

    void mainWindowShowsTheArrayProgress()
    {
        MainWindow window;
        window.show();
        // File > Open Shard Folder… is there.
        bool inFileMenu = false;
        for (QMenu* menu : window.menuBar()->findChildren<QMenu*>())
            if (menu->title() == QLatin1String("&File"))
                inFileMenu = menu->actions().contains(uitest::part<DatasetsPanel>(window, "datasetsPanel")->openShardFolderAction());
        QVERIFY(inFileMenu);
        QCOMPARE(uitest::part<DatasetsPanel>(window, "datasetsPanel")->openShardFolderAction()->text(), QStringLiteral("Open S&hard Folder…"));

        const QString folder = dir_.filePath(QStringLiteral("run42/shards"));
        QVERIFY(QDir().mkpath(folder));
        DatasetsPanel* panel = uitest::part<DatasetsPanel>(window, "datasetsPanel");
        const int id = uitest::part<DatasetController>(window, "datasetController")->openShardFolder(folder);
        QVERIFY(id != 0);
        QCOMPARE(uitest::part<DatasetController>(window, "datasetController")->openShardFolder(folder), id); // the same folder twice is one dataset
        const DatasetStore* store = uitest::part<DatasetStore>(window, "datasetStore");
        QCOMPARE(store->find(id)->name, QStringLiteral("run42"));
        QTableView* table = panel->table();
        const auto stateCell = [&] {
            return table->model()->index(store->rowOf(id), DatasetTableModel::State).data().toString();
        };
        QCOMPARE(stateCell(), QStringLiteral("waiting for shards…"));

        const QLocale l;
        std::int64_t images = 0;
        int present = 0;
        for (int k : {1, 2, 0}) {
            writeProfile(QDir(folder).filePath(Shard{k, kShards}.fileName()), shards_[std::size_t(k)]);
            images += shards_[std::size_t(k)].images();
            ++present;
            const QString expected = QStringLiteral("%1 of 3 shards · %2 images").arg(present).arg(l.toString(qlonglong(images)));
            QTRY_VERIFY_WITH_TIMEOUT(stateCell().startsWith(expected), kHangMs);
            QCOMPARE(table->model()->index(store->rowOf(id), DatasetTableModel::Images).data().toString(),
                     l.toString(qlonglong(images)));
        }
        QCOMPARE(stateCell(), QStringLiteral("3 of 3 shards · 10 images")); // no longer "watching"
        const DatasetEntry* e = store->find(id);
        QCOMPARE(e->state, DatasetState::Loaded);
        QCOMPARE(numbers(*e->profile), numbers(whole_));
        QVERIFY(e->jsd && e->jsd->complexity);
        QVERIFY(std::abs(*e->jsd->complexity - 0.881373587) < 1e-9);
        // A shard folder is never re-scanned locally: its profile comes from its files.
        panel->selectDataset(id);
        QVERIFY(!panel->scanAction()->isEnabled());
        QVERIFY(!panel->restartAction()->isEnabled());
        uitest::part<DatasetController>(window, "datasetController")->scan(id, true);
        QCOMPARE(store->find(id)->state, DatasetState::Loaded);
        uitest::part<DatasetStore>(window, "datasetStore")->remove(id); // stops watching
    }

    // A session (its file, and the one restored at start-up) brings the shard folder back
    // watched: shards that arrive after the restart are merged in.
    void sessionsWatchTheShardFolderAgain_data()
    {
        QTest::addColumn<bool>("sessionFile");
        QTest::newRow("session file") << true;
        QTest::newRow("last session at start-up") << false;
    }

    void sessionsWatchTheShardFolderAgain()
    {
        QFETCH(bool, sessionFile);
        const QString run = dir_.filePath(sessionFile ? QStringLiteral("run43") : QStringLiteral("run44"));
        const QString folder = run + QStringLiteral("/shards");
        QVERIFY(QDir().mkpath(folder));
        const QString file = run + QStringLiteral(".nofade-session");
        {
            MainWindow window;
            const int id = uitest::part<DatasetController>(window, "datasetController")->openShardFolder(folder);
            writeProfile(QDir(folder).filePath(Shard{0, kShards}.fileName()), shards_[0]);
            QTRY_VERIFY_WITH_TIMEOUT(uitest::part<DatasetStore>(window, "datasetStore")->find(id)->profile != nullptr, kHangMs);
            QString error;
            if (sessionFile)
                QVERIFY2(uitest::part<SessionController>(window, "sessionController")->save(file, &error), qPrintable(error));
            else
                uitest::part<SessionController>(window, "sessionController")->cleanExit();
        }
        MainWindow window;
        if (sessionFile) {
            QString error;
            QVERIFY2(uitest::part<SessionController>(window, "sessionController")->open(file, &error), qPrintable(error));
        } else {
            QVERIFY(uitest::part<SessionController>(window, "sessionController")->restoreLastSession());
        }
        QCOMPARE(uitest::part<DatasetStore>(window, "datasetStore")->count(), 1);
        const int id = uitest::part<DatasetStore>(window, "datasetStore")->at(0).id;
        QCOMPARE(uitest::part<DatasetStore>(window, "datasetStore")->find(id)->shardFolder, QFileInfo(folder).absoluteFilePath());
        QCOMPARE(uitest::part<DatasetStore>(window, "datasetStore")->find(id)->name, QLatin1String(sessionFile ? "run43" : "run44"));
        QTRY_VERIFY_WITH_TIMEOUT(uitest::part<DatasetStore>(window, "datasetStore")->find(id)->profile != nullptr, kHangMs);
        for (int k : {1, 2})
            writeProfile(QDir(folder).filePath(Shard{k, kShards}.fileName()), shards_[std::size_t(k)]);
        QTRY_COMPARE_WITH_TIMEOUT(uitest::part<DatasetStore>(window, "datasetStore")->find(id)->state, DatasetState::Loaded, kHangMs);
        QCOMPARE(numbers(*uitest::part<DatasetStore>(window, "datasetStore")->find(id)->profile), numbers(whole_));
    }
};

QTEST_MAIN(TestShardFolder)
#include "test_shard_folder.moc"

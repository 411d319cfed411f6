// Nothing lost in the application: the scan queue saves every analysed image to the scan cache
// as it comes. The application killed with SIGKILL midway keeps what it had committed; the next
// scan of the dataset takes those images from the cache, decodes only the rest and gives exactly
// the profile of an uninterrupted scan. "Re-scan from scratch" decodes every image again.
#include <csignal>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include "dataset_state/dataset_store.h"
#include "dataset_state/scan_controller.h"
#include "datasets/dataset_opener.h"
#include "scan/scanner.h"
#include "scan_cache_probe.h"
#include "test_support.h"
#include "timing_slack.h"
#include "ui_fixtures.h"

using namespace nofade;
using namespace nofade::ui;

namespace {

constexpr int kImages = 900;

} // namespace

class GuiScanCacheTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    QString data_;
    Profile whole_;

    // Scans the dataset through a fresh store and queue with this cache, as the application does,
    // and waits until the queue is idle (every result committed).
    const DatasetEntry* scan(DatasetStore& store, ScanController& queue, ScanController::Mode mode, int* id)
    {
        if (*id == 0) {
            DatasetEntry e;
            e.name = QStringLiteral("data");
            e.path = data_;
            *id = store.add(std::move(e));
        }
        QSignalSpy finished(&queue, &ScanController::scanFinished);
        QSignalSpy idle(&queue, &ScanController::idle); // also the cache's last commit, made after delivery
        queue.enqueue(*id, mode);
        if (!finished.wait(int(240000 * test::kTimingSlack)))
            return nullptr;
        if (idle.isEmpty() && !idle.wait(int(60000 * test::kTimingSlack)))
            return nullptr;
        return store.find(*id);
    }

private Q_SLOTS:
    void initTestCase()
    {
        uitest::isolateSettings();
        // Large, well-compressed images: each takes milliseconds to decode, so one thread needs
        // seconds for the set and the kill lands midway; the files stay small.
        data_ = dir_.filePath(QStringLiteral("data"));
        for (int i = 0; i < kImages; ++i) {
            cv::Mat img = test::gradientImage(1024, 768, 1, 1 + i % 13);
            img(cv::Rect(i % 900, 0, 64, 64)) = test::randomImage(64, 64, 1, std::uint32_t(i));
            QVERIFY(test::writeImage(QStringLiteral("%1/class%2/%3.png").arg(data_).arg(i % 3).arg(i, 4, 10, QLatin1Char('0')), img));
        }
        OpenedDataset opened = openDataset(data_, DatasetFormat::Folder);
        QVERIFY2(opened.source, qPrintable(opened.error));
        Feedback feedback;
        whole_ = scanDataset(*opened.source, ProfileSettings{}, ScanOptions{}, feedback);
        QCOMPARE(whole_.images(), std::int64_t(kImages));
    }

    void theApplicationUsesItsCache()
    {
        DatasetStore store;
        ScanController queue(&store);
        QVERIFY(queue.cacheFile().isEmpty()); // a bare queue saves nothing...
        QVERIFY(ScanController::defaultCacheFile().endsWith(QLatin1String("/scan-cache.sqlite")));
        QVERIFY(QFileInfo(QFileInfo(ScanController::defaultCacheFile()).path()).isDir()); // ...the application's has a home
    }

    void killedApplicationResumesFromTheCache()
    {
        // The application as a user runs it, with its own home: one worker thread (slow enough to
        // be killed midway) and past its first start (which would open the bundled example first).
        QTemporaryDir home;
        const QString config = home.filePath(QStringLiteral("config/NoFADE"));
        QVERIFY(QDir().mkpath(config));
        QFile settings(config + QStringLiteral("/NoFADE Studio.conf"));
        QVERIFY(settings.open(QIODevice::WriteOnly));
        settings.write("[General]\nfirstStartDone=true\n\n[analysis]\nthreads=1\n");
        settings.close();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        const QString cache = home.filePath(QStringLiteral("data/NoFADE/NoFADE Studio/scan-cache.sqlite"));

        QProcess app;
        app.setProcessEnvironment(env);
        app.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        app.start(QStringLiteral(NOFADE_GUI), {QStringLiteral("--fresh"), data_});
        QVERIFY(app.waitForStarted());
        QElapsedTimer timer;
        timer.start();
        qsizetype saved = 0;
        while (app.state() == QProcess::Running && timer.elapsed() < 120000 * test::kTimingSlack) {
            if (QFileInfo::exists(cache) && (saved = test::cachedPaths(cache).size()) > 0)
                break;
            QThread::msleep(20);
        }
        QVERIFY2(app.state() == QProcess::Running, "the application ended before it could be killed");
        QVERIFY(::kill(pid_t(app.processId()), SIGKILL) == 0);
        QVERIFY(app.waitForFinished());
        QCOMPARE(app.exitStatus(), QProcess::CrashExit);

        const QStringList survived = test::cachedPaths(cache);
        qInfo() << survived.size() << "of" << kImages << "results survived the kill";
        QVERIFY(survived.size() >= saved);
        QVERIFY(survived.size() < kImages);
        QStringList spoiled;
        QList<QByteArray> originals;
        for (int k = 0; k < 3 && k < survived.size(); ++k) {
            spoiled << data_ + QLatin1Char('/') + survived[k * survived.size() / 3];
            QFile f(spoiled.back());
            QVERIFY(f.open(QIODevice::ReadOnly));
            originals << f.readAll();
            QVERIFY(test::spoilKeepingStamp(spoiled.back()));
        }
        // The other tests use the dataset as it was.
        const auto restore = qScopeGuard([&] {
            for (qsizetype k = 0; k < spoiled.size(); ++k) {
                QFile f(spoiled[k]);
                if (f.open(QIODevice::WriteOnly))
                    f.write(originals[k]);
            }
        });

        // Reopened: the saved images come from the cache, only the others are decoded.
        DatasetStore store;
        ScanController queue(&store);
        queue.setCacheFile(cache);
        int id = 0;
        const DatasetEntry* e = scan(store, queue, ScanController::Mode::Restart, &id);
        QVERIFY(e && e->profile);
        QVERIFY2(e->warnings.isEmpty(), qPrintable(e->warnings.join(QLatin1Char('\n'))));
        QCOMPARE(e->fromScanCache, std::int64_t(survived.size()));
        QVERIFY(e->profile->complete);
        QCOMPARE(e->profile->failedItems(), std::int64_t(0)); // the spoiled files were not decoded
        QCOMPARE(e->profile->images(), whole_.images());
        QVERIFY(e->profile->moments == whole_.moments);
        QVERIFY(e->profile->fine == whole_.fine);

        // Re-scan from scratch decodes everything: now the spoiled files fail, by name.
        e = scan(store, queue, ScanController::Mode::Reanalyse, &id);
        QVERIFY(e && e->profile);
        QCOMPARE(e->fromScanCache, std::int64_t(0));
        QCOMPARE(e->profile->failedItems(), std::int64_t(spoiled.size()));
        QCOMPARE(e->profile->images(), whole_.images() - spoiled.size());
    }

    void unusableCacheIsRebuiltAndSaysSo()
    {
        QTemporaryDir dir;
        const QString cache = dir.filePath(QStringLiteral("scan-cache.sqlite"));
        QFile junk(cache);
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write(QByteArray(4096, 'x'));
        junk.close();
        DatasetStore store;
        ScanController queue(&store);
        queue.setCacheFile(cache);
        int id = 0;
        const DatasetEntry* e = scan(store, queue, ScanController::Mode::Restart, &id);
        QVERIFY(e && e->profile);
        QCOMPARE(e->warnings.size(), 1);
        QVERIFY2(e->warnings[0].contains(cache) && e->warnings[0].contains(QLatin1String("rebuilt")),
                 qPrintable(e->warnings[0]));
        QCOMPARE(e->profile->images(), whole_.images());
        QCOMPARE(test::cachedPaths(cache).size(), qsizetype(kImages)); // and it works again
    }

    void cacheThatCannotBeWrittenLetsTheScanRunAndSaysSo()
    {
        DatasetStore store;
        ScanController queue(&store);
        queue.setCacheFile(dir_.filePath(QStringLiteral("no-such-folder/scan-cache.sqlite")));
        int id = 0;
        const DatasetEntry* e = scan(store, queue, ScanController::Mode::Restart, &id);
        QVERIFY(e && e->profile);
        QCOMPARE(e->profile->images(), whole_.images());
        QCOMPARE(e->warnings.size(), 1);
        QVERIFY2(e->warnings[0].contains(QLatin1String("no-such-folder")) && e->warnings[0].contains(QLatin1String("crash")),
                 qPrintable(e->warnings[0]));
    }
};

QTEST_MAIN(GuiScanCacheTest)
#include "test_gui_scan_cache.moc"

// The GUI never blocks: during a 10,000-image scan (PNG files written at test time from the
// Fashion-MNIST test set) the longest gap between two ticks of a 2 ms timer on the GUI thread must
// stay under 100 ms; Cancel must hand back a partial profile within 0.5 s; a queued second
// dataset waits its turn; the scan can be continued or restarted to the full 10,000 images.
#include "timing_slack.h"
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QStatusBar>
#include <QtTest>

#include "dataset_list/datasets_panel.h"
#include "dataset_state/dataset_controller.h"
#include "dataset_state/dataset_store.h"
#include "dataset_state/scan_controller.h"
#include "event_loop_stall_meter.h"
#include "shell/main_window.h"
#include "ui_fixtures.h"

using namespace nofade;
using namespace nofade::ui;

namespace {
using StallMeter = test::EventLoopStallMeter;

// Runs a real event loop (not QTest::qWait, which sleeps between its rounds) until `done` or
// the timeout; returns whether `done` came.
template <typename Signal, typename Sender>
bool runUntil(Sender* sender, Signal signal, int timeoutMs)
{
    QEventLoop loop;
    bool came = false;
    QObject::connect(sender, signal, &loop, [&] {
        came = true;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return came;
}

void runFor(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}
} // namespace

class TestUiResponsiveness : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        uitest::isolateSettings();
        QSettings().clear();
        QVERIFY(dir_.isValid());
        folder_ = dir_.filePath(QStringLiteral("fashion10k"));
        QString error;
        QElapsedTimer t;
        t.start();
        const int written = uitest::writeFashionMnistPngs(folder_, 10000, &error);
        if (written == 0)
            QSKIP(qPrintable(QStringLiteral("Fashion-MNIST (dataset-fashion-mnist) is needed: %1").arg(error)));
        QCOMPARE(written, 10000);
        qInfo("wrote 10,000 PNGs in %lld ms", t.elapsed());
        window_ = std::make_unique<MainWindow>();
        window_->show();
    }

    void cleanupTestCase() { window_.reset(); }

    void scanKeepsTheGuiResponsive()
    {
        StallMeter meter;
        std::vector<std::int64_t> progressSeen;
        QObject listening; // disconnects the lambda when the test ends
        connect(uitest::part<DatasetStore>(window_, "datasetStore"), &DatasetStore::changed, &listening, [&](int id, DatasetStore::Changes c) {
            if (c & DatasetStore::ProgressChanged)
                progressSeen.push_back(uitest::part<DatasetStore>(window_, "datasetStore")->find(id)->progress.done);
        });
        QElapsedTimer scanClock;
        meter.start();
        scanClock.start();
        id_ = uitest::part<DatasetController>(window_, "datasetController")->addPath(folder_);
        QVERIFY(id_ > 0);
        QVERIFY(runUntil(uitest::part<ScanController>(window_, "scanController"), &ScanController::scanFinished, 240000));
        const qint64 scanMs = scanClock.elapsed();
        // Let the views take the result (charts rebuild, table updates) inside the measurement.
        runFor(300);
        meter.stop();
        const DatasetEntry* e = uitest::part<DatasetStore>(window_, "datasetStore")->find(id_);
        QCOMPARE(int(e->state), int(DatasetState::Scanned));
        QCOMPARE(e->profile->images(), std::int64_t(10000));
        QCOMPARE(int(e->profile->classes.size()), 10);
        fullScan_ = e->profile;
        qInfo("scan of 10,000 PNGs: %lld ms, %d timer ticks, longest event-loop stall %.1f ms (ending at %.0f ms), "
              "%zu progress updates",
              scanMs, meter.ticks(), meter.longestMs(), meter.longestEndMs(), progressSeen.size());
        QVERIFY2(meter.longestMs() < 100.0 * nofade::test::kTimingSlack, qPrintable(QStringLiteral("GUI stalled for %1 ms").arg(meter.longestMs())));
        QVERIFY(meter.ticks() > int((scanMs + 300) / 10)); // the meter really ran throughout
        if (scanMs > 500) {
            // Progress reached the table while the scan ran, increasing.
            QVERIFY(progressSeen.size() >= 3);
            QVERIFY(std::is_sorted(progressSeen.begin(), progressSeen.end()));
        }
    }

    void cancelReturnsPromptlyAndContinues()
    {
        ScanSettings s = uitest::part<ScanController>(window_, "scanController")->settings();
        s.threads = 1; // slower, so that the cancel surely lands mid-scan
        window_->applySettings(s, false);
        StallMeter meter;
        meter.start();
        uitest::part<DatasetController>(window_, "datasetController")->scan(id_, true);
        const DatasetEntry* e = uitest::part<DatasetStore>(window_, "datasetStore")->find(id_);
        QTRY_VERIFY_WITH_TIMEOUT(e->progress.done >= 500 && e->progress.imagesPerSecond > 0.0, 60000);
        QCOMPARE(int(e->state), int(DatasetState::Scanning));
        QVERIFY(e->progress.etaSeconds >= 0.0);

        QElapsedTimer cancelClock;
        cancelClock.start();
        uitest::part<DatasetsPanel>(window_, "datasetsPanel")->selectDataset(id_);
        uitest::part<DatasetsPanel>(window_, "datasetsPanel")->cancelAction()->trigger();
        QCOMPARE(int(e->state), int(DatasetState::Cancelling));
        QVERIFY(runUntil(uitest::part<ScanController>(window_, "scanController"), &ScanController::scanFinished, int(5000 * nofade::test::kTimingSlack)));
        const qint64 cancelMs = cancelClock.elapsed();
        meter.stop();
        qInfo("cancel returned in %lld ms; longest stall %.1f ms", cancelMs, meter.longestMs());
        QVERIFY2(cancelMs < 500 * nofade::test::kTimingSlack, qPrintable(QStringLiteral("cancel took %1 ms").arg(cancelMs)));
        QVERIFY2(meter.longestMs() < 100.0 * nofade::test::kTimingSlack, qPrintable(QStringLiteral("GUI stalled for %1 ms").arg(meter.longestMs())));
        e = uitest::part<DatasetStore>(window_, "datasetStore")->find(id_);
        QCOMPARE(int(e->state), int(DatasetState::Partial));
        QVERIFY(!e->profile->complete);
        QVERIFY(e->profile->images() >= 500 && e->profile->images() < 10000);
        QVERIFY2(window_->statusBar()->currentMessage().contains(QLatin1String("cancelled: incomplete")),
                 qPrintable(window_->statusBar()->currentMessage()));

        // Re-scan continues the partial profile: the images already analysed are not decoded again
        // (progress starts where the cancel left it), and the result equals the uncancelled scan.
        const std::int64_t kept = e->profile->images();
        QVERIFY(ScanController::canContinue());
        window_->applySettings(ScanSettings{}, false);
        uitest::part<DatasetsPanel>(window_, "datasetsPanel")->selectDataset(id_);
        QCOMPARE(uitest::part<DatasetsPanel>(window_, "datasetsPanel")->scanAction()->text().remove(QLatin1Char('&')), QStringLiteral("Continue scan"));
        std::int64_t firstProgress = -1;
        QObject listening;
        connect(uitest::part<DatasetStore>(window_, "datasetStore"), &DatasetStore::changed, &listening, [&](int id, DatasetStore::Changes c) {
            const DatasetEntry* d = uitest::part<DatasetStore>(window_, "datasetStore")->find(id);
            if (id == id_ && (c & DatasetStore::ProgressChanged) && firstProgress < 0 && d->progress.total > 0)
                firstProgress = d->progress.done;
        });
        uitest::part<DatasetsPanel>(window_, "datasetsPanel")->scanAction()->trigger();
        // The status bar no longer says the scan was cancelled while it continues.
        QTRY_VERIFY(uitest::part<DatasetStore>(window_, "datasetStore")->find(id_)->state == DatasetState::Scanning);
        QVERIFY2(!window_->statusBar()->currentMessage().contains(QLatin1String("cancelled")),
                 qPrintable(window_->statusBar()->currentMessage()));
        QTRY_VERIFY_WITH_TIMEOUT(uitest::part<DatasetStore>(window_, "datasetStore")->find(id_)->state == DatasetState::Scanned, 240000);
        QVERIFY2(firstProgress >= kept, qPrintable(QStringLiteral("first progress %1, kept %2").arg(firstProgress).arg(kept)));
        e = uitest::part<DatasetStore>(window_, "datasetStore")->find(id_);
        QCOMPARE(e->profile->images(), std::int64_t(10000));
        QVERIFY(e->profile->complete);
        QVERIFY(e->profile->moments == fullScan_->moments);
        QVERIFY(e->profile->fine == fullScan_->fine);
        QVERIFY2(e->warnings.isEmpty(), qPrintable(e->warnings.join(QLatin1Char('\n'))));
        qInfo("continued from %lld kept images", qlonglong(kept));
    }

    void datasetsQueueUp()
    {
        const QString small = dir_.filePath(QStringLiteral("small"));
        QDir().mkpath(small + QStringLiteral("/a"));
        QDir().mkpath(small + QStringLiteral("/b"));
        uitest::writeKnownEntropyImage(small + QStringLiteral("/a/1.png"), 2);
        uitest::writeKnownEntropyImage(small + QStringLiteral("/b/1.png"), 4);
        uitest::part<DatasetController>(window_, "datasetController")->scan(id_, true);
        const int second = uitest::part<DatasetController>(window_, "datasetController")->addPath(small);
        QCOMPARE(int(uitest::part<DatasetStore>(window_, "datasetStore")->find(second)->state), int(DatasetState::Queued));
        QCOMPARE(uitest::part<ScanController>(window_, "scanController")->runningId(), id_);
        QTRY_VERIFY_WITH_TIMEOUT(uitest::part<ScanController>(window_, "scanController")->isIdle(), 240000);
        QCOMPARE(int(uitest::part<DatasetStore>(window_, "datasetStore")->find(second)->state), int(DatasetState::Scanned));
        QCOMPARE(uitest::part<DatasetStore>(window_, "datasetStore")->find(second)->profile->images(), std::int64_t(2));
        QCOMPARE(uitest::part<DatasetStore>(window_, "datasetStore")->find(id_)->profile->images(), std::int64_t(10000));
    }

private:
    QTemporaryDir dir_;
    QString folder_;
    std::unique_ptr<MainWindow> window_;
    std::shared_ptr<const Profile> fullScan_;
    int id_ = 0;
};

QTEST_MAIN(TestUiResponsiveness)
#include "test_ui_responsiveness.moc"

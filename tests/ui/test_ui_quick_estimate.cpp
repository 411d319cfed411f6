// "Quick estimate" driven through the main window: it scans a random sample in the scan queue's
// worker, shows the estimates with their 95% intervals where C_H and C_JS are shown, and
// "Continue scan" then completes the profile into the exact one. Its last step, the C_JS
// interval, shows its own progress and stops on Cancel.
#include <QAction>
#include <QElapsedTimer>
#include <QToolButton>
#include <QMenu>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include "dataset_list/dataset_table_model.h"
#include "dataset_list/datasets_panel.h"
#include "dataset_list/scan_status_widget.h"
#include "dataset_state/dataset_controller.h"
#include "dataset_state/dataset_store.h"
#include "dataset_state/scan_controller.h"
#include "datasets/dataset_opener.h"
#include "entropy_tabs/class_distance_tab.h"
#include "sampling/sample_estimate.h"
#include "scan/scanner.h"
#include "shell/main_window.h"
#include "timing_slack.h"
#include "ui_fixtures.h"

using namespace nofade;
using namespace nofade::ui;

namespace {

// Settings of its own and 400 Fashion-MNIST images as PNG files in class folders under `root`.
bool startClean(const QString& root)
{
    uitest::isolateSettings();
    // Its own settings file: UI tests run in parallel (ctest -j), and this one must not clear or
    // overwrite the settings another test is checking.
    QCoreApplication::setApplicationName(QStringLiteral("nofade-ui-test-quick-estimate"));
    QSettings().clear();
    QString error;
    if (uitest::writeFashionMnistPngs(root, 400, &error) != 400) {
        qWarning("%s", qPrintable(error));
        return false;
    }
    return true;
}

} // namespace

class TestUiQuickEstimate : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void quickEstimateThenComplete()
    {
        QTemporaryDir dir;
        const QString root = dir.filePath(QStringLiteral("fashion"));
        QVERIFY(startClean(root));

        MainWindow window;
        window.show();
        DatasetsPanel* panel = uitest::part<DatasetsPanel>(window, "datasetsPanel");
        QVERIFY(uitest::part<QMenu>(window, "analysisMenu")->actions().contains(panel->quickEstimateAction()));
        ScanSettings settings = uitest::part<ScanController>(window, "scanController")->settings();
        settings.quickEstimate = SampleRequest{100};
        uitest::part<ScanController>(window, "scanController")->setSettings(settings);

        const int id = uitest::part<DatasetController>(window, "datasetController")->addPath(root, false);
        QVERIFY(id > 0);
        panel->selectDataset(id);
        QVERIFY(panel->quickEstimateAction()->isEnabled());
        panel->quickEstimateAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(int(uitest::part<DatasetStore>(window, "datasetStore")->find(id)->state), int(DatasetState::Partial), 60000);

        const DatasetEntry* e = uitest::part<DatasetStore>(window, "datasetStore")->find(id);
        QVERIFY(e->profile && e->profile->sample);
        QCOMPARE(e->profile->images(), 100);
        QCOMPARE(e->profile->sample->design.population, 400);
        const SampleEstimate& est = e->profile->sample->estimate;
        QVERIFY(est.js && std::isfinite(est.meanInterval.low) && std::isfinite(est.jsInterval.low));
        // What NoFADE uses is the estimate, not the sample's own (biased) C_JS.
        QCOMPARE(e->complexity().value(), *est.js);

        QTableView* table = panel->table();
        const int row = uitest::part<DatasetStore>(window, "datasetStore")->rowOf(id);
        const QLocale l;
        auto cell = [&](int column) { return table->model()->index(row, column).data().toString(); };
        const QString ch = QStringLiteral("≈ %1 (95% CI %2–%3), sample of 100")
                               .arg(l.toString(est.mean, 'f', 4), l.toString(est.meanInterval.low, 'f', 4),
                                    l.toString(est.meanInterval.high, 'f', 4));
        QCOMPARE(cell(DatasetTableModel::CH), ch);
        const QString cjs = QStringLiteral("≈ %1 (95% CI %2–%3), sample of 100")
                                .arg(l.toString(*est.js, 'f', 4), l.toString(est.jsInterval.low, 'f', 4),
                                     l.toString(est.jsInterval.high, 'f', 4));
        QCOMPARE(cell(DatasetTableModel::CJS), cjs);
        QCOMPARE(cell(DatasetTableModel::State), QStringLiteral("quick estimate (sample)"));
        uitest::part<QTabWidget>(window, "chartTabs")->setCurrentWidget(uitest::part<ClassDistanceTab>(window, "classDistanceTab"));
        uitest::part<ClassDistanceTab>(window, "classDistanceTab")->setDataset(id);
        QTRY_VERIFY(uitest::part<ClassDistanceTab>(window, "classDistanceTab")->summaryText().contains(QStringLiteral("Estimated for the whole dataset")));
        QVERIFY(uitest::part<ClassDistanceTab>(window, "classDistanceTab")->summaryText().contains(cjs.toHtmlEscaped()));

        if (const QByteArray shot = qgetenv("NOFADE_TEST_SCREENSHOT"); !shot.isEmpty()) // to look at it
            window.grab().save(QString::fromLocal8Bit(shot));

        // Continue: an exact scan of the other 300 images completes it.
        QVERIFY(panel->scanAction()->text().contains(QStringLiteral("Continue")));
        panel->scanAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(int(uitest::part<DatasetStore>(window, "datasetStore")->find(id)->state), int(DatasetState::Scanned), 60000);
        e = uitest::part<DatasetStore>(window, "datasetStore")->find(id);
        QVERIFY(!e->profile->sample);
        QVERIFY(e->profile->complete);
        OpenedDataset opened = openDataset(root);
        Feedback feedback;
        const Profile direct = scanDataset(*opened.source, e->profile->settings, ScanOptions{}, feedback);
        QCOMPARE(e->profile->moments, direct.moments);
        QCOMPARE(e->jsd->complexity, direct.jsd().complexity);
        QCOMPARE(cell(DatasetTableModel::CH), QString::number(direct.entropyComplexity(), 'f', 4));

        // An estimate never replaces an exact result: not offered, and refused when asked.
        QVERIFY(!panel->quickEstimateAction()->isEnabled());
        uitest::part<DatasetController>(window, "datasetController")->quickEstimate(id);
        QTest::qWait(200);
        e = uitest::part<DatasetStore>(window, "datasetStore")->find(id);
        QCOMPARE(int(e->state), int(DatasetState::Scanned));
        QVERIFY(e->profile->complete && !e->profile->sample);
        QCOMPARE(e->profile->images(), 400);
    }

    void cancelDuringTheInterval()
    {
        QTemporaryDir dir;
        const QString root = dir.filePath(QStringLiteral("fashion"));
        QVERIFY(startClean(root));

        MainWindow window;
        window.show();
        DatasetsPanel* panel = uitest::part<DatasetsPanel>(window, "datasetsPanel");
        // The Gaussian class model (a numerical integral per class pair) and 100,000 replicates:
        // an interval step long enough to watch and to cancel.
        ScanSettings settings = uitest::part<ScanController>(window, "scanController")->settings();
        settings.profile.classModel = ClassModel::Gaussian;
        settings.quickEstimate = SampleRequest{100};
        settings.quickEstimate.bootstrapRounds = 100000;
        uitest::part<ScanController>(window, "scanController")->setSettings(settings);
        const int id = uitest::part<DatasetController>(window, "datasetController")->addPath(root, false);
        QVERIFY(id > 0);
        panel->selectDataset(id);
        panel->quickEstimateAction()->trigger();

        // Its progress: the replicates, in the table's state column and in the status bar.
        auto progress = [&] { return uitest::part<DatasetStore>(window, "datasetStore")->find(id)->progress; };
        QTRY_VERIFY_WITH_TIMEOUT(progress().step == ScanStep::Interval && progress().done >= 1,
                                 int(60000 * test::kTimingSlack));
        QCOMPARE(progress().total, 100000);
        const int row = uitest::part<DatasetStore>(window, "datasetStore")->rowOf(id);
        const QString state = panel->table()->model()->index(row, DatasetTableModel::State).data().toString();
        QVERIFY2(state.startsWith(QStringLiteral("C_JS interval · ")) && state.contains(QStringLiteral(" / %1 replicates").arg(QLocale().toString(100000))),
                 qPrintable(state));
        auto* status = window.findChild<ScanStatusWidget*>();
        QVERIFY(status && status->isVisible());
        QVERIFY2(status->text().contains(QStringLiteral("C_JS interval")), qPrintable(status->text()));
        if (const QByteArray shot = qgetenv("NOFADE_TEST_SCREENSHOT_INTERVAL"); !shot.isEmpty()) // to look at it
            window.grab().save(QString::fromLocal8Bit(shot));

        // Cancel, as the user does: the status bar's button.
        QToolButton* cancel = nullptr;
        for (QToolButton* b : status->findChildren<QToolButton*>())
            if (b->text() == QStringLiteral("Cancel"))
                cancel = b;
        QVERIFY(cancel && cancel->isEnabled());
        QElapsedTimer clock;
        clock.start();
        cancel->click();
        QTRY_COMPARE_WITH_TIMEOUT(int(uitest::part<DatasetStore>(window, "datasetStore")->find(id)->state), int(DatasetState::Partial),
                                  int(10000 * test::kTimingSlack));
        qInfo("cancelled in %lld ms", static_cast<long long>(clock.elapsed()));
        QVERIFY(progress().done < 100000);

        // The sample is kept; its C_JS estimate is not there, and says why.
        const DatasetEntry* e = uitest::part<DatasetStore>(window, "datasetStore")->find(id);
        QVERIFY(e->profile && e->profile->sample);
        QCOMPARE(e->profile->images(), 100);
        const SampleEstimate& est = e->profile->sample->estimate;
        QVERIFY(!est.js);
        QCOMPARE(est.jsReason, cancelledEstimateReason());
        QVERIFY(std::isfinite(est.meanInterval.low)); // the mean's does not need the replicates
        const QModelIndex cjs = panel->table()->model()->index(row, DatasetTableModel::CJS);
        QCOMPARE(cjs.data().toString(), QStringLiteral("–"));
        QCOMPARE(cjs.data(Qt::ToolTipRole).toString(), QStringLiteral("No C_JS: %1").arg(cancelledEstimateReason()));
    }
};

QTEST_MAIN(TestUiQuickEstimate)
#include "test_ui_quick_estimate.moc"

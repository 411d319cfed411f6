// "Quick estimate" driven through the main window: it scans a random sample in the scan queue's
// worker, shows the estimates with their 95% intervals where C_H and C_JS are shown, and
// "Continue scan" then completes the profile into the exact one.
#include <QAction>
#include <QMenu>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include "class_distance_view.h"
#include "dataset_store.h"
#include "dataset_table_model.h"
#include "datasets/dataset_opener.h"
#include "datasets_panel.h"
#include "main_window.h"
#include "scan/scanner.h"
#include "scan_queue.h"
#include "ui_fixtures.h"

using namespace nofade;
using namespace nofade::ui;

class TestUiQuickEstimate : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void quickEstimateThenComplete()
    {
        uitest::isolateSettings();
        // Its own settings file: UI tests run in parallel (ctest -j), and this one must not clear
        // or overwrite the settings another test is checking.
        QCoreApplication::setApplicationName(QStringLiteral("nofade-ui-test-quick-estimate"));
        QSettings().clear();
        QTemporaryDir dir;
        const QString root = dir.filePath(QStringLiteral("fashion"));
        QString error;
        QVERIFY2(uitest::writeFashionMnistPngs(root, 400, &error) == 400, qPrintable(error));

        MainWindow window;
        window.show();
        DatasetsPanel* panel = window.datasetsPanel();
        QVERIFY(window.analysisMenu()->actions().contains(panel->quickEstimateAction()));
        ScanSettings settings = window.scanQueue()->settings();
        settings.quickEstimate = SampleRequest{100};
        window.scanQueue()->setSettings(settings);

        const int id = panel->addPath(root, false);
        QVERIFY(id > 0);
        panel->selectDataset(id);
        QVERIFY(panel->quickEstimateAction()->isEnabled());
        panel->quickEstimateAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(int(window.datasets()->find(id)->state), int(DatasetState::Partial), 60000);

        const DatasetEntry* e = window.datasets()->find(id);
        QVERIFY(e->profile && e->profile->sample);
        QCOMPARE(e->profile->images(), 100);
        QCOMPARE(e->profile->sample->design.population, 400);
        const SampleEstimate& est = e->profile->sample->estimate;
        QVERIFY(est.js && std::isfinite(est.meanInterval.low) && std::isfinite(est.jsInterval.low));
        // What NoFADE uses is the estimate, not the sample's own (biased) C_JS.
        QCOMPARE(e->complexity().value(), *est.js);

        QTableView* table = panel->table();
        const int row = window.datasets()->rowOf(id);
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
        window.chartTabs()->setCurrentWidget(window.distanceView());
        window.distanceView()->setDataset(id);
        QTRY_VERIFY(window.distanceView()->summaryText().contains(QStringLiteral("Estimated for the whole dataset")));
        QVERIFY(window.distanceView()->summaryText().contains(cjs.toHtmlEscaped()));

        if (const QByteArray shot = qgetenv("NOFADE_TEST_SCREENSHOT"); !shot.isEmpty()) // to look at it
            window.grab().save(QString::fromLocal8Bit(shot));

        // Continue: an exact scan of the other 300 images completes it.
        QVERIFY(panel->scanAction()->text().contains(QStringLiteral("Continue")));
        panel->scanAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(int(window.datasets()->find(id)->state), int(DatasetState::Scanned), 60000);
        e = window.datasets()->find(id);
        QVERIFY(!e->profile->sample);
        QVERIFY(e->profile->complete);
        OpenedDataset opened = openDataset(root);
        ScanFeedback feedback;
        const Profile direct = scanDataset(*opened.source, e->profile->settings, ScanOptions{}, feedback);
        QCOMPARE(e->profile->moments, direct.moments);
        QCOMPARE(e->jsd->complexity, direct.jsd().complexity);
        QCOMPARE(cell(DatasetTableModel::CH), QString::number(direct.entropyComplexity(), 'f', 4));
    }
};

QTEST_MAIN(TestUiQuickEstimate)
#include "test_ui_quick_estimate.moc"

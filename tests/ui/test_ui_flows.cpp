// The main flows of the application, driven through the main window as a user would: add a
// dataset, scan it, read the table, open the failures, look at the charts and the inspector,
// switch settings, save and reload a profile, drop a folder, see clear errors.
#include <algorithm>
#include <cmath>
#include <QAbstractButton>
#include <QComboBox>
#include <QDockWidget>
#include <QMessageBox>
#include <QMimeData>
#include <QTableView>
#include <QTemporaryDir>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QUndoStack>
#include <QAction>
#include <QStatusBar>
#include <QtTest>

#include "chart_kit/zoomable_chart_view.h"
#include "dataset_list/dataset_table_model.h"
#include "dataset_list/datasets_panel.h"
#include "dataset_list/failures_dialog.h"
#include "dataset_state/bundled_example.h"
#include "dataset_state/dataset_controller.h"
#include "dataset_state/dataset_store.h"
#include "dataset_state/scan_controller.h"
#include "entropy_tabs/class_distance_tab.h"
#include "entropy_tabs/density_chart.h"
#include "entropy_tabs/entropy_histogram_tab.h"
#include "entropy_tabs/heatmap_widget.h"
#include "entropy_tabs/images_tab.h"
#include "inspector/image_inspector_panel.h"
#include "model_table/model_editing_controller.h"
#include "model_table/models_panel.h"
#include "shell/app_settings.h"
#include "shell/main_window.h"
#include "ui_fixtures.h"

using namespace nofade;
using namespace nofade::ui;

namespace {
QString cell(QTableView* table, int row, int column)
{
    return table->model()->index(row, column).data().toString();
}

} // namespace

class TestUiFlows : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        uitest::isolateSettings();
        QSettings().clear();
        QVERIFY(dir_.isValid());
        QVERIFY(uitest::writeKnownDataset(dir_.filePath(QStringLiteral("known"))));
        window_ = std::make_unique<MainWindow>();
        window_->show();
    }

    void cleanupTestCase() { window_.reset(); }

    void addDatasetAndScan()
    {
        DatasetsPanel* panel = uitest::part<DatasetsPanel>(window_, "datasetsPanel");
        id_ = uitest::part<DatasetController>(window_, "datasetController")->addPath(dir_.filePath(QStringLiteral("known")));
        QVERIFY(id_ > 0);
        QTRY_COMPARE_WITH_TIMEOUT(int(uitest::part<DatasetStore>(window_, "datasetStore")->find(id_)->state), int(DatasetState::Scanned), 20000);
        QTableView* table = panel->table();
        const int row = uitest::part<DatasetStore>(window_, "datasetStore")->rowOf(id_);
        QCOMPARE(cell(table, row, DatasetTableModel::Name), QStringLiteral("known"));
        QCOMPARE(cell(table, row, DatasetTableModel::Images), QStringLiteral("10"));
        QCOMPARE(cell(table, row, DatasetTableModel::Classes), QStringLiteral("3"));
        QCOMPARE(cell(table, row, DatasetTableModel::CH), QStringLiteral("3.5000"));
        QCOMPARE(cell(table, row, DatasetTableModel::CJS), QString::number(std::log(1.0 + 2.0 * std::sqrt(0.5)), 'f', 4));
        QCOMPARE(cell(table, row, DatasetTableModel::Failures), QStringLiteral("1"));
        QCOMPARE(cell(table, row, DatasetTableModel::State), QStringLiteral("scanned"));
        // The recent list remembers it.
        QVERIFY(AppSettings::recentDatasets().first().endsWith(QStringLiteral("known")));
    }

    void tabsFollowTheDatasetsDock()
    {
        // The dataset selected in the Datasets dock is the one Per class, Class distances and Images
        // show; their own combo boxes still pick another, and a click in the dock brings them back.
        auto* controller = uitest::part<DatasetController>(window_, "datasetController");
        auto* store = uitest::part<DatasetStore>(window_, "datasetStore");
        QVERIFY(uitest::writeKnownDataset(dir_.filePath(QStringLiteral("second"))));
        const int second = controller->addPath(dir_.filePath(QStringLiteral("second")));
        QTRY_COMPARE_WITH_TIMEOUT(int(store->find(second)->state), int(DatasetState::Scanned), 20000);
        QTableView* table = uitest::part<DatasetsPanel>(window_, "datasetsPanel")->table();
        const QList<QComboBox*> combos = {uitest::part<QComboBox>(window_, "perClassDataset"),
                                          uitest::part<QComboBox>(window_, "distanceDataset"),
                                          uitest::part<QComboBox>(window_, "imagesDataset")};
        auto click = [&](int id) {
            const QModelIndex index = table->model()->index(store->rowOf(id), DatasetTableModel::Name);
            QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(index).center());
        };
        for (int id : {second, id_, second}) {
            click(id);
            for (QComboBox* combo : combos)
                QVERIFY2(combo->currentData().toInt() == id, qPrintable(combo->objectName()));
        }
        // Another dataset in one tab: allowed, and the others stay.
        combos[0]->setCurrentIndex(combos[0]->findData(id_));
        QCOMPARE(combos[0]->currentData().toInt(), id_);
        QCOMPARE(combos[1]->currentData().toInt(), second);
        // A click on the dock's (unchanged) selection brings that tab back to it.
        click(second);
        QCOMPARE(combos[0]->currentData().toInt(), second);
        store->remove(second);
        click(id_);
        for (QComboBox* combo : combos)
            QCOMPARE(combo->currentData().toInt(), id_);
    }

    void firstStartFitsTheScreen()
    {
        // 90% of the available area, at most 1500 x 950, centred: a 1280 x 720 projector (and a
        // panel along the top) keeps the whole window on screen.
        QCOMPARE(MainWindow::defaultGeometry(QRect(0, 0, 1280, 720)), QRect(64, 36, 1152, 648));
        QCOMPARE(MainWindow::defaultGeometry(QRect(0, 0, 1920, 1080)), QRect(210, 65, 1500, 950));
        const QRect panel(0, 27, 1366, 741);
        QVERIFY(panel.contains(MainWindow::defaultGeometry(panel)));
        // The window itself on a 1280 x 720 screen: test_first_start.
    }

    void resetLayoutRestoresTheDocks()
    {
        auto* datasets = uitest::part<QDockWidget>(window_, "datasetsDock");
        auto* models = uitest::part<QDockWidget>(window_, "modelsDock");
        auto* settings = uitest::part<QDockWidget>(window_, "modelSettingsDock");
        auto* inspector = uitest::part<QDockWidget>(window_, "inspectorDock");
        datasets->hide();
        settings->hide();
        models->setFloating(true);
        window_->addDockWidget(Qt::LeftDockWidgetArea, inspector);
        inspector->show();
        uitest::part<QAction>(window_, "resetLayoutAction")->trigger();
        QVERIFY(datasets->isVisible() && settings->isVisible() && !inspector->isVisible());
        QVERIFY(!models->isFloating());
        QCOMPARE(window_->dockWidgetArea(datasets), Qt::BottomDockWidgetArea);
        QCOMPARE(window_->dockWidgetArea(models), Qt::BottomDockWidgetArea);
        QCOMPARE(window_->dockWidgetArea(settings), Qt::RightDockWidgetArea);
        QCOMPARE(window_->dockWidgetArea(inspector), Qt::RightDockWidgetArea);
        QVERIFY(window_->tabifiedDockWidgets(datasets).contains(models));
    }

    void failuresOpenAsCopyableList()
    {
        DatasetsPanel* panel = uitest::part<DatasetsPanel>(window_, "datasetsPanel");
        panel->selectDataset(id_);
        QTableView* table = panel->table();
        const QModelIndex failures = table->model()->index(uitest::part<DatasetStore>(window_, "datasetStore")->rowOf(id_), DatasetTableModel::Failures);
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(failures).center());
        FailuresDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = panel->findChild<FailuresDialog*>()) != nullptr && dialog->isVisible());
        QVERIFY2(dialog->text().startsWith(QStringLiteral("high/broken.png: ")), qPrintable(dialog->text()));
        QVERIFY(dialog->text().trimmed().size() > QStringLiteral("high/broken.png: ").size()); // a reason follows
        dialog->close();

        // A long reason wraps inside the dialog instead of running off to the right.
        const QString reason = QStringLiteral("cannot decode: ") + QString(QStringLiteral("a very long reason ")).repeated(20);
        FailuresDialog longOne(QStringLiteral("x"), QStringLiteral("/data"), {FailedItem{QStringLiteral("a.png"), reason, 0, 1}});
        longOne.show();
        QVERIFY(QTest::qWaitForWindowExposed(&longOne));
        auto* text = longOne.findChild<QPlainTextEdit*>();
        QVERIFY(text);
        QCOMPARE(text->horizontalScrollBar()->maximum(), 0);
        QVERIFY(longOne.text().contains(reason));
    }

    void histogramShowsTheDataset()
    {
        EntropyHistogramTab* view = uitest::part<EntropyHistogramTab>(window_, "entropyHistogramTab");
        QCOMPARE(int(view->chart()->curves().size()), 1);
        view->setBins(64);
        const DensityCurve& c = view->chart()->curves().front();
        QCOMPARE(c.histogram.total, std::uint64_t(10));
        QVERIFY(std::abs(c.mean - 3.5) < 1e-9);
        // Two images at exactly 1 bit: bin [1, 1.125).
        QVERIFY2(view->tooltipAt(1.05).contains(QStringLiteral("2 images (20.00 %)")), qPrintable(view->tooltipAt(1.05)));
        QVERIFY(view->tooltipAt(3.5).contains(QStringLiteral("0 images")));
        QCOMPARE(view->datasetAt(1.05), id_);
        // Density: 2 of 10 images in a 1/8-bit bin = 1.6 per bit.
        QVERIFY(std::abs(c.histogram.density[8] - 1.6) < 1e-12);
        // Double-clicking a bin asks for its images.
        QSignalSpy spy(view, &EntropyHistogramTab::imagesRequested);
        auto* chartView = view->chartView();
        uitest::part<QTabWidget>(window_, "chartTabs")->setCurrentWidget(view);
        QTRY_VERIFY(chartView->isVisible());
        const QPointF scene = view->chart()->mapToPosition(QPointF(1.06, 0.5), view->chart()->series().first());
        const QPoint pos = chartView->mapFromScene(view->chart()->mapToScene(scene));
        QTest::mouseDClick(chartView->viewport(), Qt::LeftButton, {}, pos);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.first().at(0).toInt(), id_);
        QVERIFY(std::abs(spy.first().at(2).toDouble() - 1.0) < 1e-12);
        QVERIFY(std::abs(spy.first().at(3).toDouble() - 1.125) < 1e-12);
    }

    void classDistancesMatchTheHandComputation()
    {
        ClassDistanceTab* view = uitest::part<ClassDistanceTab>(window_, "classDistanceTab");
        uitest::part<QTabWidget>(window_, "chartTabs")->setCurrentWidget(view);
        view->setDataset(id_);
        const DistanceMatrix& m = view->heatmap()->matrix();
        QCOMPARE(m.n, 3);
        // Classes are sorted by name by the folder reader: high, low, mid.
        QVERIFY(std::abs(m.at(0, 1) - 1.0f) < 1e-6f);
        QVERIFY(std::abs(m.at(1, 2) - float(std::sqrt(0.5))) < 1e-6f);
        QVERIFY(std::abs(m.at(2, 0) - float(std::sqrt(0.5))) < 1e-6f);
        QVERIFY(view->summaryText().contains(QStringLiteral("2.4142")));
        QVERIFY(view->summaryText().contains(QStringLiteral("0.8814")));
        view->setOrder(ClassDistanceTab::Order::MeanEntropy);
        // Means: high 5.5, low 1.5, mid 3.5 -> low, mid, high.
        QCOMPARE(view->heatmap()->order(), (std::vector<int>{1, 2, 0}));
    }

    void inspectorStepsThroughImagesByEntropy()
    {
        window_->inspect(id_);
        ImageInspectorPanel* inspector = uitest::part<ImageInspectorPanel>(window_, "imageInspectorPanel");
        QTRY_VERIFY(!inspector->isLoading() && inspector->analysis().ok() && inspector->analysis().pixels > 0);
        QCOMPARE(inspector->imageCount(), 10);
        QCOMPARE(inspector->currentImage()->entropy, 1.0);
        QVERIFY(std::abs(inspector->analysis().entropy - 1.0) < 1e-12); // recomputed from the decoded image
        inspector->showHighest();
        QTRY_VERIFY(!inspector->isLoading());
        QVERIFY(std::abs(inspector->analysis().entropy - 6.0) < 1e-12);
        QCOMPARE(inspector->analysis().nonEmptyBins(), 64);
        // One class and an entropy range (a histogram bin).
        window_->inspect(id_, 2, 2.0, 2.125); // mid, [2, 2.125)
        QTRY_VERIFY(!inspector->isLoading());
        QCOMPARE(inspector->imageCount(), 1);
        QVERIFY(std::abs(inspector->analysis().entropy - 2.0) < 1e-12);
    }

    // A click on a point of the Images tab opens the inspector on that very image.
    void clickInImagesTabShowsThatImage()
    {
        ImagesTab* images = nullptr;
        for (int i = 0; i < uitest::part<QTabWidget>(window_, "chartTabs")->count() && !images; ++i)
            images = qobject_cast<ImagesTab*>(uitest::part<QTabWidget>(window_, "chartTabs")->widget(i));
        QVERIFY(images);
        uitest::part<QDockWidget>(window_, "inspectorDock")->hide();
        const auto& perImage = uitest::part<DatasetStore>(window_, "datasetStore")->find(id_)->profile->perImage;
        const auto highest = std::max_element(perImage.begin(), perImage.end(),
                                              [](const auto& a, const auto& b) { return a.entropy < b.entropy; });
        Q_EMIT images->imageRequested(id_, int(highest - perImage.begin()));
        ImageInspectorPanel* inspector = uitest::part<ImageInspectorPanel>(window_, "imageInspectorPanel");
        QTRY_VERIFY(uitest::part<QDockWidget>(window_, "inspectorDock")->isVisible());
        QTRY_VERIFY(!inspector->isLoading() && inspector->analysis().ok());
        QCOMPARE(inspector->currentImage()->path, highest->path);
        QVERIFY(std::abs(inspector->analysis().entropy - 6.0) < 1e-12);
    }

    void switchingSettingsRescans()
    {
        ScanSettings s = uitest::part<ScanController>(window_, "scanController")->settings();
        s.profile.bins = 16;
        s.profile.classModel = ClassModel::Gaussian;
        window_->applySettings(s, true);
        QTRY_COMPARE_WITH_TIMEOUT(int(uitest::part<DatasetStore>(window_, "datasetStore")->find(id_)->state), int(DatasetState::Scanned), 20000);
        QTRY_VERIFY(uitest::part<DatasetStore>(window_, "datasetStore")->find(id_)->profile->settings.classModel == ClassModel::Gaussian);
        const DatasetEntry* e = uitest::part<DatasetStore>(window_, "datasetStore")->find(id_);
        QCOMPARE(e->profile->settings.bins, 16);
        QCOMPARE(e->profile->classes.front().histogram.bins(), 16);
        QVERIFY(e->jsd->complexity.has_value());
        const QString cjs = cell(uitest::part<DatasetsPanel>(window_, "datasetsPanel")->table(), uitest::part<DatasetStore>(window_, "datasetStore")->rowOf(id_), DatasetTableModel::CJS);
        QCOMPARE(cjs, QString::number(*e->jsd->complexity, 'f', 4));
        QVERIFY(cjs != QStringLiteral("0.8814")); // the Gaussian model gives another C_JS
        QCOMPARE(AppSettings::scanSettings().profile.bins, 16); // persisted
        QCOMPARE(AppSettings::scanSettings().profile.classModel, ClassModel::Gaussian);
        // Back to the defaults: the hand-computed value again.
        window_->applySettings(ScanSettings{}, true);
        QTRY_VERIFY_WITH_TIMEOUT(uitest::part<DatasetStore>(window_, "datasetStore")->find(id_)->state == DatasetState::Scanned
                                     && uitest::part<DatasetStore>(window_, "datasetStore")->find(id_)->profile->settings.classModel == ClassModel::Histogram,
                                 20000);
        QCOMPARE(cell(uitest::part<DatasetsPanel>(window_, "datasetsPanel")->table(), uitest::part<DatasetStore>(window_, "datasetStore")->rowOf(id_), DatasetTableModel::CJS),
                 QStringLiteral("0.8814"));
    }

    void saveAndReloadProfile()
    {
        DatasetsPanel* panel = uitest::part<DatasetsPanel>(window_, "datasetsPanel");
        const QString file = dir_.filePath(QStringLiteral("known.profile.json"));
        QString error;
        QVERIFY2(uitest::part<DatasetController>(window_, "datasetController")->saveProfile(id_, file, &error), qPrintable(error));
        QVERIFY(!uitest::part<DatasetController>(window_, "datasetController")->saveProfile(id_, QStringLiteral("/nonexistent-dir/x.json"), &error));
        QVERIFY(error.contains(QStringLiteral("/nonexistent-dir/x.json")));

        const int before = uitest::part<DatasetStore>(window_, "datasetStore")->count();
        uitest::part<DatasetController>(window_, "datasetController")->loadProfileFile(file);
        QTRY_COMPARE(uitest::part<DatasetStore>(window_, "datasetStore")->count(), before + 1);
        const DatasetEntry& loaded = uitest::part<DatasetStore>(window_, "datasetStore")->at(before);
        const DatasetEntry* original = uitest::part<DatasetStore>(window_, "datasetStore")->find(id_);
        QCOMPARE(int(loaded.state), int(DatasetState::Loaded));
        QCOMPARE(loaded.name, QStringLiteral("known.profile"));
        QVERIFY(loaded.profile->moments == original->profile->moments);
        QVERIFY(loaded.profile->fine == original->profile->fine);
        QCOMPARE(loaded.profile->perImage.size(), original->profile->perImage.size());
        QCOMPARE(loaded.profile->failed.size(), std::size_t(1));
        QCOMPARE(*loaded.jsd->complexity, *original->jsd->complexity);
        QVERIFY(loaded.source != nullptr); // the images are still there: the inspector can show them

        // A file that is not a profile: a clear error naming it.
        const QString bad = dir_.filePath(QStringLiteral("bad.json"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"schema\": \"something/else\"}");
        f.close();
        uitest::part<DatasetController>(window_, "datasetController")->loadProfileFile(bad);
        QMessageBox* box = nullptr;
        QTRY_VERIFY((box = panel->findChild<QMessageBox*>(QStringLiteral("errorBox"))) != nullptr);
        QVERIFY2(box->text().contains(bad), qPrintable(box->text()));
        QCOMPARE(uitest::part<DatasetStore>(window_, "datasetStore")->count(), before + 1);
        box->close();
        QTRY_VERIFY(panel->findChild<QMessageBox*>(QStringLiteral("errorBox")) == nullptr);
        uitest::part<DatasetStore>(window_, "datasetStore")->remove(loaded.id);
        QCOMPARE(uitest::part<DatasetStore>(window_, "datasetStore")->count(), before);
    }

    void dropAFolderAddsIt()
    {
        const QString other = dir_.filePath(QStringLiteral("dropped"));
        QDir().mkpath(other + QStringLiteral("/a"));
        uitest::writeKnownEntropyImage(other + QStringLiteral("/a/x.png"), 3);
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(other)});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(window_.get(), &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(window_.get(), &drop);
        const DatasetEntry* e = uitest::part<DatasetStore>(window_, "datasetStore")->findByPath(other);
        QVERIFY(e != nullptr);
        const int id = e->id;
        QTRY_COMPARE_WITH_TIMEOUT(int(uitest::part<DatasetStore>(window_, "datasetStore")->find(id)->state), int(DatasetState::Scanned), 20000);
        QCOMPARE(uitest::part<DatasetStore>(window_, "datasetStore")->find(id)->profile->images(), std::int64_t(1));
        // C_JS needs two classes: absent, with the reason in the tooltip.
        QCOMPARE(cell(uitest::part<DatasetsPanel>(window_, "datasetsPanel")->table(), uitest::part<DatasetStore>(window_, "datasetStore")->rowOf(id), DatasetTableModel::CJS), QStringLiteral("–"));
        uitest::part<DatasetStore>(window_, "datasetStore")->remove(id);
    }

    // A flat folder (no class sub-folders) is unlabelled: not classification, C_H, C_JS "n/a" with
    // its reason; a symbolic link loop in it is skipped and said in the status bar, as the CLI does.
    void flatFolderIsUnlabelledAndWarningsAreShown()
    {
        const QString flat = dir_.filePath(QStringLiteral("flat"));
        QDir().mkpath(flat);
        uitest::writeKnownEntropyImage(flat + QStringLiteral("/x.png"), 2);
        uitest::writeKnownEntropyImage(flat + QStringLiteral("/y.png"), 4);
        QDir().mkpath(flat + QStringLiteral("/sub"));
        QVERIFY(QFile::link(flat, flat + QStringLiteral("/sub/loop")));
        DatasetStore* store = uitest::part<DatasetStore>(window_, "datasetStore");
        const int id = uitest::part<DatasetController>(window_, "datasetController")->addPath(flat);
        QTRY_COMPARE_WITH_TIMEOUT(int(store->find(id)->state), int(DatasetState::Scanned), 20000);
        const DatasetEntry* e = store->find(id);
        QCOMPARE(e->profile->images(), std::int64_t(2));
        QVERIFY(!e->profile->labelled());
        QVERIFY(e->task != DatasetTask::Classification);
        QCOMPARE(int(e->measure), int(ComplexityMeasure::Entropy));
        QTableView* table = uitest::part<DatasetsPanel>(window_, "datasetsPanel")->table();
        QCOMPARE(cell(table, store->rowOf(id), DatasetTableModel::CJS), QStringLiteral("n/a"));
        const QString tip = table->model()->index(store->rowOf(id), DatasetTableModel::CJS).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(QLatin1String("unlabelled")), qPrintable(tip));
        const QString message = window_->statusBar()->currentMessage();
        QVERIFY2(message.contains(QLatin1String("folder already visited")), qPrintable(message));
        store->remove(id);
    }

    void missingPathsAndExampleGiveClearMessages()
    {
        DatasetsPanel* panel = uitest::part<DatasetsPanel>(window_, "datasetsPanel");
        QCOMPARE(uitest::part<DatasetController>(window_, "datasetController")->addPath(QStringLiteral("/no/such/dataset")), 0);
        QMessageBox* box = nullptr;
        QTRY_VERIFY((box = panel->findChild<QMessageBox*>(QStringLiteral("errorBox"))) != nullptr);
        QVERIFY(box->text().contains(QStringLiteral("/no/such/dataset")));
        box->close();

        qputenv("NOFADE_EXAMPLE_DATASET", "/no/such/example");
        window_->openBundledExample();
        QMessageBox* missing = nullptr;
        QTRY_VERIFY((missing = window_->findChild<QMessageBox*>(QStringLiteral("exampleMissingBox"))) != nullptr);
        QVERIFY(missing->isVisible());
        QVERIFY(missing->text().contains(QStringLiteral("/no/such/example")));
        bool hasChooser = false;
        for (QAbstractButton* b : missing->buttons())
            hasChooser = hasChooser || b->text().contains(QStringLiteral("folder"));
        QVERIFY(hasChooser);
        missing->close();
        qunsetenv("NOFADE_EXAMPLE_DATASET");
    }

    void exportWritesFiles()
    {
        uitest::part<QTabWidget>(window_, "chartTabs")->setCurrentIndex(0);
        for (const char* ext : {"png", "svg", "pdf"}) {
            const QString file = dir_.filePath(QStringLiteral("export.%1").arg(QString::fromLatin1(ext)));
            QString error;
            QVERIFY2(window_->exportCurrentView(file, &error), qPrintable(error));
            QVERIFY(QFileInfo(file).size() > 1000);
        }
        QImage png(dir_.filePath(QStringLiteral("export.png")));
        QVERIFY(png.width() > uitest::part<EntropyHistogramTab>(window_, "entropyHistogramTab")->chartView()->width()); // rendered above screen resolution
        QString error;
        QVERIFY(!window_->exportCurrentView(dir_.filePath(QStringLiteral("export.xyz")), &error));
        QVERIFY(error.contains(QStringLiteral("export.xyz")));
    }

    // Del removes a dataset as an undoable step: Edit > Undo brings it back at its row, with its
    // name, colour and profile; Redo removes it again.
    void removingADatasetCanBeUndone()
    {
        DatasetStore* store = uitest::part<DatasetStore>(window_, "datasetStore");
        DatasetsPanel* panel = uitest::part<DatasetsPanel>(window_, "datasetsPanel");
        QAction* undo = uitest::part<ModelsPanel>(window_, "modelsPanel")->undoAction();
        const int row = store->rowOf(id_);
        const DatasetEntry before = *store->find(id_);
        const int count = store->count();
        panel->selectDataset(id_);
        panel->removeAction()->trigger();
        QCOMPARE(store->count(), count - 1);
        QVERIFY(!store->find(id_));
        QVERIFY(undo->isEnabled());
        QVERIFY2(undo->text().contains(before.name), qPrintable(undo->text()));
        undo->trigger();
        QCOMPARE(store->count(), count);
        const DatasetEntry& back = store->at(row);
        QCOMPARE(back.name, before.name);
        QCOMPARE(back.colour, before.colour);
        QCOMPARE(back.path, before.path);
        QVERIFY(back.profile && back.profile->moments == before.profile->moments);
        QCOMPARE(int(back.state), int(before.state));
        id_ = back.id;
        QCOMPARE(panel->currentId(), id_);
        uitest::part<ModelEditingController>(window_, "modelEditingController")->undoStack()->redo();
        QCOMPARE(store->count(), count - 1);
        uitest::part<ModelEditingController>(window_, "modelEditingController")->undoStack()->undo();
        QCOMPARE(store->count(), count);
        id_ = store->at(row).id;
    }

    void sessionIsRestoredWithoutScanning()
    {
        // Closing the window remembers the datasets and caches their profiles; the next start
        // (not the first) brings them back as they were, without a scan.
        uitest::part<DatasetStore>(window_, "datasetStore")->update(id_, DatasetStore::MetaChanged, [](DatasetEntry& e) {
            e.name = QStringLiteral("renamed");
            e.task = DatasetTask::Segmentation;
            e.measure = ComplexityMeasure::Entropy;
        });
        const Moments moments = uitest::part<DatasetStore>(window_, "datasetStore")->find(id_)->profile->moments;
        QVERIFY(window_->close());
        window_.reset();
        window_ = std::make_unique<MainWindow>();
        window_->show();
        QSignalSpy started(uitest::part<ScanController>(window_, "scanController"), &ScanController::scanStarted);
        AppSettings::setFirstStartDone(true); // a later start, not the first
        window_->startUp(true);
        QTRY_COMPARE(uitest::part<DatasetStore>(window_, "datasetStore")->count(), 1);
        const DatasetEntry& e = uitest::part<DatasetStore>(window_, "datasetStore")->at(0);
        QCOMPARE(e.name, QStringLiteral("renamed"));
        QCOMPARE(int(e.task), int(DatasetTask::Segmentation));
        QCOMPARE(int(e.measure), int(ComplexityMeasure::Entropy));
        QVERIFY(e.profile && e.profile->moments == moments);
        QCOMPARE(int(e.state), int(DatasetState::Scanned));
        QVERIFY(e.profileFile.isEmpty()); // the cache is not offered as the user's file
        QCOMPARE(started.count(), 0);
        id_ = e.id;
    }

    void firstStartOpensTheExample()
    {
        if (!BundledExample::isAvailable())
            QSKIP("dataset-fashion-mnist is not installed");
        window_.reset();
        QSettings().remove(QStringLiteral("firstStartDone"));
        window_ = std::make_unique<MainWindow>();
        window_->show();
        window_->startUp(true);
        QCOMPARE(uitest::part<DatasetStore>(window_, "datasetStore")->count(), 1);
        const int id = uitest::part<DatasetStore>(window_, "datasetStore")->at(0).id;
        QCOMPARE(uitest::part<DatasetStore>(window_, "datasetStore")->at(0).name, QStringLiteral("Fashion-MNIST"));
        QTRY_COMPARE_WITH_TIMEOUT(int(uitest::part<DatasetStore>(window_, "datasetStore")->find(id)->state), int(DatasetState::Scanned), 60000);
        QCOMPARE(uitest::part<DatasetStore>(window_, "datasetStore")->find(id)->profile->images(), std::int64_t(70000));
        QCOMPARE(int(uitest::part<DatasetStore>(window_, "datasetStore")->find(id)->profile->classes.size()), 10);
        QVERIFY(AppSettings::firstStartDone());
    }

private:
    QTemporaryDir dir_;
    std::unique_ptr<MainWindow> window_;
    int id_ = 0;
};

QTEST_MAIN(TestUiFlows)
#include "test_ui_flows.moc"

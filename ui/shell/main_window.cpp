#include "shell/main_window.h"

#include <algorithm>
#include <opencv2/core/version.hpp>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>

#include "complexity/complexity_tab.h"
#include "complexity/measure_prediction_tab.h"
#include "dataset_list/measure_choice_controller.h"
#include "dataset_list/datasets_panel.h"
#include "dataset_list/scan_status_widget.h"
#include "dataset_state/bundled_example.h"
#include "dataset_state/dataset_controller.h"
#include "dataset_state/dataset_store.h"
#include "dataset_state/profile_complexity_controller.h"
#include "dataset_state/scan_controller.h"
#include "entropy_tabs/class_distance_tab.h"
#include "entropy_tabs/entropy_histogram_tab.h"
#include "entropy_tabs/images_tab.h"
#include "entropy_tabs/per_class_tab.h"
#include "export/chart_exporter.h"
#include "export/export_source.h"
#include "export/figure_export_dialog.h"
#include "export/paper_export.h"
#include "export/tab_figure.h"
#include "inspector/image_inspector_panel.h"
#include "model_figures/model_figure_tab.h"
#include "model_figures/model_figures_controller.h"
#include "model_table/model_editing_controller.h"
#include "run_import/run_import_controller.h"
#include "model_table/model_selection_store.h"
#include "model_table/model_settings_panel.h"
#include "model_table/model_store.h"
#include "model_table/models_panel.h"
#include "session/session_controller.h"
#include "shell/app_settings.h"
#include "shell/help_window.h"
#include "shell/presentation_controller.h"
#include "shell/settings_dialog.h"
#include "teaching/teaching_tour_dialog.h"

// The resource object of a static library needs an explicit reference to be initialised.
static void initDocumentationResources()
{
    Q_INIT_RESOURCE(nofade_docs);
    Q_INIT_RESOURCE(ui); // the quick reference
}

namespace nofade::ui {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), store_(new DatasetStore(this)), queue_(new ScanController(store_, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("NoFADE Studio"));
    setAcceptDrops(true);
    setDockOptions(AnimatedDocks | AllowTabbedDocks | AllowNestedDocks);
    // The inspector (right) runs the full height; the datasets (bottom) sit under the charts.
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    setCorner(Qt::TopRightCorner, Qt::RightDockWidgetArea);
    queue_->setSettings(AppSettings::scanSettings());
    queue_->setCacheFile(ScanController::defaultCacheFile());

    datasets_ = new DatasetController(store_, queue_, this);
    panel_ = new DatasetsPanel(datasets_);
    histogram_ = new EntropyHistogramTab(store_);
    perClass_ = new PerClassTab(store_);
    distances_ = new ClassDistanceTab(store_);
    inspector_ = new ImageInspectorPanel(store_);
    workspace_ = new ModelStore(this);
    presentation_ = new PresentationController(this);
    selection_ = new ModelSelectionStore(this);
    selection_->follow(workspace_);
    editing_ = new ModelEditingController(workspace_, this);
    datasets_->setUndoStack(editing_->undoStack()); // one Edit ▸ Undo for the table and the datasets
    feed_ = new ProfileComplexityController(store_, workspace_, this);
    modelsPanel_ = new ModelsPanel(workspace_, editing_, selection_);
    modelSettings_ = new ModelSettingsPanel(workspace_);
    session_ = new SessionController(workspace_, editing_, feed_, datasets_, this);
    auto* measureChoice = new MeasureChoiceController(store_, panel_->tableModel(), workspace_, this);
    measureChoice->setObjectName(QStringLiteral("measureChoiceController"));
    tabs_ = new QTabWidget;
    tabs_->setObjectName(QStringLiteral("chartTabs"));
    tabs_->setDocumentMode(true);
    tabs_->addTab(histogram_, tr("&Entropy histograms"));
    tabs_->addTab(perClass_, tr("&Per class"));
    tabs_->addTab(distances_, tr("Class &distances"));
    auto* images = new ImagesTab(store_);
    tabs_->addTab(images, tr("&Images"));
    modelCharts_ = new ModelFiguresController(workspace_, selection_, tabs_, this);
    modelCharts_->setDatasetStore(store_);
    auto* complexity = new ComplexityTab(store_);
    tabs_->addTab(complexity, tr("C&omplexity"));
    connect(complexity, &ComplexityTab::measureSettingsRequested, this, &MainWindow::showSettingsDialog);
    tabs_->addTab(new MeasurePredictionTab(store_, workspace_), tr("Which measure predicts?"));
    session_->setChartsHooks([this] { return modelCharts_->state(); },
                             [this](const QJsonObject& state) { modelCharts_->restoreState(state); });
    setCentralWidget(tabs_);
    // Object names: how code outside the window finds its parts (findChild).
    store_->setObjectName(QStringLiteral("datasetStore"));
    queue_->setObjectName(QStringLiteral("scanController"));
    workspace_->setObjectName(QStringLiteral("modelStore"));
    presentation_->setObjectName(QStringLiteral("presentationController"));
    selection_->setObjectName(QStringLiteral("modelSelectionStore"));
    editing_->setObjectName(QStringLiteral("modelEditingController"));
    feed_->setObjectName(QStringLiteral("profileComplexityController"));
    session_->setObjectName(QStringLiteral("sessionController"));
    modelCharts_->setObjectName(QStringLiteral("modelFiguresController"));

    createDocks();
    createMenus();
    scanStatus_ = new ScanStatusWidget(store_, queue_);
    statusBar()->addPermanentWidget(scanStatus_);

    connect(panel_, &DatasetsPanel::statusMessage, this, [this](const QString& t) { statusBar()->showMessage(t, 8000); });
    connect(modelsPanel_, &ModelsPanel::statusMessage, this, [this](const QString& t) { statusBar()->showMessage(t, 10000); });
    connect(session_, &SessionController::statusMessage, this, [this](const QString& t) { statusBar()->showMessage(t, 10000); });
    connect(session_, &SessionController::stateChanged, this, &MainWindow::updateTitle);
    connect(modelCharts_, &ModelFiguresController::statusMessage, this, [this](const QString& t) { statusBar()->showMessage(t, 10000); });
    connect(panel_, &DatasetsPanel::recentDatasetsChanged, this, &MainWindow::updateRecentMenu);
    connect(panel_, &DatasetsPanel::inspectRequested, this, [this](int id) { inspect(id); });
    // The tabs show the dataset selected in the Datasets dock (their combo boxes may pick another):
    // when the selection changes, and when its profile arrives (a scan, a cache, a profile file).
    auto follow = [this, images](int id) {
        perClass_->setDataset(id);
        distances_->setDataset(id);
        images->setDataset(id);
    };
    connect(panel_, &DatasetsPanel::currentDatasetChanged, this, follow);
    connect(store_, &DatasetStore::changed, this, [this, follow](int id, DatasetStore::Changes c) {
        if ((c & DatasetStore::ProfileChanged) && id == panel_->currentId())
            follow(id);
    });
    connect(images, &ImagesTab::imageRequested, this, [this](int id, int image) {
        showInspectorDock(); // not inspect(): that would rank and decode the first image in vain
        inspector_->showImage(id, image);
        inspector_->setFocus();
    });
    connect(histogram_, &EntropyHistogramTab::imagesRequested, this, &MainWindow::inspect);
    connect(perClass_, &PerClassTab::imagesRequested, this, &MainWindow::inspect);
    connect(queue_, &ScanController::scanStarted, this, [this](int id) {
        // What the last scan of it said (e.g. "cancelled: incomplete") is no longer true.
        if (const DatasetEntry* e = store_->find(id))
            statusBar()->showMessage(tr("%1: scanning").arg(e->name), 5000);
    });
    connect(queue_, &ScanController::scanFinished, this, [this](int id) {
        const DatasetEntry* e = store_->find(id);
        if (!e)
            return;
        if (e->state == DatasetState::Failed)
            statusBar()->showMessage(tr("%1: scan failed: %2").arg(e->name, e->error), 15000);
        else if (e->profile)
            statusBar()->showMessage(tr("%1: %2 images analysed, %3 failed%4%5%6")
                                         .arg(e->name)
                                         .arg(e->profile->images())
                                         .arg(e->profile->failedItems())
                                         .arg(e->fromScanCache > 0 ? tr(" (%1 unchanged, from the scan cache)").arg(e->fromScanCache)
                                                                   : QString())
                                         .arg(e->profile->complete ? QString()
                                              : e->profile->sample ? tr(" (a random sample: quick estimate)")
                                                                   : tr(" (cancelled: incomplete)"))
                                         // What was skipped or guessed (a symbolic link loop, split folders, ...)
                                         // is said here too, not only in the State cell's tooltip.
                                         .arg(e->warnings.isEmpty() ? QString()
                                              : e->warnings.size() == 1 ? tr(" — warning: %1").arg(e->warnings.first())
                                                                        : tr(" — %1 warnings, the first: %2")
                                                                              .arg(e->warnings.size())
                                                                              .arg(e->warnings.first())),
                                     15000);
    });
    restoreLayout();
}

MainWindow::~MainWindow() = default;

void MainWindow::createDocks()
{
    datasetsDock_ = new QDockWidget(tr("Datasets"), this);
    datasetsDock_->setObjectName(QStringLiteral("datasetsDock"));
    datasetsDock_->setWidget(panel_);
    addDockWidget(Qt::BottomDockWidgetArea, datasetsDock_);

    modelsDock_ = new QDockWidget(tr("Models"), this);
    modelsDock_->setObjectName(QStringLiteral("modelsDock"));
    modelsDock_->setWidget(modelsPanel_);
    addDockWidget(Qt::BottomDockWidgetArea, modelsDock_);
    tabifyDockWidget(datasetsDock_, modelsDock_);
    datasetsDock_->raise();

    inspectorDock_ = new QDockWidget(tr("Image inspector"), this);
    inspectorDock_->setObjectName(QStringLiteral("inspectorDock"));
    inspectorDock_->setWidget(inspector_);
    addDockWidget(Qt::RightDockWidgetArea, inspectorDock_);
    inspectorDock_->hide();

    modelSettingsDock_ = new QDockWidget(tr("Model settings"), this);
    modelSettingsDock_->setObjectName(QStringLiteral("modelSettingsDock"));
    modelSettingsDock_->setWidget(modelSettings_);
    addDockWidget(Qt::RightDockWidgetArea, modelSettingsDock_);
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(session_->openAction());
    file->addAction(session_->saveAction());
    file->addAction(session_->saveAsAction());
    file->addSeparator();
    file->addAction(panel_->addFolderAction());
    file->addAction(panel_->addFilesAction());
    file->addAction(tr("Open the &example dataset"), this, &MainWindow::openBundledExample);
    recentMenu_ = file->addMenu(tr("Open &recent"));
    updateRecentMenu();
    file->addSeparator();
    file->addAction(panel_->loadProfileAction());
    file->addAction(panel_->openShardFolderAction());
    file->addAction(panel_->saveProfileAction());
    file->addSeparator();
    file->addAction(modelsPanel_->importAction());
    file->addAction(modelsPanel_->exportAction());
    QAction* exportAction = file->addAction(tr("&Export view…"), this, &MainWindow::chooseExportFile);
    exportAction->setShortcut(Qt::CTRL | Qt::Key_E);
    exportAction->setStatusTip(tr("Export the current chart as PNG, SVG or PDF"));
    file->addActions(modelCharts_->actions());
    QAction* paper = file->addAction(tr("Export for &paper…"), this, [this] {
        if (exportForPaperWithDialog(*store_, workspace_->report(), selection_->rows(), session_->currentFile(),
                                     session_->capture(), this))
            statusBar()->showMessage(tr("Exported the figures, their data and the CO₂ paragraph for the paper"), 8000);
    });
    paper->setObjectName(QStringLiteral("exportForPaper"));
    paper->setStatusTip(tr("Write every figure (PNG, SVG, PDF) with its data, the CO₂ paragraph (.tex, .bib) of the selected "
                           "models or the table's total, the settings and a copy of the session into one folder"));
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(modelsPanel_->undoAction());
    edit->addAction(modelsPanel_->redoAction());
    edit->addSeparator();
    edit->addAction(modelsPanel_->addAction());
    edit->addAction(modelsPanel_->duplicateAction());
    edit->addAction(modelsPanel_->deleteAction());
    edit->addSeparator();
    edit->addAction(panel_->removeAction());
    edit->addSeparator();
    QAction* prefs = edit->addAction(tr("&Settings…"), this, &MainWindow::showSettingsDialog);
    prefs->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    prefs->setMenuRole(QAction::PreferencesRole);

    // Models: the user's own training runs into the model table.
    auto* runImport = new RunImportController(workspace_, editing_, this);
    connect(runImport, &RunImportController::statusMessage, this, [this](const QString& t) { statusBar()->showMessage(t, 10000); });
    QMenu* models = menuBar()->addMenu(tr("&Models"));
    models->setObjectName(QStringLiteral("modelsMenu"));
    models->addAction(runImport->importAction());

    viewMenu_ = menuBar()->addMenu(tr("&View"));
    viewMenu_->addAction(datasetsDock_->toggleViewAction());
    viewMenu_->addAction(modelsDock_->toggleViewAction());
    viewMenu_->addAction(modelSettingsDock_->toggleViewAction());
    viewMenu_->addAction(inspectorDock_->toggleViewAction());
    QAction* reset = viewMenu_->addAction(tr("&Reset layout"), this, &MainWindow::resetLayout);
    reset->setObjectName(QStringLiteral("resetLayoutAction"));
    reset->setStatusTip(tr("The docks as on the first start: Datasets and Models below the charts, Model settings on the right"));
    viewMenu_->addSeparator();
    QAction* present = viewMenu_->addAction(tr("&Presentation mode"));
    present->setCheckable(true);
    present->setShortcut(QKeySequence(Qt::Key_F11));
    present->setStatusTip(tr("Full screen, large type and thick lines, for a lecture room"));
    connect(present, &QAction::toggled, presentation_, &PresentationController::setOn);
    viewMenu_->addSeparator();
    for (int i = 0; i < tabs_->count(); ++i) {
        QAction* a = viewMenu_->addAction(tabs_->tabText(i).remove(QLatin1Char('&')), this, [this, i] { tabs_->setCurrentIndex(i); });
        a->setShortcut(QKeySequence(Qt::CTRL | (Qt::Key_1 + i)));
    }

    analysisMenu_ = menuBar()->addMenu(tr("&Analysis"));
    analysisMenu_->setObjectName(QStringLiteral("analysisMenu"));
    analysisMenu_->addAction(panel_->scanAction());
    analysisMenu_->addAction(panel_->quickEstimateAction());
    analysisMenu_->addAction(panel_->restartAction());
    analysisMenu_->addAction(panel_->cancelAction());
    QAction* cancelAll = analysisMenu_->addAction(tr("Cancel &all scans"), queue_, &ScanController::cancelAll);
    cancelAll->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Period));
    analysisMenu_->addSeparator();
    analysisMenu_->addAction(panel_->inspectAction());
    analysisMenu_->addAction(panel_->failuresAction());

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* helpAction = help->addAction(tr("NoFADE Studio &user guide"), this, &MainWindow::showHelp);
    helpAction->setShortcut(QKeySequence::HelpContents);
    help->addAction(tr("&Quick reference and shortcuts"), this, &MainWindow::showQuickReference);
    QAction* tour = help->addAction(tr("&Teaching tour"), this, &MainWindow::showTeachingTour);
    tour->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    tour->setStatusTip(tr("A full-screen walk-through for lectures: entropy, JS distance, saturation and NoFADE"));
    help->addAction(tr("&About NoFADE Studio"), this, &MainWindow::showAbout)->setMenuRole(QAction::AboutRole);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt)->setMenuRole(QAction::AboutQtRole);
}

TeachingTourDialog* MainWindow::showTeachingTour()
{
    // The current dataset when it has been scanned, else the first one that has.
    const DatasetEntry* dataset = store_->find(panel_->currentId());
    for (int row = 0; (!dataset || !dataset->profile) && row < store_->count(); ++row)
        dataset = &store_->at(row);
    auto* tour = new TeachingTourDialog(dataset && dataset->profile ? dataset : nullptr, workspace_->report(), this);
    tour->setAttribute(Qt::WA_DeleteOnClose);
    // The screen's size first: without a window manager (a bare X server) full screen is only a request.
    if (const QScreen* where = screen())
        tour->setGeometry(where->geometry());
    tour->showFullScreen();
    return tour;
}

void MainWindow::updateRecentMenu()
{
    recentMenu_->clear();
    const QStringList recent = AppSettings::recentDatasets();
    for (const QString& path : recent)
        recentMenu_->addAction(path, this, [this, path] { datasets_->addPath(path); });
    if (!recent.isEmpty()) {
        recentMenu_->addSeparator();
        recentMenu_->addAction(tr("Clear list"), this, [this] {
            AppSettings::clearRecentDatasets();
            updateRecentMenu();
        });
    }
    recentMenu_->setEnabled(!recent.isEmpty());
}

void MainWindow::startUp(bool restoreSession)
{
    if (!AppSettings::firstStartDone()) {
        AppSettings::setFirstStartDone(true);
        openBundledExample();
    } else if (restoreSession) {
        session_->restoreLastSession();
    }
    session_->offerRecovery(this);
}

void MainWindow::updateTitle()
{
    const QString file = session_->currentFile();
    const QString name = file.isEmpty() ? tr("Untitled session") : QFileInfo(file).fileName();
    setWindowTitle(tr("%1%2 — NoFADE Studio").arg(name, session_->isModified() ? QStringLiteral("*") : QString()));
}

void MainWindow::openBundledExample()
{
    if (BundledExample::isAvailable()) {
        const int id = datasets_->addPath(BundledExample::path());
        store_->update(id, DatasetStore::MetaChanged, [](DatasetEntry& e) {
            if (e.name == QLatin1String("fashion-mnist"))
                e.name = QStringLiteral("Fashion-MNIST");
        });
        return;
    }
    auto* box = new QMessageBox(QMessageBox::Information, tr("Example dataset not installed"),
                                BundledExample::missingMessage(), QMessageBox::Close, this);
    box->setObjectName(QStringLiteral("exampleMissingBox"));
    QPushButton* choose = box->addButton(tr("Choose a dataset &folder…"), QMessageBox::AcceptRole);
    box->setDefaultButton(choose);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(choose, &QPushButton::clicked, panel_->addFolderAction(), &QAction::trigger);
    box->open();
}

void MainWindow::showInspectorDock()
{
    if (inspectorDock_->isHidden()) {
        inspectorDock_->show();
        resizeDocks({inspectorDock_}, {std::max(480, width() / 3)}, Qt::Horizontal);
    }
    inspectorDock_->raise();
}

void MainWindow::inspect(int datasetId, int classIndex, std::optional<double> lower, std::optional<double> upper)
{
    showInspectorDock();
    inspector_->showImages(datasetId, classIndex, lower, upper);
    inspector_->setFocus();
}

void MainWindow::applySettings(const ScanSettings& settings, bool rescan)
{
    queue_->setSettings(settings);
    AppSettings::setScanSettings(settings);
    if (!rescan)
        return;
    for (int id : store_->ids()) {
        const DatasetEntry* e = store_->find(id);
        // Other analysis settings, or measures asked for that the profile does not hold.
        const bool measuresMissing = ScanSettings::measuresBeyondEntropy(settings.measures) && e && e->profile
                                     && (!e->profile->measures || e->profile->measures->settings != settings.measures);
        if (e && e->profile && !e->isBusy() && (!(e->profile->settings == settings.profile) || measuresMissing)
            && (e->source || QFileInfo::exists(e->path)))
            queue_->enqueue(id, ScanController::Mode::Restart);
    }
}

void MainWindow::showSettingsDialog()
{
    auto* dialog = new SettingsDialog(queue_->settings(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { applySettings(dialog->settings(), dialog->rescanRequested()); });
    dialog->open();
}

bool MainWindow::exportCurrentView(const QString& file, QString* error)
{
    auto* source = dynamic_cast<ExportSource*>(tabs_->currentWidget());
    QWidget* target = source ? source->exportWidget() : tabs_->currentWidget();
    return ChartExporter::exportWidget(target, file, error);
}

void MainWindow::chooseExportFile()
{
    if (ModelFigureTab* figure = modelCharts_->currentFigureView()) {
        figure->showExportDialog(); // size, DPI and style
        return;
    }
    if (tabFigure(tabs_->currentWidget(), *store_, FigureSize{})) // the entropy and complexity tabs: one figure path for all
        return void(exportTabFigureWithDialog(tabs_->currentWidget(), *store_, this));
    auto* source = dynamic_cast<ExportSource*>(tabs_->currentWidget());
    if (source && source->hasFigureExport())
        return void(showFigureExportDialog(source, FigureStyle::publication(), this));
    const QString base = source ? source->exportBaseName() : QStringLiteral("chart");
    const QString file = QFileDialog::getSaveFileName(this, tr("Export view"),
                                                      QDir(AppSettings::lastDirectory()).filePath(base + QStringLiteral(".png")),
                                                      ChartExporter::fileFilter());
    if (file.isEmpty())
        return;
    QString error;
    if (exportCurrentView(file, &error))
        statusBar()->showMessage(tr("Exported %1").arg(file), 8000);
    else
        QMessageBox::warning(this, tr("Export failed"), error);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About NoFADE Studio"),
                       tr("<h3>NoFADE Studio %1</h3>"
                          "<p>Entropy, Jensen-Shannon complexity and CO<sub>2</sub> analysis of vision datasets and models, "
                          "after <i>NoFADE: Analyzing Diminishing Returns on CO2 Investment</i> (Fu et al.).</p>"
                          "<p>Qt %2 (built with %3)<br>OpenCV %4</p>")
                           .arg(QStringLiteral(NOFADE_VERSION), QString::fromLatin1(qVersion()),
                                QStringLiteral(QT_VERSION_STR), QStringLiteral(CV_VERSION)));
}

void MainWindow::showHelp()
{
    // The user guide (docs/USER_GUIDE.md with its pictures, compiled into the resources), so
    // that F1 shows the same text as the documentation; its links to METHODS.md and CLI.md work.
    initDocumentationResources();
    auto* guide = new HelpWindow(tr("NoFADE Studio user guide"), QUrl(QStringLiteral("qrc:/nofade/docs/USER_GUIDE.md")),
                                 QTextDocument::MarkdownResource, this);
    guide->resize(900, 760);
    guide->show();
}

void MainWindow::showQuickReference()
{
    initDocumentationResources();
    auto* reference = new HelpWindow(tr("NoFADE Studio quick reference"), QUrl(QStringLiteral("qrc:/nofade/ui/help.html")),
                                     QTextDocument::HtmlResource, this);
    reference->resize(700, 600);
    reference->show();
}

QRect MainWindow::defaultGeometry(const QRect& available)
{
    const QSize size(std::min(1500, available.width() * 9 / 10), std::min(950, available.height() * 9 / 10));
    QRect r(QPoint(0, 0), size);
    r.moveCenter(available.center());
    return r;
}

void MainWindow::sizeDefaultDocks()
{
    // In proportion to the window, so that a small screen keeps room for the charts.
    resizeDocks({datasetsDock_}, {std::clamp(height() / 4, 140, 210)}, Qt::Vertical);
    resizeDocks({inspectorDock_}, {std::clamp(width() / 3, 360, 520)}, Qt::Horizontal);
    resizeDocks({modelSettingsDock_}, {std::clamp(width() * 28 / 100, 300, 400)}, Qt::Horizontal);
}

void MainWindow::resetLayout()
{
    restoreState(defaultState_);
    sizeDefaultDocks();
    datasetsDock_->raise();
}

void MainWindow::restoreLayout()
{
    QSettings s;
    if (!restoreGeometry(s.value(QStringLiteral("window/geometry")).toByteArray())) {
        const QScreen* where = screen() ? screen() : QGuiApplication::primaryScreen();
        setGeometry(defaultGeometry(where ? where->availableGeometry() : QRect(0, 0, 1500, 950)));
    }
    sizeDefaultDocks();
    defaultState_ = saveState();
    if (!restoreState(s.value(QStringLiteral("window/state")).toByteArray()))
        sizeDefaultDocks();
    tabs_->setCurrentIndex(s.value(QStringLiteral("window/tab"), 0).toInt());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    queue_->cancelAll();
    QSettings s;
    s.setValue(QStringLiteral("window/geometry"), saveGeometry());
    s.setValue(QStringLiteral("window/state"), saveState());
    s.setValue(QStringLiteral("window/tab"), tabs_->currentIndex());
    session_->cleanExit();
    // The help windows and dialogs belong to this window: they go with it, so the application ends.
    for (QWidget* w : findChildren<QWidget*>())
        if (w->isWindow() && w->isVisible())
            w->close();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    for (const QUrl& url : event->mimeData()->urls()) {
        if (!url.isLocalFile())
            continue;
        const QString path = url.toLocalFile();
        if (path.endsWith(QLatin1String(".nofade-session"), Qt::CaseInsensitive)) {
            QString error;
            if (!session_->open(path, &error))
                QMessageBox::warning(this, tr("Cannot open the session"), tr("%1\n\nNothing was changed.").arg(error));
        } else
            datasets_->open(path);
    }
    event->acceptProposedAction();
}

} // namespace nofade::ui

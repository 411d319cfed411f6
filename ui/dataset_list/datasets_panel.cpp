#include "dataset_list/datasets_panel.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QMenu>
#include <QMessageBox>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

#include "dataset_list/choice_delegate.h"
#include "dataset_list/dataset_table_model.h"
#include "dataset_list/failures_dialog.h"
#include "dataset_list/progress_delegate.h"
#include "dataset_state/dataset_controller.h"
#include "dataset_state/dataset_store.h"
#include "dataset_state/scan_controller.h"
#include "shell/app_settings.h"
#include "shell/panel_action.h"

namespace nofade::ui {

DatasetsPanel::DatasetsPanel(DatasetController* datasets, QWidget* parent)
    : QWidget(parent), datasets_(datasets), store_(datasets->store()), queue_(datasets->scans()),
      model_(new DatasetTableModel(store_, this))
{
    setObjectName(QStringLiteral("datasetsPanel"));
    table_ = new QTableView;
    table_->setObjectName(QStringLiteral("datasetsTable"));
    table_->setModel(model_);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                            | QAbstractItemView::SelectedClicked);
    table_->setItemDelegateForColumn(DatasetTableModel::State, new ProgressDelegate(table_));
    auto* choices = new ChoiceDelegate(table_);
    table_->setItemDelegateForColumn(DatasetTableModel::Task, choices);
    table_->setItemDelegateForColumn(DatasetTableModel::Measure, choices);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    table_->setColumnWidth(DatasetTableModel::Name, 170);
    table_->setColumnWidth(DatasetTableModel::Task, 105);
    table_->setColumnWidth(DatasetTableModel::Measure, 70);
    table_->setColumnWidth(DatasetTableModel::Images, 75);
    table_->setColumnWidth(DatasetTableModel::Classes, 60);
    table_->setColumnWidth(DatasetTableModel::MeanStd, 115);
    table_->setColumnWidth(DatasetTableModel::CH, 65);
    table_->setColumnWidth(DatasetTableModel::CJS, 65);
    table_->setColumnWidth(DatasetTableModel::Failures, 65);
    table_->setContextMenuPolicy(Qt::CustomContextMenu);

    createActions();
    auto* bar = new QToolBar;
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    bar->addAction(addFolder_);
    bar->addAction(addFiles_);
    bar->addSeparator();
    bar->addAction(scan_);
    bar->addAction(quickEstimate_);
    bar->addAction(cancel_);
    bar->addAction(remove_);
    bar->addSeparator();
    bar->addAction(loadProfile_);
    bar->addAction(saveProfile_);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(bar);
    layout->addWidget(table_);

    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        updateActions();
        Q_EMIT currentDatasetChanged(currentId());
    });
    connect(table_, &QTableView::clicked, this, [this](const QModelIndex& index) {
        // A click on the row already current still brings the tabs back to its dataset.
        Q_EMIT currentDatasetChanged(currentId());
        if (index.column() == DatasetTableModel::Failures)
            showFailures(model_->idAt(index.row()));
    });
    connect(table_, &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
        QMenu menu;
        menu.addActions({scan_, quickEstimate_, restart_, cancel_});
        menu.addSeparator();
        menu.addActions({inspect_, failures_, saveProfile_});
        menu.addSeparator();
        menu.addAction(remove_);
        menu.exec(table_->viewport()->mapToGlobal(pos));
    });
    connect(store_, &DatasetStore::changed, this, [this](int id, DatasetStore::Changes c) {
        if (id == currentId() && (c & (DatasetStore::StateChanged | DatasetStore::ProfileChanged)))
            updateActions();
        const DatasetEntry* e = store_->find(id);
        if ((c & DatasetStore::ProfileChanged) && e && e->profile && e->profile->sample) {
            // "≈ 4.1167 (95% CI 4.1032–4.1303), sample of 7,000" needs the room
            table_->resizeColumnToContents(DatasetTableModel::CH);
            table_->resizeColumnToContents(DatasetTableModel::CJS);
        }
    });
    connect(store_, &DatasetStore::removed, this, [this] { updateActions(); });
    connect(datasets_, &DatasetController::selectRequested, this, &DatasetsPanel::selectDataset);
    connect(datasets_, &DatasetController::datasetAdded, this, [this](int id) {
        if (store_->count() == 1 || currentId() == 0)
            selectDataset(id);
    });
    connect(datasets_, &DatasetController::error, this, &DatasetsPanel::showError);
    connect(datasets_, &DatasetController::statusMessage, this, &DatasetsPanel::statusMessage);
    connect(datasets_, &DatasetController::recentDatasetsChanged, this, &DatasetsPanel::recentDatasetsChanged);
    updateActions();
}

void DatasetsPanel::createActions()
{
    auto make = [this](const QString& text, const QKeySequence& key, const QString& tip, auto slot) {
        return makePanelAction(this, text, key, tip, slot);
    };
    addFolder_ = make(tr("Add &folder…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D), tr("Add a dataset folder (image files with class sub-folders, or IDX/CIFAR files)"),
                      [this] { chooseFolder(); });
    addFiles_ = make(tr("Add &file…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O),
                     tr("Add an IDX or CIFAR dataset file"), [this] { chooseFiles(); });
    loadProfile_ = make(tr("&Load profile…"), QKeySequence(Qt::CTRL | Qt::Key_L),
                        tr("Open a saved dataset profile (JSON); the images are not needed"), [this] { chooseProfileToLoad(); });
    openShardFolder_ = make(tr("Open S&hard Folder…"), {},
                            tr("Open the folder a Slurm job array writes its shard profiles to, and watch the merge "
                               "grow as shards arrive"),
                            [this] { chooseShardFolder(); });
    saveProfile_ = make(tr("&Save profile…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P),
                        tr("Save the selected dataset's profile as JSON, to share or reopen without the images"),
                        [this] { chooseProfileToSave(); });
    scan_ = make(tr("S&can"), QKeySequence(Qt::Key_F5),
                 tr("Scan the selected dataset; an incomplete profile is continued"), [this] { datasets_->scan(currentId(), false); });
    restart_ = make(tr("&Re-scan from scratch"), QKeySequence(Qt::SHIFT | Qt::Key_F5),
                    tr("Analyse every image of the selected dataset again"), [this] { datasets_->scan(currentId(), true); });
    quickEstimate_ = make(tr("&Quick estimate"), QKeySequence(Qt::CTRL | Qt::Key_F5),
                          tr("Scan a random sample of the selected dataset (stratified by class) and estimate its mean "
                             "entropy and C_JS with 95% intervals; Continue scan then completes it exactly"),
                          [this] { datasets_->quickEstimate(currentId()); });
    cancel_ = make(tr("Ca&ncel scan"), QKeySequence(Qt::CTRL | Qt::Key_Period),
                   tr("Stop the selected dataset's scan, keeping what was analysed as an incomplete profile"),
                   [this] { queue_->cancel(currentId()); });
    remove_ = make(tr("Re&move"), QKeySequence::Delete, tr("Remove the selected dataset from the session (Edit ▸ Undo brings it back)"),
                   [this] { datasets_->remove(currentId()); });
    remove_->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(remove_);
    failures_ = make(tr("Show &failed files…"), {}, tr("List the files that could not be used, with reasons"),
                     [this] { showFailures(currentId()); });
    inspect_ = make(tr("&Inspect images…"), QKeySequence(Qt::CTRL | Qt::Key_I),
                    tr("Step through the selected dataset's lowest- and highest-entropy images"),
                    [this] { Q_EMIT inspectRequested(currentId()); });
}

void DatasetsPanel::updateActions()
{
    const DatasetEntry* e = store_->find(currentId());
    const bool busy = e && e->isBusy();
    const bool scannable = e && !busy && e->shardFolder.isEmpty(); // shard folders: merged, not scanned
    scan_->setEnabled(scannable);
    if (e && e->profile && !e->profile->complete && ScanController::canContinue())
        scan_->setText(tr("&Continue scan"));
    else if (e && e->profile)
        scan_->setText(tr("Re-s&can"));
    else
        scan_->setText(tr("S&can"));
    restart_->setEnabled(scannable);
    quickEstimate_->setEnabled(scannable && !DatasetController::hasExactProfile(*e));
    cancel_->setEnabled(busy);
    remove_->setEnabled(e != nullptr);
    saveProfile_->setEnabled(e && e->profile);
    failures_->setEnabled(e && e->profile && !e->profile->failed.empty());
    inspect_->setEnabled(e && e->profile && !e->profile->perImage.empty());
}

int DatasetsPanel::currentId() const
{
    const QModelIndex current = table_->selectionModel()->currentIndex();
    return current.isValid() ? model_->idAt(current.row()) : 0;
}

void DatasetsPanel::selectDataset(int id)
{
    const int row = store_->rowOf(id);
    if (row >= 0)
        table_->selectionModel()->setCurrentIndex(model_->index(row, 0),
                                                  QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void DatasetsPanel::showFailures(int id)
{
    const DatasetEntry* e = store_->find(id);
    if (!e || !e->profile || e->profile->failed.empty())
        return;
    auto* dialog = new FailuresDialog(e->name, e->profile->source.path, e->profile->failed, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void DatasetsPanel::chooseFolder()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Add dataset folder"), AppSettings::lastDirectory());
    if (dir.isEmpty())
        return;
    AppSettings::setLastDirectory(QFileInfo(dir).absolutePath());
    datasets_->addPath(dir);
}

void DatasetsPanel::chooseFiles()
{
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Add IDX or CIFAR dataset file"), AppSettings::lastDirectory(),
        tr("Dataset files (*-idx3-ubyte *-idx3-ubyte.gz *.idx *.idx.gz *.bin);;All files (*)"));
    for (const QString& f : files) {
        AppSettings::setLastDirectory(QFileInfo(f).absolutePath());
        datasets_->addPath(f);
    }
}

void DatasetsPanel::chooseProfileToLoad()
{
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Load profile"), AppSettings::lastDirectory(),
                                                            ProfileFiles::fileFilter());
    for (const QString& f : files)
        datasets_->loadProfileFile(f);
}

void DatasetsPanel::chooseShardFolder()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open shard folder"), AppSettings::lastDirectory());
    if (dir.isEmpty())
        return;
    AppSettings::setLastDirectory(QFileInfo(dir).absolutePath());
    datasets_->openShardFolder(dir);
}

void DatasetsPanel::chooseProfileToSave()
{
    const DatasetEntry* e = store_->find(currentId());
    if (!e || !e->profile)
        return;
    QString suggested = e->profileFile;
    if (suggested.isEmpty())
        suggested = QDir(AppSettings::lastDirectory()).filePath(QString(e->name).replace(QLatin1Char('/'), QLatin1Char('-'))
                                                                + QStringLiteral(".profile.json"));
    const QString file = QFileDialog::getSaveFileName(this, tr("Save profile"), suggested, ProfileFiles::fileFilter());
    if (file.isEmpty())
        return;
    QString error;
    if (!datasets_->saveProfile(e->id, file, &error))
        showError(tr("Cannot save profile"), error);
}

void DatasetsPanel::showError(const QString& title, const QString& text)
{
    auto* box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("errorBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open(); // not exec(): no nested event loop
    Q_EMIT statusMessage(text);
}

} // namespace nofade::ui

#include "datasets_panel.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHeaderView>
#include <QMenu>
#include <QMessageBox>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

#include "panel_action.h"
#include "app_settings.h"
#include "choice_delegate.h"
#include "dataset_store.h"
#include "dataset_table_model.h"
#include "failures_dialog.h"
#include "profile/profile_merge.h"
#include "progress_delegate.h"
#include "scan_queue.h"

namespace nofade::ui {

namespace {
// A readable default name: the folder's name, or for a file its folder's name and the file.
QString defaultName(const QString& path)
{
    const QFileInfo info(path);
    if (info.isDir())
        return info.fileName().isEmpty() ? path : info.fileName();
    return QStringLiteral("%1/%2").arg(info.dir().dirName(), info.completeBaseName());
}
} // namespace

DatasetsPanel::DatasetsPanel(DatasetStore* store, ScanQueue* queue, QWidget* parent)
    : QWidget(parent), store_(store), queue_(queue), model_(new DatasetTableModel(store, this))
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
    connect(store_, &DatasetStore::removed, this, [this](int id) {
        if (const auto w = shardWatchers_.find(id); w != shardWatchers_.end()) {
            delete w->second;
            shardWatchers_.erase(w);
        }
        updateActions();
    });
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
                 tr("Scan the selected dataset; an incomplete profile is continued"), [this] { scanDataset(currentId(), false); });
    restart_ = make(tr("&Re-scan from scratch"), QKeySequence(Qt::SHIFT | Qt::Key_F5),
                    tr("Analyse every image of the selected dataset again"), [this] { scanDataset(currentId(), true); });
    quickEstimate_ = make(tr("&Quick estimate"), QKeySequence(Qt::CTRL | Qt::Key_F5),
                          tr("Scan a random sample of the selected dataset (stratified by class) and estimate its mean "
                             "entropy and C_JS with 95% intervals; Continue scan then completes it exactly"),
                          [this] { quickEstimate(currentId()); });
    cancel_ = make(tr("Ca&ncel scan"), QKeySequence(Qt::CTRL | Qt::Key_Period),
                   tr("Stop the selected dataset's scan, keeping what was analysed as an incomplete profile"),
                   [this] { queue_->cancel(currentId()); });
    remove_ = make(tr("Re&move"), QKeySequence::Delete, tr("Remove the selected dataset from the session"),
                   [this] { store_->remove(currentId()); });
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
    if (e && e->profile && !e->profile->complete && ScanQueue::canContinue())
        scan_->setText(tr("&Continue scan"));
    else if (e && e->profile)
        scan_->setText(tr("Re-s&can"));
    else
        scan_->setText(tr("S&can"));
    restart_->setEnabled(scannable);
    quickEstimate_->setEnabled(scannable);
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

int DatasetsPanel::addPath(const QString& path, bool scan)
{
    if (!QFileInfo::exists(path)) {
        showError(tr("Cannot add dataset"), tr("%1: no such file or folder").arg(path));
        return 0;
    }
    if (const DatasetEntry* existing = store_->findByPath(path)) {
        selectDataset(existing->id);
        Q_EMIT statusMessage(tr("%1 is already open").arg(existing->name));
        return existing->id;
    }
    DatasetEntry e;
    e.name = defaultName(path);
    e.path = QFileInfo(path).absoluteFilePath();
    const int id = store_->add(std::move(e));
    AppSettings::addRecentDataset(QFileInfo(path).absoluteFilePath());
    Q_EMIT recentDatasetsChanged();
    if (store_->count() == 1 || currentId() == 0)
        selectDataset(id);
    if (scan)
        queue_->enqueue(id);
    return id;
}

int DatasetsPanel::addLoadedProfile(const LoadedProfile& loaded)
{
    if (!loaded.profile) {
        showError(tr("Cannot load profile"), loaded.error);
        return 0;
    }
    DatasetEntry e;
    e.name = QFileInfo(loaded.file).completeBaseName();
    e.path = loaded.profile->source.path;
    e.format = loaded.profile->source.format;
    e.profile = loaded.profile;
    e.jsd = loaded.jsd;
    e.source = loaded.source;
    e.profileFile = loaded.file;
    e.state = loaded.profile->complete ? DatasetState::Loaded : DatasetState::Partial;
    if (e.profile->classes.size() < 2) {
        e.task = DatasetTask::Detection;
        e.measure = ComplexityMeasure::Entropy;
    }
    if (!loaded.source)
        e.warnings << tr("The images of this profile (%1) are not available: the inspector shows entropies only.")
                          .arg(e.path);
    const int id = store_->add(std::move(e));
    selectDataset(id);
    Q_EMIT statusMessage(tr("Loaded profile %1").arg(loaded.file));
    return id;
}

void DatasetsPanel::loadProfileFile(const QString& file)
{
    auto* watcher = new QFutureWatcher<LoadedProfile>(this);
    connect(watcher, &QFutureWatcher<LoadedProfile>::finished, this, [this, watcher] {
        addLoadedProfile(watcher->result());
        watcher->deleteLater();
    });
    watcher->setFuture(ProfileFiles::loadAsync(file));
    Q_EMIT statusMessage(tr("Loading profile %1…").arg(file));
}

int DatasetsPanel::openShardFolder(const QString& folder)
{
    const QFileInfo info(folder);
    if (!info.isDir()) {
        showError(tr("Cannot open shard folder"), tr("%1: not a folder").arg(folder));
        return 0;
    }
    const QString path = info.absoluteFilePath();
    for (const auto& [id, watcher] : shardWatchers_)
        if (watcher->folder() == path) {
            selectDataset(id);
            return id;
        }
    DatasetEntry e;
    // nofade-submit.sh writes OUTDIR/shards: the run is better named by OUTDIR.
    e.name = info.fileName() == QLatin1String("shards") ? info.dir().dirName() : info.fileName();
    e.path = path;
    e.shardFolder = path;
    e.state = DatasetState::Partial;
    const int id = store_->add(std::move(e));
    auto* watcher = new ShardFolderWatcher(path, this);
    shardWatchers_[id] = watcher;
    connect(watcher, &ShardFolderWatcher::updated, this,
            [this, id](const ShardFolderSnapshot& snapshot) { applyShardSnapshot(id, snapshot); });
    selectDataset(id);
    Q_EMIT statusMessage(tr("Watching %1 for shard profiles").arg(path));
    return id;
}

void DatasetsPanel::applyShardSnapshot(int id, const ShardFolderSnapshot& s)
{
    const bool first = s.merged && store_->find(id) && !store_->find(id)->profile;
    store_->update(id, DatasetStore::ProfileChanged | DatasetStore::StateChanged | DatasetStore::MetaChanged,
                   [&](DatasetEntry& d) {
                       if (s.merged) {
                           d.profile = s.merged;
                           d.jsd = s.jsd;
                           d.format = s.merged->source.format;
                       }
                       if (first && s.merged->classes.size() < 2) {
                           d.task = DatasetTask::Detection;
                           d.measure = ComplexityMeasure::Entropy;
                       }
                       d.state = s.complete() ? DatasetState::Loaded : DatasetState::Partial;
                       d.warnings.clear();
                       if (!s.error.isEmpty())
                           d.warnings << s.error;
                       else if (!s.missing.empty())
                           d.warnings << tr("Waiting for shards %1").arg(describeShardList(s.missing));
                       d.warnings += s.skipped;
                   });
    const DatasetEntry* e = store_->find(id);
    if (e && e->profile)
        Q_EMIT statusMessage(tr("%1: %2").arg(e->name, shardProgressText(*e->profile)));
    if (!s.error.isEmpty())
        Q_EMIT statusMessage(s.error);
}

bool DatasetsPanel::saveProfile(int id, const QString& file, QString* error)
{
    const DatasetEntry* e = store_->find(id);
    if (!e || !e->profile) {
        *error = tr("the dataset has no profile yet: scan it first");
        return false;
    }
    if (!ProfileFiles::save(*e->profile, file, error))
        return false;
    store_->update(id, DatasetStore::MetaChanged, [&file](DatasetEntry& d) { d.profileFile = file; });
    Q_EMIT statusMessage(tr("Saved profile of %1 to %2").arg(e->name, file));
    return true;
}

void DatasetsPanel::scanDataset(int id, bool restart)
{
    const DatasetEntry* e = store_->find(id);
    if (!e || !e->shardFolder.isEmpty())
        return;
    if (!e->source && !QFileInfo::exists(e->path)) {
        showError(tr("Cannot scan"), tr("%1: the dataset's images are not available at this path").arg(e->path));
        return;
    }
    const bool partial = e->profile && !e->profile->complete;
    queue_->enqueue(id, restart ? ScanQueue::Mode::Reanalyse
                        : partial ? ScanQueue::Mode::Continue
                                  : ScanQueue::Mode::Restart);
}

void DatasetsPanel::quickEstimate(int id)
{
    const DatasetEntry* e = store_->find(id);
    if (!e)
        return;
    if (!e->source && !QFileInfo::exists(e->path)) {
        showError(tr("Cannot scan"), tr("%1: the dataset's images are not available at this path").arg(e->path));
        return;
    }
    queue_->enqueue(id, ScanQueue::Mode::Sample);
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
    addPath(dir);
}

void DatasetsPanel::chooseFiles()
{
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Add IDX or CIFAR dataset file"), AppSettings::lastDirectory(),
        tr("Dataset files (*-idx3-ubyte *-idx3-ubyte.gz *.idx *.idx.gz *.bin);;All files (*)"));
    for (const QString& f : files) {
        AppSettings::setLastDirectory(QFileInfo(f).absolutePath());
        addPath(f);
    }
}

void DatasetsPanel::chooseProfileToLoad()
{
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Load profile"), AppSettings::lastDirectory(),
                                                            ProfileFiles::fileFilter());
    for (const QString& f : files)
        loadProfileFile(f);
}

void DatasetsPanel::chooseShardFolder()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open shard folder"), AppSettings::lastDirectory());
    if (dir.isEmpty())
        return;
    AppSettings::setLastDirectory(QFileInfo(dir).absolutePath());
    openShardFolder(dir);
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
    if (!saveProfile(e->id, file, &error))
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

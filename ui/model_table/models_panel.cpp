#include "model_table/models_panel.h"

#include <algorithm>
#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QSaveFile>
#include <QTableView>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

#include "model_table/model_cell_delegate.h"
#include "model_table/model_editing_controller.h"
#include "model_table/model_filter_model.h"
#include "model_table/model_selection_store.h"
#include "model_table/model_store.h"
#include "model_table/model_table_model.h"
#include "models/model_fields.h"
#include "shell/app_settings.h"
#include "shell/panel_action.h"

namespace nofade::ui {

ModelsPanel::ModelsPanel(ModelStore* workspace, ModelEditingController* editing, ModelSelectionStore* selection, QWidget* parent)
    : QWidget(parent), workspace_(workspace), editing_(editing), selection_(selection),
      model_(new ModelTableModel(workspace, editing, this)), filter_(new ModelFilterModel(this)), view_(new QTableView),
      task_(new QComboBox), dataset_(new QComboBox), search_(new QLineEdit), summary_(new QLabel)
{
    setObjectName(QStringLiteral("modelsPanel"));
    filter_->setSourceModel(model_);
    createActions();

    task_->setObjectName(QStringLiteral("modelTaskFilter"));
    task_->addItem(tr("All tasks"), QString());
    for (Task t : {Task::Classification, Task::Detection, Task::Segmentation})
        task_->addItem(taskName(t), taskName(t));
    dataset_->setObjectName(QStringLiteral("modelDatasetFilter"));
    dataset_->setMinimumContentsLength(14);
    search_->setObjectName(QStringLiteral("modelSearch"));
    search_->setPlaceholderText(tr("Search models, datasets, devices, sources…"));
    search_->setClearButtonEnabled(true);

    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(task_);
    bar->addWidget(dataset_);
    bar->addWidget(search_, 1);
    for (QAction* a : {add_, duplicate_, delete_, undo_, redo_, import_, export_}) {
        auto* b = new QToolButton;
        b->setDefaultAction(a);
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        bar->addWidget(b);
    }

    view_->setObjectName(QStringLiteral("modelTable"));
    // While the filter or the sort moves rows, the view's selection model drops and restores
    // rows on its own: those are not the user's choices. Set before the view connects to the
    // proxy (slots run in connection order), cleared after (below).
    for (auto signal : {&QAbstractItemModel::rowsAboutToBeRemoved, &QAbstractItemModel::rowsAboutToBeInserted})
        connect(filter_, signal, this, [this] { proxyChanging_ = true; });
    connect(filter_, &QAbstractItemModel::layoutAboutToBeChanged, this, [this] { proxyChanging_ = true; });
    connect(filter_, &QAbstractItemModel::modelAboutToBeReset, this, [this] { proxyChanging_ = true; });
    view_->setModel(filter_);
    view_->setItemDelegate(new ModelCellDelegate(view_));
    view_->setSortingEnabled(true);
    view_->sortByColumn(-1, Qt::AscendingOrder); // file order until a header is clicked
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view_->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed | QAbstractItemView::AnyKeyPressed);
    view_->setAlternatingRowColors(true);
    view_->setWordWrap(false);
    view_->verticalHeader()->setDefaultSectionSize(view_->fontMetrics().height() + 8);
    view_->horizontalHeader()->setHighlightSections(false);
    // The columns people read first are wide enough; long text (source, notes) is cut.
    view_->horizontalHeader()->setDefaultSectionSize(90);
    view_->setColumnWidth(model_->columnOf(column::kModel), 170);
    view_->setColumnWidth(model_->columnOf(column::kTask), 110);
    view_->setColumnWidth(model_->columnOf(column::kDevice), 160);
    view_->setColumnWidth(model_->columnOf(column::kSource), 220);
    view_->setColumnWidth(model_->columnOf(column::kNotes), 220);
    view_->setColumnWidth(model_->columnOf(ModelTableModel::Computed::Hours), 150);
    view_->setColumnWidth(model_->columnOf(ModelTableModel::Computed::Energy), 120);
    view_->setColumnWidth(model_->columnOf(ModelTableModel::Computed::Pareto), 60);
    // Computed columns first after the names, so the results are in view without scrolling.
    QHeaderView* header = view_->horizontalHeader();
    header->setSectionsMovable(true);
    int to = model_->columnOf(column::kScore) + 1;
    for (auto c : {ModelTableModel::Computed::Co2, ModelTableModel::Computed::NoFade, ModelTableModel::Computed::Pareto,
                   ModelTableModel::Computed::Energy, ModelTableModel::Computed::Hours, ModelTableModel::Computed::Flops})
        header->moveSection(header->visualIndex(model_->columnOf(c)), to++);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(view_, 1);
    layout->addWidget(summary_);
    summary_->setObjectName(QStringLiteral("modelSummary"));
    summary_->setWordWrap(true);

    connect(task_, &QComboBox::currentIndexChanged, this, [this] { filter_->setTask(task_->currentData().toString()); });
    connect(dataset_, &QComboBox::currentIndexChanged, this, [this] { filter_->setDatasetKey(dataset_->currentData().toString()); });
    connect(search_, &QLineEdit::textChanged, filter_, &ModelFilterModel::setSearchText);
    // After the proxy moved rows: the view shows the shared selection again (rows the filter
    // shows again take their place in it).
    auto proxyDone = [this] {
        proxyChanging_ = false;
        updateSummary();
        if (!tableChanging_)
            pullSelection();
    };
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(filter_, signal, this, proxyDone);
    connect(filter_, &QAbstractItemModel::layoutChanged, this, proxyDone);
    connect(filter_, &QAbstractItemModel::modelReset, this, proxyDone);

    connect(workspace_, &ModelStore::tableAboutToChange, this, [this] { tableChanging_ = true; });
    connect(workspace_, &ModelStore::tableChanged, this, [this] {
        tableChanging_ = false;
        pullSelection();
    });
    connect(workspace_, &ModelStore::reportChanged, this, [this] {
        updateDatasetFilter();
        updateSummary();
    });
    connect(view_->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        pushSelection();
        updateActions();
    });
    connect(selection_, &ModelSelectionStore::changed, this, [this](const QObject* origin) {
        if (origin != this && !tableChanging_)
            pullSelection();
    });
    updateDatasetFilter();
    updateSummary();
    updateActions();
}

void ModelsPanel::createActions()
{
    auto make = [this](const QString& text, const QKeySequence& key, const QString& tip, auto slot) {
        return makePanelAction(this, text, key, tip, slot);
    };
    add_ = make(tr("&Add"), QKeySequence(Qt::CTRL | Qt::Key_Insert), tr("Add an empty model row at the end of the table"), [this] {
        const int row = editing_->appendRow();
        const QModelIndex i = filter_->mapFromSource(model_->index(row, model_->columnOf(column::kModel)));
        if (i.isValid()) {
            view_->setCurrentIndex(i);
            view_->scrollTo(i);
            view_->edit(i);
        } else {
            Q_EMIT statusMessage(tr("A row was added; clear the filters to see it"));
        }
    });
    duplicate_ = make(tr("D&uplicate"), QKeySequence(Qt::CTRL | Qt::Key_D), tr("Copy the selected rows (renamed \"… (copy)\")"),
                      [this] {
                          const QList<int> copies = editing_->duplicateRows(selectedRows());
                          selection_->select(QSet<int>(copies.begin(), copies.end()), nullptr);
                      });
    delete_ = make(tr("&Delete"), QKeySequence::Delete, tr("Delete the selected rows (undo brings them back)"),
                   [this] { editing_->removeRows(selectedRows()); });
    delete_->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    duplicate_->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    add_->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    QWidget::addAction(add_);
    QWidget::addAction(duplicate_);
    QWidget::addAction(delete_);
    import_ = make(tr("&Import CSV…"), {}, tr("Replace the model table with a CSV file (docs/MODELS.md); undo brings the old one back"),
                   [this] {
                       const QString file = QFileDialog::getOpenFileName(this, tr("Import a model table"), AppSettings::lastDirectory(),
                                                                         tr("CSV files (*.csv);;All files (*)"));
                       if (file.isEmpty())
                           return;
                       AppSettings::setLastDirectory(QFileInfo(file).absolutePath());
                       QString message;
                       if (!importCsv(file, &message))
                           QMessageBox::warning(this, tr("Import failed"), message);
                       else
                           Q_EMIT statusMessage(message);
                   });
    export_ = make(tr("E&xport CSV…"), {}, tr("Write the model table with your edits to a CSV file"), [this] {
        const QString file = QFileDialog::getSaveFileName(this, tr("Export the model table"),
                                                          QDir(AppSettings::lastDirectory()).filePath(QStringLiteral("models.csv")),
                                                          tr("CSV files (*.csv)"));
        if (file.isEmpty())
            return;
        AppSettings::setLastDirectory(QFileInfo(file).absolutePath());
        QString error;
        if (!exportCsv(file, &error))
            QMessageBox::warning(this, tr("Export failed"), error);
        else
            Q_EMIT statusMessage(tr("Wrote %1").arg(file));
    });
    undo_ = editing_->undoStack()->createUndoAction(this, tr("&Undo"));
    undo_->setShortcut(QKeySequence::Undo);
    undo_->setObjectName(QStringLiteral("modelUndo"));
    redo_ = editing_->undoStack()->createRedoAction(this, tr("&Redo"));
    redo_->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    redo_->setObjectName(QStringLiteral("modelRedo"));
    // The buttons stay short; the menu shows what would be undone.
    undo_->setIconText(tr("Undo"));
    redo_->setIconText(tr("Redo"));
}

bool ModelsPanel::importCsv(const QString& file, QString* message)
{
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly)) {
        *message = tr("%1: cannot read: %2").arg(file, in.errorString());
        return false;
    }
    ModelTable table = ModelTable::fromCsv(in.readAll(), QFileInfo(file).fileName(), workspace_->tableOptions());
    // A file that is not a model table at all is refused; bad cells are imported and marked.
    for (const TableIssue& issue : table.issues())
        if (issue.row < 0 && issue.severity == TableIssue::Severity::Error) {
            *message = table.issueMessage(issue);
            return false;
        }
    const QStringList errors = table.errorMessages();
    const int rows = int(table.rows().size());
    editing_->replaceTable(std::move(table), tr("Import %1").arg(QFileInfo(file).fileName()));
    const auto count = [](qsizetype n, const QString& one, const QString& many) {
        return n == 1 ? one : many.arg(n);
    };
    const QString imported = count(rows, tr("1 model"), tr("%1 models"));
    *message = errors.isEmpty() ? tr("Imported %1 from %2").arg(imported, file)
                                : tr("Imported %1 from %2 with %3 (marked in the table); the first: %4")
                                      .arg(imported, file, count(errors.size(), tr("1 error"), tr("%1 errors")),
                                           errors.first());
    return true;
}

bool ModelsPanel::exportCsv(const QString& file, QString* error) const
{
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(workspace_->table().toCsv()) < 0 || !out.commit()) {
        *error = tr("%1: cannot write: %2").arg(file, out.errorString());
        return false;
    }
    return true;
}

QList<int> ModelsPanel::selectedRows() const
{
    QList<int> rows;
    for (const QModelIndex& i : view_->selectionModel()->selectedRows())
        rows << i.data(ModelTableModel::RowRole).toInt();
    std::sort(rows.begin(), rows.end());
    return rows;
}

void ModelsPanel::pushSelection()
{
    if (syncing_ || tableChanging_ || proxyChanging_)
        return;
    QSet<int> rows;
    // Selected rows the filter hides stay selected: the filter is a view, not a choice.
    for (int row : selection_->rows())
        if (row < model_->rowCount() && !filter_->mapFromSource(model_->index(row, 0)).isValid())
            rows.insert(row);
    for (int row : selectedRows())
        rows.insert(row);
    selection_->select(rows, this);
}

void ModelsPanel::pullSelection()
{
    QItemSelection wanted;
    QModelIndex first;
    for (int row : selection_->rows()) {
        if (row >= model_->rowCount())
            continue;
        const QModelIndex i = filter_->mapFromSource(model_->index(row, 0));
        if (!i.isValid())
            continue;
        wanted.select(i, i.siblingAtColumn(filter_->columnCount() - 1));
        if (!first.isValid() || i.row() < first.row())
            first = i;
    }
    syncing_ = true;
    view_->selectionModel()->select(wanted, QItemSelectionModel::ClearAndSelect);
    syncing_ = false;
    if (first.isValid())
        view_->scrollTo(first);
    updateActions();
}

void ModelsPanel::updateDatasetFilter()
{
    QStringList keys{QString()};
    QStringList names{tr("All datasets")};
    for (const DatasetResult& d : workspace_->report().datasets) {
        keys << d.key;
        names << d.name;
    }
    QStringList current;
    for (int i = 0; i < dataset_->count(); ++i)
        current << dataset_->itemData(i).toString();
    if (current == keys)
        return;
    const QString chosen = dataset_->currentData().toString();
    const QSignalBlocker block(dataset_);
    dataset_->clear();
    for (int i = 0; i < keys.size(); ++i)
        dataset_->addItem(names.at(i), keys.at(i));
    const int again = dataset_->findData(chosen);
    dataset_->setCurrentIndex(std::max(0, again));
    if (again < 0)
        filter_->setDatasetKey(QString());
}

void ModelsPanel::updateSummary()
{
    const Report& r = workspace_->report();
    const int co2 = r.count([](const ModelResult& m) { return m.co2Kg.has_value(); });
    const int nofade = r.count([](const ModelResult& m) { return m.nofade.has_value(); });
    QString text = tr("%1 models (%2 shown) · %3 with CO₂ · %4 with NoFADE").arg(r.models.size()).arg(filter_->rowCount()).arg(co2).arg(nofade);
    if (!r.tableErrors.isEmpty())
        text += tr(" · <span style='color:#b00000'>%1 (marked cells; hover for the reason)</span>")
                    .arg(r.tableErrors.size() == 1 ? tr("1 error") : tr("%1 errors").arg(r.tableErrors.size()));
    if (nofade == 0 && !r.models.empty())
        text += tr(" · NoFADE needs each dataset's complexity: scan a dataset of the same name, or type a value in "
                   "Model settings ▸ Dataset complexity");
    text += tr(" · source: %1%2").arg(r.modelsSource, workspace_->isBundledTable() ? QString() : tr(" (edited; saved with the session)"));
    summary_->setText(text);
}

void ModelsPanel::updateActions()
{
    const bool any = view_->selectionModel()->hasSelection();
    duplicate_->setEnabled(any);
    delete_->setEnabled(any);
}

} // namespace nofade::ui

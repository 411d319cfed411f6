#include "model_table/model_editing_controller.h"

#include <algorithm>
#include <QUndoStack>

#include "model_table/model_store.h"
#include "models/dataset_names.h"
#include "models/text_values.h"

namespace nofade::ui {

namespace {

// Swaps between two whole tables; the change tells the views which rows moved.
class TableCommand : public QUndoCommand {
public:
    TableCommand(ModelStore* workspace, ModelTable before, ModelTable after, TableChange redo, TableChange undo,
                 const QString& text)
        : QUndoCommand(text), workspace_(workspace), before_(std::move(before)), after_(std::move(after)), redo_(redo),
          undo_(undo)
    {
    }
    void redo() override { workspace_->applyTable(after_, redo_); }
    void undo() override { workspace_->applyTable(before_, undo_); }

private:
    ModelStore* workspace_;
    ModelTable before_;
    ModelTable after_;
    TableChange redo_;
    TableChange undo_;
};

// "<name> (copy)", "<name> (copy 2)", ...: a name no row of `dataset` uses yet.
QString copyName(const ModelTable& table, const QString& name, const QString& dataset)
{
    auto used = [&](const QString& candidate) {
        for (const ModelRow& r : table.rows())
            if (nameKey(r.model) == nameKey(candidate) && datasetKey(r.dataset) == datasetKey(dataset))
                return true;
        return false;
    };
    QString candidate = QStringLiteral("%1 (copy)").arg(name);
    for (int n = 2; used(candidate); ++n)
        candidate = QStringLiteral("%1 (copy %2)").arg(name).arg(n);
    return candidate;
}

QList<int> descending(QList<int> rows)
{
    std::sort(rows.begin(), rows.end(), std::greater<int>());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    return rows;
}

} // namespace

ModelEditingController::ModelEditingController(ModelStore* workspace, QObject* parent)
    : QObject(parent), workspace_(workspace), stack_(new QUndoStack(this))
{
}

void ModelEditingController::push(ModelTable after, const TableChange& redo, const TableChange& undo, const QString& text)
{
    stack_->push(new TableCommand(workspace_, workspace_->table(), std::move(after), redo, undo, text));
}

bool ModelEditingController::setCell(int row, const QString& column, const QString& text)
{
    const ModelTable& table = workspace_->table();
    if (row < 0 || row >= int(table.rows().size()))
        return false;
    if (table.csv().value(row, column).value_or(QString()) == text && table.csv().column(column) >= 0)
        return false;
    ModelTable after = table;
    after.setCell(row, column, text);
    const TableChange cells{TableChange::Kind::Cells, row, 1};
    push(std::move(after), cells, cells, tr("Edit %1 of row %2").arg(column).arg(row + 1));
    return true;
}

int ModelEditingController::appendRow()
{
    ModelTable after = workspace_->table();
    const int row = after.appendRow();
    push(std::move(after), {TableChange::Kind::RowsInserted, row, 1}, {TableChange::Kind::RowsRemoved, row, 1},
         tr("Add a row"));
    return row;
}

QList<int> ModelEditingController::duplicateRows(QList<int> rows)
{
    rows = descending(rows);
    QList<int> copies;
    if (rows.isEmpty())
        return copies;
    stack_->beginMacro(rows.size() == 1 ? tr("Duplicate row %1").arg(rows.first() + 1) : tr("Duplicate %1 rows").arg(rows.size()));
    // From the last row up, so the rows still to copy keep their numbers.
    for (int row : std::as_const(rows)) {
        ModelTable after = workspace_->table();
        const ModelRow original = after.rows().at(std::size_t(row));
        const int copy = after.duplicateRow(row);
        if (!original.model.isEmpty())
            after.setCell(copy, column::kModel, copyName(after, original.model, original.dataset));
        push(std::move(after), {TableChange::Kind::RowsInserted, copy, 1}, {TableChange::Kind::RowsRemoved, copy, 1},
             tr("Duplicate row %1").arg(row + 1));
        for (int& c : copies)
            ++c; // a copy inserted above moves the ones already made down
        copies << copy;
    }
    stack_->endMacro();
    std::sort(copies.begin(), copies.end());
    return copies;
}

void ModelEditingController::removeRows(QList<int> rows)
{
    rows = descending(rows);
    if (rows.isEmpty())
        return;
    stack_->beginMacro(rows.size() == 1 ? tr("Delete row %1").arg(rows.first() + 1) : tr("Delete %1 rows").arg(rows.size()));
    for (int row : std::as_const(rows)) {
        ModelTable after = workspace_->table();
        after.removeRow(row);
        push(std::move(after), {TableChange::Kind::RowsRemoved, row, 1}, {TableChange::Kind::RowsInserted, row, 1},
             tr("Delete row %1").arg(row + 1));
    }
    stack_->endMacro();
}

void ModelEditingController::insertRows(ModelTable after, int first, int count, const QString& description)
{
    if (count <= 0)
        return;
    push(std::move(after), {TableChange::Kind::RowsInserted, first, count}, {TableChange::Kind::RowsRemoved, first, count},
         description);
}

void ModelEditingController::replaceTable(ModelTable table, const QString& description)
{
    push(std::move(table), TableChange{}, TableChange{}, description);
}

void ModelEditingController::clearHistory()
{
    stack_->clear();
}

} // namespace nofade::ui

#include "model_table/model_selection_store.h"

#include "model_table/model_store.h"

namespace nofade::ui {

void ModelSelectionStore::select(const QSet<int>& rows, const QObject* origin)
{
    if (rows == rows_)
        return;
    rows_ = rows;
    Q_EMIT changed(origin);
}

void ModelSelectionStore::follow(const ModelStore* workspace)
{
    connect(workspace, &ModelStore::tableChanged, this, [this](const TableChange& change) {
        switch (change.kind) {
        case TableChange::Kind::Cells:
            break;
        case TableChange::Kind::RowsInserted:
            rowsInserted(change.first, change.count);
            break;
        case TableChange::Kind::RowsRemoved:
            rowsRemoved(change.first, change.count);
            break;
        case TableChange::Kind::Reset:
            clear(nullptr);
            break;
        }
    });
}

void ModelSelectionStore::rowsRemoved(int first, int count)
{
    QSet<int> kept;
    for (int row : std::as_const(rows_)) {
        if (row < first)
            kept.insert(row);
        else if (row >= first + count)
            kept.insert(row - count);
    }
    select(kept, nullptr);
}

void ModelSelectionStore::rowsInserted(int first, int count)
{
    QSet<int> moved;
    for (int row : std::as_const(rows_))
        moved.insert(row >= first ? row + count : row);
    select(moved, nullptr);
}

} // namespace nofade::ui

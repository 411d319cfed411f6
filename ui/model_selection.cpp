#include "model_selection.h"

namespace nofade::ui {

void ModelSelection::select(const QSet<int>& rows, const QObject* origin)
{
    if (rows == rows_)
        return;
    rows_ = rows;
    Q_EMIT changed(origin);
}

void ModelSelection::rowsRemoved(int first, int count)
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

void ModelSelection::rowsInserted(int first, int count)
{
    QSet<int> moved;
    for (int row : std::as_const(rows_))
        moved.insert(row >= first ? row + count : row);
    select(moved, nullptr);
}

} // namespace nofade::ui

#pragma once
// Undoable edits of the workspace's model table: cells, new/duplicated/deleted rows and
// imported tables. Each command keeps the table before and after (small values: the table is a
// CSV document), so undo restores exactly what was there, bytes included.
#include <QList>
#include <QObject>

#include "models/model_table.h"

class QUndoStack;

namespace nofade::ui {

class ModelStore;
struct TableChange;

class ModelEditingController : public QObject {
    Q_OBJECT
public:
    explicit ModelEditingController(ModelStore* workspace, QObject* parent = nullptr);

    QUndoStack* undoStack() const { return stack_; }

    // Returns false when the cell already holds `text` (nothing to undo then).
    bool setCell(int row, const QString& column, const QString& text);
    // Appends an empty row; returns its index.
    int appendRow();
    // Copies each row right after itself, renamed "<model> (copy)"; returns the copies' rows.
    QList<int> duplicateRows(QList<int> rows);
    void removeRows(QList<int> rows);
    // `after` is the table with `count` rows inserted at `first` (e.g. imported runs appended):
    // one undoable step.
    void insertRows(ModelTable after, int first, int count, const QString& description);
    // Replaces the whole table (an imported CSV), undoably.
    void replaceTable(ModelTable table, const QString& description);
    // A session was opened: what was undoable belongs to the old one.
    void clearHistory();

private:
    void push(ModelTable after, const TableChange& redo, const TableChange& undo, const QString& text);

    ModelStore* workspace_;
    QUndoStack* stack_;
};

} // namespace nofade::ui

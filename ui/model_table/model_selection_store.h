#pragma once
// The models selected anywhere in the application (table rows, chart points), shared by every
// view so that a selection made in one shows in all (linked selection). Models are named by their
// 0-based data row in the model table (ModelResult::row). A view that changes the selection
// passes itself as `origin` and ignores the change signal it caused: no feedback loops.
#include <QObject>
#include <QSet>

namespace nofade::ui {

class ModelStore;

class ModelSelectionStore : public QObject {
    Q_OBJECT
public:
    explicit ModelSelectionStore(QObject* parent = nullptr) : QObject(parent) {}

    const QSet<int>& rows() const { return rows_; }
    bool contains(int row) const { return rows_.contains(row); }

    // Replaces the selection; emits changed() only when it differs.
    void select(const QSet<int>& rows, const QObject* origin);
    void clear(const QObject* origin) { select({}, origin); }
    // Rows were removed or inserted in the table: renumbers, dropping removed rows.
    void rowsRemoved(int first, int count);
    void rowsInserted(int first, int count);
    // Keeps the row numbers in step with the workspace's table: renumbered when rows are
    // inserted or removed, cleared when the table is replaced.
    void follow(const ModelStore* workspace);

Q_SIGNALS:
    void changed(const QObject* origin);

private:
    QSet<int> rows_;
};

} // namespace nofade::ui

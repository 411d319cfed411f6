#pragma once
// The datasets of the session, in table order. Every change goes through here and is announced,
// so the table, the charts and the status bar stay in step without knowing about each other.
#include <functional>
#include <vector>
#include <QObject>

#include "dataset_state/dataset_entry.h"

namespace nofade::ui {

class DatasetStore : public QObject {
    Q_OBJECT
public:
    enum Change {
        MetaChanged = 0x1,     // name, task, measure, colour
        StateChanged = 0x2,
        ProgressChanged = 0x4, // only the running numbers of a scan
        ProfileChanged = 0x8,  // the profile (and its class distances) was replaced
    };
    Q_DECLARE_FLAGS(Changes, Change)

    explicit DatasetStore(QObject* parent = nullptr);

    // Adds an entry (its id and, when invalid, its colour are assigned here); returns the id.
    int add(DatasetEntry entry);
    // Adds an entry at `row` (clamped to the table); a new id, the entry's own colour.
    int insert(int row, DatasetEntry entry);
    void remove(int id);

    int count() const { return int(entries_.size()); }
    const DatasetEntry& at(int row) const { return entries_[std::size_t(row)]; }
    int rowOf(int id) const; // -1 when not present
    const DatasetEntry* find(int id) const;
    // The first entry with this path (after cleaning), or nullptr.
    const DatasetEntry* findByPath(const QString& path) const;
    std::vector<int> ids() const;

    // Edits an entry in place and announces what changed. No-op for an unknown id.
    void update(int id, Changes changes, const std::function<void(DatasetEntry&)>& edit);

Q_SIGNALS:
    void aboutToAdd(int row);
    void added(int id);
    void aboutToRemove(int id);
    void removed(int id);
    void changed(int id, nofade::ui::DatasetStore::Changes changes);

private:
    std::vector<DatasetEntry> entries_;
    int nextId_ = 1;
    int coloursUsed_ = 0;
};

} // namespace nofade::ui

Q_DECLARE_OPERATORS_FOR_FLAGS(nofade::ui::DatasetStore::Changes)

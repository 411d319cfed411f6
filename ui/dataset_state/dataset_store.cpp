#include "dataset_state/dataset_store.h"

#include <algorithm>
#include <QDir>

#include "chart_kit/chart_palette.h"

namespace nofade::ui {

DatasetStore::DatasetStore(QObject* parent) : QObject(parent) {}

int DatasetStore::add(DatasetEntry entry)
{
    return insert(count(), std::move(entry));
}

int DatasetStore::insert(int row, DatasetEntry entry)
{
    row = std::clamp(row, 0, count());
    entry.id = nextId_++;
    if (!entry.colour.isValid())
        entry.colour = ChartPalette::colour(coloursUsed_++);
    Q_EMIT aboutToAdd(row);
    const int id = entry.id;
    entries_.insert(entries_.begin() + row, std::move(entry));
    Q_EMIT added(id);
    return id;
}

void DatasetStore::remove(int id)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    Q_EMIT aboutToRemove(id);
    entries_.erase(entries_.begin() + row);
    if (entries_.empty())
        coloursUsed_ = 0; // a table filled again (a session opened) gets the same colours again
    Q_EMIT removed(id);
}

int DatasetStore::rowOf(int id) const
{
    for (int i = 0; i < count(); ++i)
        if (entries_[std::size_t(i)].id == id)
            return i;
    return -1;
}

const DatasetEntry* DatasetStore::find(int id) const
{
    const int row = rowOf(id);
    return row < 0 ? nullptr : &entries_[std::size_t(row)];
}

const DatasetEntry* DatasetStore::findByPath(const QString& path) const
{
    const QString clean = QDir::cleanPath(path);
    for (const DatasetEntry& e : entries_)
        if (!e.path.isEmpty() && QDir::cleanPath(e.path) == clean)
            return &e;
    return nullptr;
}

std::vector<int> DatasetStore::ids() const
{
    std::vector<int> out;
    out.reserve(entries_.size());
    for (const DatasetEntry& e : entries_)
        out.push_back(e.id);
    return out;
}

void DatasetStore::update(int id, Changes changes, const std::function<void(DatasetEntry&)>& edit)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    edit(entries_[std::size_t(row)]);
    Q_EMIT changed(id, changes);
}

} // namespace nofade::ui

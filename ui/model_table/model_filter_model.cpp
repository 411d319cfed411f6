#include "model_table/model_filter_model.h"

#include "model_table/model_table_model.h"

namespace nofade::ui {

ModelFilterModel::ModelFilterModel(QObject* parent) : QSortFilterProxyModel(parent)
{
    setSortRole(ModelTableModel::SortRole);
}

void ModelFilterModel::setTask(const QString& task)
{
    if (task == task_)
        return;
    task_ = task;
    invalidateRowsFilter();
}

void ModelFilterModel::setDatasetKey(const QString& key)
{
    if (key == datasetKey_)
        return;
    datasetKey_ = key;
    invalidateRowsFilter();
}

void ModelFilterModel::setSearchText(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == search_)
        return;
    search_ = trimmed;
    invalidateRowsFilter();
}

bool ModelFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QModelIndex i = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!task_.isEmpty() && i.data(ModelTableModel::TaskRole).toString() != task_)
        return false;
    if (!datasetKey_.isEmpty() && i.data(ModelTableModel::DatasetKeyRole).toString() != datasetKey_)
        return false;
    return search_.isEmpty() || i.data(ModelTableModel::SearchTextRole).toString().contains(search_, Qt::CaseInsensitive);
}

} // namespace nofade::ui

#pragma once
// Sorting and filtering of the model table: by task, by dataset (aliases match) and by text in
// the model, dataset, metric, device, source or notes.
#include <QSortFilterProxyModel>

namespace nofade::ui {

class ModelFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit ModelFilterModel(QObject* parent = nullptr);

    // Empty: every task / every dataset / no text.
    void setTask(const QString& task);
    void setDatasetKey(const QString& key);
    void setSearchText(const QString& text);
    QString task() const { return task_; }
    QString datasetKey() const { return datasetKey_; }
    QString searchText() const { return search_; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QString task_;
    QString datasetKey_;
    QString search_;
};

} // namespace nofade::ui

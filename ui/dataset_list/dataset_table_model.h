#pragma once
// The datasets table: one row per dataset of the store, its numbers, and the scan's progress.
// Name, task and complexity measure (any of the eight; those the dataset's profile has no value
// of are offered disabled, with the reason) are edited in place.
#include <QAbstractTableModel>

#include "dataset_state/dataset_store.h"

namespace nofade::ui {

class DatasetTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Task, Measure, Images, Classes, MeanStd, CH, CJS, Failures, State, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1, // the dataset's id
        ProgressRole,              // 0..1 while scanning, -1 otherwise (State column)
        ChoicesRole,               // the values an edited cell can take (Task, Measure)
        UnavailableChoicesRole,    // QVariantMap: the choices that cannot be taken now -> why (Measure)
    };

    explicit DatasetTableModel(DatasetStore* store, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;

    int idAt(int row) const;
    static QString progressText(const DatasetEntry& e);

Q_SIGNALS:
    // The user chose the dataset's measure (or its task, which sets the task's default measure).
    void measureChosen(int id);

private:
    QVariant display(const DatasetEntry& e, int column) const;
    QVariant tooltip(const DatasetEntry& e, int column) const;

    DatasetStore* store_;
};

} // namespace nofade::ui

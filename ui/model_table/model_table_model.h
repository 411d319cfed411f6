#pragma once
// The model table as an item model: the table's own columns (editable, validated: invalid cells
// are coloured, carry an icon and give the reason as a tooltip) followed by the computed ones
// (forward FLOPs, device-hours with provenance, energy, CO2, NoFADE, Pareto), which follow every
// edit and every setting at once because they are read from the workspace's report.
#include <QAbstractTableModel>
#include <QStringList>

#include "dataset_list/dataset_table_model.h"

namespace nofade::ui {

class ModelEditingController;
class ModelStore;
struct TableChange;

class ModelTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role {
        // Shared with DatasetTableModel so that the same delegates read it.
        ChoicesRole = DatasetTableModel::ChoicesRole, // the values an edited cell can take
        RowRole = Qt::UserRole + 20,  // the data row of the model table (ModelResult::row)
        SortRole,                     // numbers as numbers, text case-folded
        TaskRole,                     // the row's task name ("" when invalid)
        DatasetKeyRole,               // datasetKey() of the row's dataset
        SearchTextRole,               // the row's text the search field looks in
        IssueRole,                    // 0 none, 1 warning, 2 error (input columns)
        NumberKindRole,               // 0 text, 1 number, 2 whole number, 3 year (what the editor accepts)
    };
    enum class Computed { Flops, Hours, Energy, Co2, NoFade, Pareto };

    ModelTableModel(ModelStore* workspace, ModelEditingController* editing, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;

    // Column of a table column name (docs/MODELS.md) or of a computed value.
    int columnOf(const QString& tableColumn) const;
    int columnOf(Computed computed) const;
    int inputColumnCount() const { return int(inputs_.size()); }
    QString tableColumnName(int column) const; // "" for computed columns

private:
    void aboutToChange(const TableChange& change);
    void changed(const TableChange& change);
    QVariant inputData(int row, int column, int role) const;
    QVariant computedData(int row, Computed computed, int role) const;

    ModelStore* workspace_;
    ModelEditingController* editing_;
    QStringList inputs_;
};

} // namespace nofade::ui

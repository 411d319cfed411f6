#pragma once
// The rows an import would add, as the dialog's preview: where each comes from (line), the
// model's name and cells, and the measured or accounted energy, CO2 and hours with their
// provenance. Read-only; a view over the result, so a large file costs no widgets.
#include <memory>
#include <QAbstractTableModel>

#include "imports/imported_run.h"

namespace nofade::ui {

class ImportPreviewModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum class Column { Line, Model, Task, Dataset, Score, Device, DeviceCount, WallHours, DeviceHours, EnergyKwh, Co2Kg, Provenance };
    static constexpr int kColumns = 12;

    using QAbstractTableModel::QAbstractTableModel;
    void setResult(std::shared_ptr<const ImportResult> result);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::shared_ptr<const ImportResult> result_;
};

} // namespace nofade::ui

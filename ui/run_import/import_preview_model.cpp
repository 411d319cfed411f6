#include "run_import/import_preview_model.h"

#include <QColor>

#include "models/text_values.h"

namespace nofade::ui {

namespace {
QString cell(const std::optional<double>& v) { return v ? formatNumber(*v) : QString(); }
}

void ImportPreviewModel::setResult(std::shared_ptr<const ImportResult> result)
{
    beginResetModel();
    result_ = std::move(result);
    endResetModel();
}

int ImportPreviewModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !result_ ? 0 : int(result_->rows.size());
}

int ImportPreviewModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : kColumns;
}

QVariant ImportPreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (Column(section)) {
        case Column::Line: return tr("line");
        case Column::Model: return tr("model");
        case Column::Task: return tr("task");
        case Column::Dataset: return tr("dataset");
        case Column::Score: return tr("score");
        case Column::Device: return tr("device");
        case Column::DeviceCount: return tr("devices");
        case Column::WallHours: return tr("wall h");
        case Column::DeviceHours: return tr("device h");
        case Column::EnergyKwh: return tr("energy kWh");
        case Column::Co2Kg: return tr("CO₂ kg");
        case Column::Provenance: return tr("provenance");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (Column(section)) {
        case Column::Line: return tr("The line of the file the row starts at (the first of its runs when runs are summed)");
        case Column::WallHours: return tr("wall_hours: the run's duration (summed over its runs); with devices, device-hours = wall h × devices");
        case Column::DeviceHours: return tr("device_hours: written when the summed runs used different numbers of devices");
        case Column::EnergyKwh: return tr("energy_kwh: measured by the run (CodeCarbon's energy_consumed); used as it is, not TDP × hours");
        case Column::Co2Kg: return tr("co2_kg: measured by the run (CodeCarbon's emissions); used as it is");
        case Column::Provenance: return tr("hours_provenance: measured (recorded while the run happened) or reported (Epoch AI)");
        default: break;
        }
    }
    return {};
}

QVariant ImportPreviewModel::data(const QModelIndex& index, int role) const
{
    if (!result_ || !index.isValid() || index.row() >= rowCount())
        return {};
    const ImportedRow& r = result_->rows.at(std::size_t(index.row()));
    const auto column = Column(index.column());
    if (role == Qt::DisplayRole || role == Qt::EditRole) {
        switch (column) {
        case Column::Line: return r.line;
        case Column::Model: return r.model;
        case Column::Task: return r.task;
        case Column::Dataset: return r.dataset;
        case Column::Score: return cell(r.score);
        case Column::Device: return r.device;
        case Column::DeviceCount: return r.deviceCount ? QString::number(*r.deviceCount) : QString();
        case Column::WallHours: return cell(r.wallHours);
        case Column::DeviceHours: return cell(r.deviceHours);
        case Column::EnergyKwh: return cell(r.energyKwh);
        case Column::Co2Kg: return cell(r.co2Kg);
        case Column::Provenance: return r.hoursProvenance;
        }
    }
    if (role == Qt::TextAlignmentRole && column != Column::Model && column != Column::Task && column != Column::Dataset
        && column != Column::Device && column != Column::Provenance)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    // Cells the model table requires and the row still lacks: filled in later, or via the options.
    const bool required = column == Column::Task || column == Column::Dataset || column == Column::Score;
    const bool empty = (column == Column::Task && r.task.isEmpty()) || (column == Column::Dataset && r.dataset.isEmpty())
                       || (column == Column::Score && !r.score);
    if (role == Qt::BackgroundRole && required && empty)
        return QColor(255, 240, 190);
    if (role == Qt::ToolTipRole) {
        if (required && empty)
            return tr("Missing: the model table needs a %1 (set it above, or fill it in the table after the import)")
                .arg(headerData(index.column(), Qt::Horizontal, Qt::DisplayRole).toString());
        if (column == Column::Model)
            return QStringLiteral("%1\n%2").arg(r.source, r.notes);
    }
    return {};
}

} // namespace nofade::ui

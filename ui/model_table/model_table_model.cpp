#include "model_table/model_table_model.h"

#include <cmath>
#include <limits>
#include <QApplication>
#include <QColor>
#include <QFont>
#include <QLocale>
#include <QStyle>

#include "model_table/model_editing_controller.h"
#include "model_table/model_store.h"
#include "models/dataset_names.h"
#include "models/text_values.h"

namespace nofade::ui {

namespace {

constexpr int kComputedCount = 6;

// Numbers as a reader wants them: thousands grouped, else 4 significant digits.
QString formatValue(double v)
{
    if (std::abs(v) >= 1000.0)
        return QLocale().toString(v, 'f', 0);
    return QLocale().toString(v, 'g', 4);
}

QString missing() { return QStringLiteral("—"); }

int numberKind(const QString& column)
{
    using namespace nofade::column;
    if (column == kDeviceCount)
        return 2;
    if (column == kYear)
        return 3;
    for (const QString& c : {kScore, kCompute, kParams, kDeviceHours, kWallHours, kEpochs, kImagesPerEpoch, kEnergyKwh,
                             kCo2Kg, kTrainingFlops})
        if (column == c)
            return 1;
    return 0;
}

} // namespace

ModelTableModel::ModelTableModel(ModelStore* workspace, ModelEditingController* editing, QObject* parent)
    : QAbstractTableModel(parent), workspace_(workspace), editing_(editing), inputs_(knownModelColumns())
{
    connect(workspace_, &ModelStore::tableAboutToChange, this, &ModelTableModel::aboutToChange);
    connect(workspace_, &ModelStore::tableChanged, this, &ModelTableModel::changed);
    connect(workspace_, &ModelStore::reportChanged, this, [this] {
        if (rowCount() > 0)
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
        Q_EMIT headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
    });
}

void ModelTableModel::aboutToChange(const TableChange& change)
{
    switch (change.kind) {
    case TableChange::Kind::RowsInserted:
        beginInsertRows({}, change.first, change.first + change.count - 1);
        break;
    case TableChange::Kind::RowsRemoved:
        beginRemoveRows({}, change.first, change.first + change.count - 1);
        break;
    case TableChange::Kind::Reset:
        beginResetModel();
        break;
    case TableChange::Kind::Cells:
        break;
    }
}

void ModelTableModel::changed(const TableChange& change)
{
    switch (change.kind) {
    case TableChange::Kind::RowsInserted:
        endInsertRows();
        break;
    case TableChange::Kind::RowsRemoved:
        endRemoveRows();
        break;
    case TableChange::Kind::Reset:
        endResetModel();
        break;
    case TableChange::Kind::Cells:
        // The inputs changed now; the computed cells when the report arrives (reportChanged).
        if (rowCount() > 0)
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, int(inputs_.size()) - 1));
        break;
    }
}

int ModelTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(workspace_->table().rows().size());
}

int ModelTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(inputs_.size()) + kComputedCount;
}

int ModelTableModel::columnOf(const QString& tableColumn) const
{
    return int(inputs_.indexOf(tableColumn));
}

int ModelTableModel::columnOf(Computed computed) const
{
    return int(inputs_.size()) + int(computed);
}

QString ModelTableModel::tableColumnName(int column) const
{
    return column >= 0 && column < inputs_.size() ? inputs_.at(column) : QString();
}

Qt::ItemFlags ModelTableModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() < inputs_.size())
        f |= Qt::ItemIsEditable;
    return f;
}

QVariant ModelTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical)
        return role == Qt::DisplayRole ? QVariant(section + 1) : QVariant();
    if (section < inputs_.size()) {
        if (role == Qt::DisplayRole)
            return inputs_.at(section);
        if (role == Qt::ToolTipRole)
            return tr("Column \"%1\" of the model table (docs/MODELS.md); double-click a cell to edit").arg(inputs_.at(section));
        return {};
    }
    const bool eq1 = workspace_->settings().method == Co2Method::PaperEq1;
    const auto computed = Computed(section - inputs_.size());
    if (role == Qt::DisplayRole) {
        switch (computed) {
        case Computed::Flops: return tr("GFLOPs");
        case Computed::Hours: return tr("device-hours");
        case Computed::Energy: return eq1 ? tr("P_m/1000 (as published)") : tr("energy kWh");
        case Computed::Co2: return tr("CO₂ kg");
        case Computed::NoFade: return tr("NoFADE");
        case Computed::Pareto: return tr("Pareto");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (computed) {
        case Computed::Flops: return tr("Forward FLOPs per image, ×10⁹, after the MAC convention (computed)");
        case Computed::Hours: return tr("Training device-hours used for CO₂, with where they come from: reported, derived or estimated (computed)");
        case Computed::Energy:
            return eq1 ? tr("paper-eq1 as published: P_m = f × (ω_g + ω_c) × GPU-hours, divided by 1000; not dimensionally an energy")
                       : tr("E = device-hours × TDP × PUE / 1000 (computed)");
        case Computed::Co2: return tr("CO₂ = energy × carbon intensity (computed)");
        case Computed::NoFade: return tr("NoFADE = score × C_dataset / log(FLOPs) (computed)");
        case Computed::Pareto: return tr("On the dataset's Pareto front of CO₂ against score (computed)");
        }
    }
    if (role == Qt::FontRole) {
        QFont f;
        f.setItalic(true);
        return f;
    }
    return {};
}

QVariant ModelTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const int row = index.row();
    const ModelRow& r = workspace_->table().rows().at(std::size_t(row));
    switch (role) {
    case RowRole: return row;
    case TaskRole: {
        const ModelResult* m = workspace_->resultOf(row);
        return m ? m->task : QString();
    }
    case DatasetKeyRole: return datasetKey(r.dataset);
    case SearchTextRole: {
        return QStringList{r.model, r.dataset, canonicalDatasetName(r.dataset), r.metric, r.device, r.source, r.notes}.join(QLatin1Char('\n'));
    }
    default: break;
    }
    if (index.column() < inputs_.size())
        return inputData(row, index.column(), role);
    return computedData(row, Computed(index.column() - inputs_.size()), role);
}

QVariant ModelTableModel::inputData(int row, int column, int role) const
{
    const ModelTable& table = workspace_->table();
    const QString name = inputs_.at(column);
    const QString text = table.csv().value(row, name).value_or(QString());
    // Issues of this cell; those of the whole row (a wrong cell count) show on the model cell.
    auto cellIssues = [&] {
        std::vector<TableIssue> out;
        for (const TableIssue& issue : table.issuesOfRow(row))
            if (issue.column.compare(name, Qt::CaseInsensitive) == 0 || (issue.column.isEmpty() && name == column::kModel))
                out.push_back(issue);
        return out;
    };
    auto severity = [&] {
        int level = 0;
        for (const TableIssue& issue : cellIssues())
            level = std::max(level, issue.severity == TableIssue::Severity::Error ? 2 : 1);
        return level;
    };
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return text;
    case Qt::ToolTipRole: {
        QStringList lines;
        for (const TableIssue& issue : cellIssues())
            lines << table.issueMessage(issue);
        if (!lines.isEmpty())
            return lines.join(QLatin1Char('\n'));
        return text.size() > 40 ? text : QVariant();
    }
    case Qt::BackgroundRole: {
        const int level = severity();
        if (level == 2)
            return QColor(255, 205, 205);
        if (level == 1)
            return QColor(255, 240, 190);
        return {};
    }
    case Qt::ForegroundRole:
        return severity() > 0 ? QVariant(QColor(Qt::black)) : QVariant();
    case Qt::DecorationRole: {
        const int level = severity();
        if (level == 0)
            return {};
        return QApplication::style()->standardIcon(level == 2 ? QStyle::SP_MessageBoxCritical : QStyle::SP_MessageBoxWarning);
    }
    case IssueRole:
        return severity();
    case NumberKindRole:
        return numberKind(name);
    case SortRole: {
        if (numberKind(name) > 0) {
            const auto v = parseNumber(text);
            return v ? QVariant(*v) : QVariant(-std::numeric_limits<double>::infinity());
        }
        return text.toCaseFolded();
    }
    case ChoicesRole: {
        using namespace nofade::column;
        QStringList choices;
        if (name == kTask)
            choices = {taskName(Task::Classification), taskName(Task::Detection), taskName(Task::Segmentation)};
        else if (name == kHoursProvenance)
            choices = {QString(), provenanceName(HoursProvenance::Reported), provenanceName(HoursProvenance::Derived),
                       provenanceName(HoursProvenance::Estimated), provenanceName(HoursProvenance::Measured)};
        else if (name == kConfidence)
            choices = {QString(), confidenceName(Confidence::Confident), confidenceName(Confidence::Likely),
                       confidenceName(Confidence::Speculative)};
        else if (name == kComputeUnit)
            choices = {QString(), QStringLiteral("GFLOPs"), QStringLiteral("GMACs"), QStringLiteral("MFLOPs"),
                       QStringLiteral("MMACs"), QStringLiteral("TFLOPs"), QStringLiteral("TMACs"), QStringLiteral("FLOPs"),
                       QStringLiteral("MACs")};
        else if (name == kDevice) {
            choices << QString();
            for (const Device& d : workspace_->hardware().devices())
                if (d.kind != QLatin1String("cpu"))
                    choices << d.name;
        }
        // A value the list lacks (e.g. an alias in the file) stays choosable.
        if (!choices.isEmpty() && !text.isEmpty() && !choices.contains(text))
            choices.insert(1, text);
        return choices;
    }
    default:
        return {};
    }
}

QVariant ModelTableModel::computedData(int row, Computed computed, int role) const
{
    const Report& report = workspace_->report();
    const ModelResult* result = workspace_->resultOf(row);
    if (!result) {
        // A new row: its numbers arrive with the next report.
        switch (role) {
        case Qt::DisplayRole: return computed == Computed::Pareto ? QString() : QStringLiteral("…");
        case Qt::TextAlignmentRole: return int(Qt::AlignRight | Qt::AlignVCenter);
        case Qt::ForegroundRole: return QColor(Qt::gray);
        case SortRole: return -std::numeric_limits<double>::infinity();
        case Qt::ToolTipRole: return tr("Being computed");
        default: return {};
        }
    }
    const ModelResult& m = *result;
    const ReportSettings& s = report.settings; // what these numbers were computed with
    std::optional<double> value;
    QString reason;
    switch (computed) {
    case Computed::Flops:
        value = m.flops ? std::optional<double>(*m.flops / 1e9) : std::nullopt;
        reason = m.flopsReason;
        break;
    case Computed::Hours: value = m.deviceHours; reason = m.hoursReason; break;
    case Computed::Energy: value = m.energyKwh; reason = m.co2Reason; break;
    case Computed::Co2: value = m.co2Kg; reason = m.co2Reason; break;
    case Computed::NoFade: value = m.nofade; reason = m.nofadeReason; break;
    case Computed::Pareto: value = m.pareto ? 1.0 : 0.0; reason = m.marginalReason; break;
    }
    const bool estimated = computed == Computed::Hours && m.hoursProvenance == provenanceName(HoursProvenance::Estimated);
    switch (role) {
    case Qt::DisplayRole:
        if (computed == Computed::Pareto)
            return m.pareto ? QStringLiteral("●") : QString();
        if (!value)
            return missing();
        if (computed == Computed::Hours)
            return QStringLiteral("%1 (%2)").arg(formatValue(*value), m.hoursProvenance);
        return formatValue(*value);
    case Qt::TextAlignmentRole:
        return computed == Computed::Pareto ? int(Qt::AlignCenter) : int(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        return !value ? QVariant(QColor(Qt::gray)) : QVariant();
    case Qt::FontRole: {
        if (!estimated)
            return {};
        QFont f;
        f.setItalic(true);
        return f;
    }
    case SortRole:
        return value ? *value : -std::numeric_limits<double>::infinity();
    case Qt::ToolTipRole: {
        if (computed != Computed::Pareto && !value)
            return tr("Not computed: %1").arg(reason);
        const Device* device = workspace_->hardware().find(m.device);
        switch (computed) {
        case Computed::Flops:
            return tr("%1 forward FLOPs per image (%2)").arg(formatValue(*m.flops), m.flopsConvention);
        case Computed::Hours:
            if (estimated)
                return tr("estimated: 3 × FLOPs × images_per_epoch × epochs / (peak FP32 × utilisation %1) / 3600")
                    .arg(s.utilisation);
            return tr("%1 device-hours, %2").arg(formatValue(*m.deviceHours), m.hoursProvenance);
        case Computed::Energy:
            if (s.method == Co2Method::PaperEq1)
                return tr("paper-eq1 as published: P_m / 1000 = f × (ω_g + ω_c) × GPU-hours / 1000 = %1 (not dimensionally an energy)")
                    .arg(formatValue(*m.energyKwh));
            return tr("%1 device-hours × %2 W (%3) × PUE %4 / 1000 = %5 kWh")
                .arg(formatValue(*m.deviceHours), device ? formatValue(device->tdpWatts) : QStringLiteral("?"), m.device)
                .arg(s.pue)
                .arg(formatValue(*m.energyKwh));
        case Computed::Co2:
            return tr("%1 × %2 kg/kWh (%3) = %4 kg CO₂")
                .arg(formatValue(*m.energyKwh))
                .arg(s.kgPerKwh)
                .arg(s.intensitySource, formatValue(*m.co2Kg));
        case Computed::NoFade: {
            QString complexity;
            for (const DatasetResult& d : report.datasets)
                if (d.key == datasetKey(m.dataset) && d.complexity)
                    complexity = QStringLiteral("%1 %2 (%3)").arg(d.measure, formatValue(*d.complexity), d.complexitySource);
            return tr("%1 × %2 / %3(%4) = %5")
                .arg(formatValue(*m.score), complexity, logBaseName(s.nofade.logBase), formatValue(*m.flops),
                     formatValue(*m.nofade));
        }
        case Computed::Pareto:
            if (!m.pareto)
                return m.co2Kg ? tr("Dominated: another model of the dataset has lower or equal CO₂ and a higher or equal score")
                               : tr("Not on a front: %1").arg(reason);
            if (m.marginalKgPerPoint)
                return tr("On the Pareto front; %1 kg CO₂ per score point over %2")
                    .arg(formatValue(*m.marginalKgPerPoint), m.previousParetoModel);
            return tr("On the Pareto front (%1)").arg(reason);
        }
        return {};
    }
    default:
        return {};
    }
}

bool ModelTableModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole || !index.isValid() || index.column() >= inputs_.size())
        return false;
    return editing_->setCell(index.row(), inputs_.at(index.column()), value.toString().trimmed());
}

} // namespace nofade::ui

#include "complexity/measure_table_model.h"

#include <QLocale>

namespace nofade::ui {

MeasureTableModel::MeasureTableModel(QObject* parent) : QAbstractTableModel(parent), columns_(measureColumns()) {}

void MeasureTableModel::setRows(std::vector<MeasureRow> rows)
{
    beginResetModel();
    rows_ = std::move(rows);
    endResetModel();
}

int MeasureTableModel::columnOf(const QString& measure)
{
    const int i = int(measureColumns().indexOf(measure));
    return i < 0 ? -1 : i + 1;
}

int MeasureTableModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(rows_.size()); }

int MeasureTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(columns_.size()) + 1; }

QVariant MeasureTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    const MeasureRow& row = rows_[std::size_t(index.row())];
    if (index.column() == 0) {
        if (role == Qt::DisplayRole)
            return row.complete ? row.name : tr("%1 (incomplete)").arg(row.name);
        if (role == Qt::DecorationRole)
            return row.colour;
        return {};
    }
    const MeasureValue& v = row.values[std::size_t(index.column() - 1)];
    const QLocale l;
    switch (role) {
    case Qt::DisplayRole:
        if (!v.value)
            return QStringLiteral("—");
        // Value, interval and sample on lines of their own: narrow columns, every measure in view.
        return QString(QString::number(*v.value, 'g', 4)
                       + (v.interval ? QStringLiteral("\n[%1, %2]").arg(QString::number(v.interval->low, 'g', 4),
                                                                        QString::number(v.interval->high, 'g', 4))
                                     : QString())
                       + tr("\nn = %1").arg(l.toString(qlonglong(v.sample))));
    case Qt::ToolTipRole: {
        QString tip = QStringLiteral("<b>%1</b>: %2<br>").arg(measureLabel(v.name).toHtmlEscaped(),
                                                              columnDefinition(v.name).toHtmlEscaped());
        if (!v.value)
            return QString(tip + tr("No value: %1").arg(v.reason.toHtmlEscaped()));
        tip += tr("Value %1").arg(QString::number(*v.value, 'g', 8));
        if (v.interval)
            tip += tr(", 95% interval %1 to %2 over %3 replicates")
                       .arg(QString::number(v.interval->low, 'g', 6), QString::number(v.interval->high, 'g', 6))
                       .arg(v.replicates.size());
        return QString(tip + tr("<br>Sample: %1 images").arg(l.toString(qlonglong(v.sample))));
    }
    case Qt::TextAlignmentRole:
        return int(Qt::AlignRight | Qt::AlignVCenter);
    case ValueRole:
        return v.value ? QVariant(*v.value) : QVariant();
    case LowRole:
        return v.interval ? QVariant(v.interval->low) : QVariant();
    case HighRole:
        return v.interval ? QVariant(v.interval->high) : QVariant();
    case SampleRole:
        return qlonglong(v.sample);
    default:
        return {};
    }
}

QVariant MeasureTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (section == 0)
        return role == Qt::DisplayRole ? QVariant(tr("Dataset")) : QVariant();
    const QString& column = columns_[section - 1];
    if (role == Qt::DisplayRole)
        return measureLabel(column);
    if (role == Qt::ToolTipRole)
        return columnDefinition(column);
    return {};
}

} // namespace nofade::ui

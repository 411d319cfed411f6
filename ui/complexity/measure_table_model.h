#pragma once
// The Complexity tab's table: one row per dataset with a profile, one column per measure (value
// and 95% interval, the sample under it); each header and cell says the measure's definition.
#include <QAbstractTableModel>

#include "complexity/measure_rows.h"

namespace nofade::ui {

class MeasureTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    // Roles beyond display: the number itself, the interval's ends, the sample size.
    enum Role { ValueRole = Qt::UserRole, LowRole, HighRole, SampleRole };

    explicit MeasureTableModel(QObject* parent = nullptr);
    void setRows(std::vector<MeasureRow> rows);
    const std::vector<MeasureRow>& rows() const { return rows_; }
    // The column of a measure name (measureColumns()), -1 when unknown.
    static int columnOf(const QString& measure);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::vector<MeasureRow> rows_;
    QStringList columns_;
};

} // namespace nofade::ui

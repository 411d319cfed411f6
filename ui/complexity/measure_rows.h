#pragma once
// The complexity measures of the session's datasets, as the Complexity tabs show them: one row
// per dataset with a profile, one value per measure column (measureNames() and the paper's C_JS).
#include <vector>
#include <QColor>
#include <QString>
#include <QStringList>

#include "maths/jensen_shannon.h"
#include "profile/profile.h"
#include "profile/profile_measures.h"

namespace nofade::ui {

class DatasetStore;

struct MeasureRow {
    int id = 0;
    QString name;
    QColor colour;
    bool complete = true;
    std::vector<MeasureValue> values; // in measureColumns() order
};

// measureNames() then "cjs".
QStringList measureColumns();
// "C_H", "SI", "bpp", "ID", "F1", "N1", "CSG", "C_JS".
QString measureLabel(const QString& column);
// The definition of a column (the C_JS one from METHODS.md).
QString columnDefinition(const QString& column);

std::vector<MeasureRow> measureRows(const DatasetStore& store);
// The row of one profile; `jsd` null: no C_JS yet.
MeasureRow measureRow(const QString& name, const QColor& colour, const Profile& profile, const JsdSummary* jsd);

// An axis of the parallel coordinates: a measure column with a value for at least one row,
// spanning every row's value and interval.
struct MeasureAxis {
    QString column;
    int index = 0; // in MeasureRow::values
    double low = 0.0, high = 0.0;
    // 0 at `low`, 1 at `high`; one dataset or equal values: 0.5 (the middle of the axis).
    double normalise(double v) const { return high > low ? (v - low) / (high - low) : 0.5; }
};
std::vector<MeasureAxis> measureAxes(const std::vector<MeasureRow>& rows);

} // namespace nofade::ui

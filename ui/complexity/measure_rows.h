#pragma once
// The complexity measures of the session's datasets, as the Complexity tabs show them: one row
// per dataset with a profile, one value per measure column (measureNames() and the paper's C_JS).
#include <vector>
#include <QColor>
#include <QString>
#include <QStringList>

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

} // namespace nofade::ui

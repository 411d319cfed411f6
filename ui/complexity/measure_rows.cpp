#include "complexity/measure_rows.h"

#include "complexity/measure_names.h"
#include "dataset_state/dataset_store.h"
#include "models/dataset_complexity.h"

namespace nofade::ui {

QStringList measureColumns()
{
    return measureNames() << QStringLiteral("cjs");
}

QString measureLabel(const QString& column)
{
    if (column == QLatin1String("entropy"))
        return QStringLiteral("C_H");
    if (column == QLatin1String("cjs"))
        return QStringLiteral("C_JS");
    if (column == QLatin1String("bpp"))
        return QStringLiteral("bpp");
    return column.toUpper();
}

QString columnDefinition(const QString& column)
{
    if (column == QLatin1String("cjs"))
        return QStringLiteral("C_JS: ln of the sum of the Jensen-Shannon distances between every pair of classes' "
                              "entropy distributions (the paper's complexity for classification)");
    return measureDefinition(column);
}

std::vector<MeasureRow> measureRows(const DatasetStore& store)
{
    std::vector<MeasureRow> rows;
    for (int i = 0; i < store.count(); ++i) {
        const DatasetEntry& e = store.at(i);
        if (!e.profile || e.profile->images() == 0)
            continue;
        MeasureRow row;
        row.id = e.id;
        row.name = e.name;
        row.colour = e.colour;
        row.complete = e.profile->complete;
        row.values = profileMeasureValues(*e.profile);
        MeasureValue cjs;
        cjs.name = QStringLiteral("cjs");
        cjs.definition = columnDefinition(cjs.name);
        if (e.jsd) {
            cjs.value = e.jsd->complexity;
            cjs.reason = e.jsd->reason;
        } else {
            cjs.reason = QStringLiteral("no class distances yet");
        }
        cjs.sample = e.profile->images();
        row.values.push_back(std::move(cjs));
        rows.push_back(std::move(row));
    }
    return rows;
}

} // namespace nofade::ui

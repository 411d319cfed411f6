#include "complexity/measure_rows.h"

#include <algorithm>
#include <cmath>

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

MeasureRow measureRow(const QString& name, const QColor& colour, const Profile& profile, const JsdSummary* jsd)
{
    MeasureRow row;
    row.name = name;
    row.colour = colour;
    row.complete = profile.complete;
    row.values = profileMeasureValues(profile);
    MeasureValue cjs;
    cjs.name = QStringLiteral("cjs");
    cjs.definition = columnDefinition(cjs.name);
    if (jsd) {
        cjs.value = jsd->complexity;
        cjs.reason = jsd->reason;
    } else {
        cjs.reason = QStringLiteral("no class distances yet");
    }
    cjs.sample = profile.images();
    row.values.push_back(std::move(cjs));
    return row;
}

std::vector<MeasureRow> measureRows(const DatasetStore& store)
{
    std::vector<MeasureRow> rows;
    for (int i = 0; i < store.count(); ++i) {
        const DatasetEntry& e = store.at(i);
        if (!e.profile || e.profile->images() == 0)
            continue;
        rows.push_back(measureRow(e.name, e.colour, *e.profile, e.jsd.get()));
        rows.back().id = e.id;
    }
    return rows;
}

std::vector<MeasureAxis> measureAxes(const std::vector<MeasureRow>& rows)
{
    std::vector<MeasureAxis> axes;
    const QStringList columns = measureColumns();
    for (int c = 0; c < columns.size(); ++c) {
        MeasureAxis a;
        a.column = columns[c];
        a.index = c;
        bool any = false;
        for (const MeasureRow& r : rows) {
            const MeasureValue& v = r.values[std::size_t(c)];
            if (!v.value || !std::isfinite(*v.value))
                continue;
            double lo = *v.value, hi = *v.value;
            if (v.interval) {
                lo = std::min(lo, v.interval->low);
                hi = std::max(hi, v.interval->high);
            }
            a.low = any ? std::min(a.low, lo) : lo;
            a.high = any ? std::max(a.high, hi) : hi;
            any = true;
        }
        if (any)
            axes.push_back(a);
    }
    return axes;
}

} // namespace nofade::ui

#include "models/report_csv.h"

#include "models/dataset_names.h"
#include "models/spreadsheet_csv.h"

namespace nofade {

QStringList reportCsvColumns()
{
    return {QStringLiteral("model"), QStringLiteral("dataset"), QStringLiteral("task"), QStringLiteral("metric"),
            QStringLiteral("score"), QStringLiteral("flops"), QStringLiteral("flops_convention"),
            QStringLiteral("device"), QStringLiteral("device_hours"), QStringLiteral("hours_provenance"),
            QStringLiteral("energy_kwh"), QStringLiteral("co2_kg"), QStringLiteral("nofade"),
            QStringLiteral("dataset_complexity"), QStringLiteral("complexity_measure"), QStringLiteral("pareto"),
            QStringLiteral("marginal_kg_per_point"), QStringLiteral("why_missing")};
}

QByteArray reportToCsv(const Report& report)
{
    QHash<QString, const DatasetResult*> datasets;
    for (const DatasetResult& d : report.datasets)
        datasets.insert(d.key, &d);
    std::vector<std::vector<ExportCell>> rows;
    for (const ModelResult& m : report.models) {
        const DatasetResult* d = datasets.value(datasetKey(m.dataset));
        QStringList why;
        if (!m.co2Kg)
            why << QStringLiteral("CO2: ") + m.co2Reason;
        if (!m.nofade)
            why << QStringLiteral("NoFADE: ") + m.nofadeReason;
        rows.push_back({ExportCell::plain(m.model), ExportCell::plain(m.dataset), ExportCell::plain(m.task),
                        ExportCell::plain(m.metric), ExportCell::number(m.score), ExportCell::number(m.flops),
                        ExportCell::plain(m.flops ? m.flopsConvention : QString()), ExportCell::plain(m.device),
                        ExportCell::number(m.deviceHours),
                        ExportCell::plain(m.deviceHours ? m.hoursProvenance : QString()),
                        ExportCell::number(m.energyKwh), ExportCell::number(m.co2Kg), ExportCell::number(m.nofade),
                        ExportCell::number(d ? d->complexity : std::nullopt),
                        ExportCell::plain(d ? d->measure : QString()),
                        ExportCell::plain(m.co2Kg ? (m.pareto ? QStringLiteral("true") : QStringLiteral("false")) : QString()),
                        ExportCell::number(m.marginalKgPerPoint), ExportCell::plain(why.join(QStringLiteral("; ")))});
    }
    return writeSpreadsheetCsv(reportCsvColumns(), rows);
}

} // namespace nofade

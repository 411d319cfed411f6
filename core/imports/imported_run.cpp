#include "imports/imported_run.h"

#include <algorithm>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include "models/csv_document.h"
#include "models/csv_table.h"
#include "models/dataset_names.h"
#include "models/hardware_table.h"
#include "models/text_values.h"

namespace nofade {

int ImportResult::linesLeftOut() const
{
    QSet<int> lines;
    for (const ImportIssue& i : issues)
        if (i.severity == ImportIssue::Severity::Error && i.line > 0)
            lines.insert(i.line);
    return int(lines.size());
}

QString ImportResult::message(const ImportIssue& issue) const
{
    QString where = fileName;
    if (issue.line > 0)
        where += QStringLiteral(": line %1").arg(issue.line);
    if (!issue.field.isEmpty())
        where += QStringLiteral(", field \"%1\"").arg(issue.field);
    const QString kind = issue.severity == ImportIssue::Severity::Warning ? QStringLiteral("warning: ") : QString();
    return QStringLiteral("%1: %2%3").arg(where, kind, issue.reason);
}

QStringList ImportResult::messages() const
{
    QStringList out;
    for (const ImportIssue& issue : issues)
        out << message(issue);
    return out;
}

QStringList importedColumns()
{
    return {QStringLiteral("model"), QStringLiteral("task"), QStringLiteral("dataset"), QStringLiteral("metric"),
            QStringLiteral("score"), QStringLiteral("compute"), QStringLiteral("compute_unit"), QStringLiteral("params"),
            QStringLiteral("device"), QStringLiteral("device_count"), QStringLiteral("device_hours"),
            QStringLiteral("wall_hours"), QStringLiteral("hours_provenance"), QStringLiteral("epochs"),
            QStringLiteral("images_per_epoch"), QStringLiteral("energy_kwh"), QStringLiteral("co2_kg"),
            QStringLiteral("training_flops"), QStringLiteral("year"), QStringLiteral("confidence"),
            QStringLiteral("source"), QStringLiteral("notes")};
}

namespace {

QString cell(const std::optional<double>& v) { return v ? formatNumber(*v) : QString(); }

} // namespace

QByteArray importedRowsToCsv(const std::vector<ImportedRow>& rows)
{
    QString text = csvLine(importedColumns());
    for (const ImportedRow& r : rows) {
        const QString count = r.deviceCount ? QString::number(*r.deviceCount) : QString();
        text += csvLine({r.model, r.task, r.dataset, r.metric, cell(r.score), QString(), QString(),
                         cell(r.paramsMillions), r.device, count, cell(r.deviceHours), cell(r.wallHours),
                         r.hoursProvenance, QString(), QString(), cell(r.energyKwh), cell(r.co2Kg),
                         cell(r.trainingFlops), r.year, r.confidence, r.source, r.notes});
    }
    return text.toUtf8();
}

void RunTotals::add(double seconds, int devices)
{
    ++m_runs;
    m_seconds += seconds;
    m_deviceSeconds += seconds * devices;
    if (m_runs == 1)
        m_devices = devices;
    else if (!m_devices || *m_devices != devices)
        m_mixed = true;
}

void RunTotals::writeHours(ImportedRow& row) const
{
    if (m_runs == 0)
        return;
    if (!m_mixed && m_devices && *m_devices >= 1) {
        row.wallHours = m_seconds / 3600.0;
        row.deviceCount = *m_devices;
    } else if (m_deviceSeconds > 0.0) {
        row.deviceHours = m_deviceSeconds / 3600.0;
    } else {
        row.wallHours = m_seconds / 3600.0; // no devices: wall time only, for the record
    }
    if ((row.wallHours && *row.wallHours <= 0.0) || (row.deviceHours && *row.deviceHours <= 0.0)) {
        row.wallHours.reset(); // the model table wants hours > 0: a zero-length run has none
        row.deviceHours.reset();
    }
}

void applyImportOptions(ImportedRow& row, const ImportOptions& options)
{
    if (!options.model.isEmpty())
        row.model = options.model;
    if (!options.task.isEmpty())
        row.task = options.task;
    if (!options.dataset.isEmpty())
        row.dataset = options.dataset;
    if (options.score)
        row.score = options.score;
    if (!options.device.isEmpty())
        row.device = options.device;
}

QString resolveDevice(const QString& name, int line, const QString& field, const ImportOptions& options,
                      std::vector<ImportIssue>& issues)
{
    if (name.trimmed().isEmpty() || !options.device.isEmpty())
        return QString();
    if (options.hardware) {
        // nvidia-smi names ("NVIDIA A100-SXM4-40GB") carry the vendor the table's aliases omit.
        static const QRegularExpression vendor(QStringLiteral("^nvidia\\s+"), QRegularExpression::CaseInsensitiveOption);
        for (const QString& candidate : {name.trimmed(), name.trimmed().remove(vendor)})
            if (const Device* d = options.hardware->find(candidate))
                return d->name;
    }
    const QString reason = QStringLiteral("\"%1\" is not in the hardware table, so the device is left empty "
                                          "(give --device, or add it to the hardware table)").arg(name.trimmed());
    // Said once per device name, on its first line.
    if (std::none_of(issues.begin(), issues.end(), [&](const ImportIssue& i) { return i.reason == reason; }))
        issues.push_back({ImportIssue::Severity::Warning, line, field, reason});
    return QString();
}

void makeNamesUnique(std::vector<ImportedRow>& rows, const QStringList& ids)
{
    QHash<QString, int> uses;
    for (const ImportedRow& r : rows)
        ++uses[nameKey(r.model) + QLatin1Char('\n') + datasetKey(r.dataset)];
    for (std::size_t i = 0; i < rows.size(); ++i)
        if (uses.value(nameKey(rows[i].model) + QLatin1Char('\n') + datasetKey(rows[i].dataset)) > 1)
            rows[i].model += QStringLiteral(" (%1)").arg(ids.value(qsizetype(i)));
}

void warnAboutMissingCells(ImportResult& result)
{
    struct Need { const char* field; const char* how; };
    for (const Need& need : {Need{"task", "give --task"}, Need{"dataset", "give --dataset"},
                             Need{"score", "fill in the score column; the report flags these rows until then"}}) {
        QStringList models;
        for (const ImportedRow& r : result.rows) {
            const QString field = QString::fromLatin1(need.field);
            const bool missing = field == QLatin1String("task") ? r.task.isEmpty()
                                 : field == QLatin1String("dataset") ? r.dataset.isEmpty() : !r.score;
            if (missing)
                models << r.model;
        }
        if (models.isEmpty())
            continue;
        const QString list = models.size() <= 5 ? models.join(QStringLiteral(", "))
                                                 : models.mid(0, 5).join(QStringLiteral(", ")) + QStringLiteral(", ...");
        result.issues.push_back({ImportIssue::Severity::Warning, 0, QString(),
                                 QStringLiteral("%1 of %2 imported models have no %3 (%4): %5")
                                     .arg(models.size()).arg(result.rows.size())
                                     .arg(QString::fromLatin1(need.field), list, QString::fromLatin1(need.how))});
    }
}

std::optional<CsvTable> readRunLog(const QByteArray& bytes, const QString& fileName, const QString& format,
                                   ImportResult& result)
{
    result.fileName = fileName;
    result.format = format;
    CsvTable csv(parseCsv(bytes));
    for (const CsvProblem& p : csv.document().problems)
        result.issues.push_back({ImportIssue::Severity::Error, p.line, QString(), p.reason});
    if (!csv.hasHeader()) {
        result.issues.push_back({ImportIssue::Severity::Error, 0, QString(), QStringLiteral("the file is empty")});
        return std::nullopt;
    }
    return csv;
}

} // namespace nofade

#include "imports/epoch_import.h"

#include "models/csv_table.h"
#include "models/model_fields.h"
#include "models/text_values.h"

namespace nofade {

namespace {

// Epoch's Task cell ("Image classification", "Object detection,Semantic segmentation") -> ours.
QString taskOf(const QString& epochTask)
{
    const QString t = epochTask.toLower();
    if (t.contains(QLatin1String("classification")))
        return taskName(Task::Classification);
    if (t.contains(QLatin1String("detection")))
        return taskName(Task::Detection);
    if (t.contains(QLatin1String("segmentation")))
        return taskName(Task::Segmentation);
    return QString();
}

} // namespace

ImportResult importEpoch(const QByteArray& bytes, const QString& fileName, const ImportOptions& options)
{
    ImportResult result;
    const std::optional<CsvTable> read = readRunLog(bytes, fileName, QStringLiteral("epoch"), result);
    if (!read)
        return result;
    const CsvTable& csv = *read;
    if (csv.column(QStringLiteral("Model")) < 0) {
        result.issues.push_back({ImportIssue::Severity::Error, 1, QStringLiteral("Model"),
                                 QStringLiteral("the header has no \"Model\" column: not an Epoch AI models CSV")});
        return result;
    }
    // Epoch renamed "Hardware utilization" to "Hardware utilization (MFU)" / "(HFU)".
    QString utilisationColumn;
    for (const char* name : {"Hardware utilization", "Hardware utilization (MFU)", "Hardware utilization (HFU)"})
        if (csv.column(QString::fromLatin1(name)) >= 0 && utilisationColumn.isEmpty())
            utilisationColumn = QString::fromLatin1(name);
    QStringList ids;
    for (int r = 0; r < csv.dataRecords().size(); ++r) {
        const int line = csv.line(r);
        auto text = [&](const QString& name) { return csv.value(r, name).value_or(QString()).trimmed(); };
        bool bad = false;
        // A positive number, or nullopt (empty, or an error that keeps the line out).
        auto number = [&](const QString& name) -> std::optional<double> {
            const QString t = text(name);
            if (t.isEmpty())
                return std::nullopt;
            const auto v = parseNumber(t);
            if (!v || *v <= 0) {
                result.issues.push_back({ImportIssue::Severity::Error, line, name,
                                         QStringLiteral("\"%1\" is not a number greater than zero").arg(t)});
                bad = true;
                return std::nullopt;
            }
            return v;
        };
        ImportedRow row;
        row.line = line;
        row.model = text(QStringLiteral("Model"));
        if (row.model.isEmpty()) {
            result.issues.push_back({ImportIssue::Severity::Error, line, QStringLiteral("Model"), QStringLiteral("is empty")});
            continue;
        }
        row.trainingFlops = number(QStringLiteral("Training compute (FLOP)"));
        const auto quantity = number(QStringLiteral("Hardware quantity"));
        row.wallHours = number(QStringLiteral("Training time (hours)"));
        const auto params = number(QStringLiteral("Parameters"));
        const auto utilisation = utilisationColumn.isEmpty() ? std::nullopt : number(utilisationColumn);
        if (quantity && (*quantity != double(qint64(*quantity)) || *quantity > 1e9)) {
            result.issues.push_back({ImportIssue::Severity::Error, line, QStringLiteral("Hardware quantity"),
                                     QStringLiteral("\"%1\" is not a whole number of devices").arg(text(QStringLiteral("Hardware quantity")))});
            bad = true;
        }
        if (bad)
            continue;
        if (quantity)
            row.deviceCount = int(*quantity);
        if (params)
            row.paramsMillions = *params / 1e6;
        if (row.wallHours)
            row.hoursProvenance = provenanceName(HoursProvenance::Reported);
        row.task = taskOf(text(QStringLiteral("Task")));
        row.dataset = text(QStringLiteral("Training dataset"));
        const QString date = text(QStringLiteral("Publication date"));
        if (date.size() >= 4 && date.left(4).toInt() > 0)
            row.year = date.left(4);
        row.confidence = text(QStringLiteral("Confidence"));
        row.device = resolveDevice(text(QStringLiteral("Training hardware")), line, QStringLiteral("Training hardware"),
                                   options, result.issues);
        applyImportOptions(row, options);
        QStringList references;
        for (const char* name : {"Reference", "Link"})
            if (!text(QString::fromLatin1(name)).isEmpty())
                references << text(QString::fromLatin1(name));
        row.source = QStringLiteral("Epoch AI, Data on AI Models (%1, line %2)").arg(fileName).arg(line);
        if (!references.isEmpty())
            row.source += QStringLiteral("; ") + references.join(QLatin1Char(' '));
        QStringList notes;
        if (!text(QStringLiteral("Training hardware")).isEmpty())
            notes << QStringLiteral("training hardware %1").arg(text(QStringLiteral("Training hardware")));
        if (utilisation)
            notes << QStringLiteral("%1 %2").arg(utilisationColumn.toLower(), formatNumber(*utilisation));
        if (!text(QStringLiteral("Task")).isEmpty())
            notes << QStringLiteral("Epoch task %1").arg(text(QStringLiteral("Task")));
        if (!row.score)
            notes << QStringLiteral("score to be filled in");
        row.notes = notes.join(QStringLiteral("; "));
        result.rows.push_back(row);
        ids << QStringLiteral("line %1").arg(line);
    }
    makeNamesUnique(result.rows, ids);
    return result;
}

} // namespace nofade

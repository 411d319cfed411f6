#include "imports/codecarbon_import.h"

#include <QHash>
#include <QRegularExpression>

#include "models/csv_table.h"
#include "models/text_values.h"

namespace nofade {

namespace {

struct Run {
    int line = 0;
    QString project;
    QString experiment;
    QString runId;
    QString timestamp;
    double seconds = 0.0;
    double kwh = 0.0;
    double kg = 0.0;
    int gpus = 0;
    QString gpuModel;
    QString place;     // country / region / cloud, for the notes
    QString pue;
    QString version;
};

// "4 x NVIDIA A100-SXM4-40GB" -> "NVIDIA A100-SXM4-40GB" (CodeCarbon counts GPUs per model name).
QString gpuName(const QString& model)
{
    static const QRegularExpression counted(QStringLiteral("^\\s*\\d+\\s*x\\s+(.+)$"));
    const auto m = counted.match(model);
    return m.hasMatch() ? m.captured(1).trimmed() : model.trimmed();
}

class LineReader {
public:
    LineReader(const CsvTable& csv, int row, std::vector<ImportIssue>& issues)
        : m_csv(csv), m_row(row), m_issues(issues) {}

    QString text(const char* name) const
    {
        return m_csv.value(m_row, QString::fromLatin1(name)).value_or(QString()).trimmed();
    }

    // A required non-negative number; nullopt with an error otherwise.
    std::optional<double> amount(const char* name)
    {
        const QString t = text(name);
        const auto v = parseNumber(t);
        if (!v || *v < 0) {
            error(name, t.isEmpty() ? QStringLiteral("is empty") : QStringLiteral("\"%1\" is not a non-negative number").arg(t));
            return std::nullopt;
        }
        return v;
    }

    void error(const char* field, const QString& reason)
    {
        m_issues.push_back({ImportIssue::Severity::Error, m_csv.line(m_row), QString::fromLatin1(field), reason});
    }
    void warning(const char* field, const QString& reason)
    {
        m_issues.push_back({ImportIssue::Severity::Warning, m_csv.line(m_row), QString::fromLatin1(field), reason});
    }

private:
    const CsvTable& m_csv;
    int m_row;
    std::vector<ImportIssue>& m_issues;
};

std::optional<Run> readRun(const CsvTable& csv, int r, std::vector<ImportIssue>& issues)
{
    LineReader in(csv, r, issues);
    const qsizetype cells = csv.document().records.at(csv.dataRecords().at(r)).cells.size();
    // CodeCarbon's "append" mode drops a run's all-empty columns before appending it, so such a
    // line's cells no longer line up with the header.
    if (cells != csv.columnCount()) {
        in.error("", QStringLiteral("has %1 cells but the header has %2, so they cannot be matched to its columns "
                                    "(CodeCarbon appends a run without its empty columns)")
                         .arg(cells).arg(csv.columnCount()));
        return std::nullopt;
    }
    Run run;
    run.line = csv.line(r);
    const auto seconds = in.amount("duration");
    const auto kg = in.amount("emissions");
    const auto kwh = in.amount("energy_consumed");
    if (!seconds || !kg || !kwh)
        return std::nullopt;
    run.seconds = *seconds;
    run.kg = *kg;
    run.kwh = *kwh;
    const QString gpus = in.text("gpu_count");
    if (!gpus.isEmpty()) {
        const auto n = parseNumber(gpus);
        if (!n || *n < 0 || *n != double(qint64(*n)) || *n > 1e6)
            in.warning("gpu_count", QStringLiteral("\"%1\" is not a whole number of GPUs; the run counts none").arg(gpus));
        else
            run.gpus = int(*n);
    }
    run.project = in.text("project_name");
    run.experiment = in.text("experiment_id");
    run.runId = in.text("run_id");
    run.timestamp = in.text("timestamp");
    run.gpuModel = in.text("gpu_model");
    run.pue = in.text("pue");
    run.version = in.text("codecarbon_version");
    QStringList place;
    for (const char* f : {"country_name", "region", "cloud_provider", "cloud_region"})
        if (!in.text(f).isEmpty())
            place << in.text(f);
    run.place = place.join(QStringLiteral(", "));
    return run;
}

ImportedRow rowOf(const std::vector<const Run*>& runs, const QString& fileName, const ImportOptions& options,
                  std::vector<ImportIssue>& issues)
{
    const Run& first = *runs.front();
    ImportedRow row;
    row.line = first.line;
    row.model = !first.project.isEmpty() ? first.project : QStringLiteral("codecarbon run");
    row.hoursProvenance = QStringLiteral("measured");
    RunTotals totals;
    double kwh = 0.0, kg = 0.0;
    QStringList lines, ids, models, places, pues, versions;
    auto note = [](QStringList& list, const QString& v) { if (!v.isEmpty() && !list.contains(v)) list << v; };
    for (const Run* run : runs) {
        totals.add(run->seconds, run->gpus);
        kwh += run->kwh;
        kg += run->kg;
        lines << QString::number(run->line);
        note(ids, run->runId.isEmpty() ? run->timestamp : run->runId);
        note(models, run->gpuModel);
        note(places, run->place);
        note(pues, run->pue);
        note(versions, run->version);
    }
    totals.writeHours(row);
    row.energyKwh = kwh;
    row.co2Kg = kg;
    if (first.timestamp.size() >= 4 && first.timestamp.left(4).toInt() > 0)
        row.year = first.timestamp.left(4);
    if (models.size() == 1)
        row.device = resolveDevice(gpuName(models.first()), first.line, QStringLiteral("gpu_model"), options, issues);
    const QString where = lines.size() == 1 ? QStringLiteral("line %1").arg(lines.first())
                          : lines.size() <= 6 ? QStringLiteral("lines %1").arg(lines.join(QStringLiteral(", ")))
                                              : QStringLiteral("%1 lines from %2 to %3").arg(lines.size()).arg(lines.first(), lines.last());
    row.source = QStringLiteral("CodeCarbon%1 emissions.csv: %2, %3")
                     .arg(versions.isEmpty() ? QString() : QLatin1Char(' ') + versions.join(QLatin1Char('/')), fileName, where);
    QStringList notes;
    notes << QStringLiteral("energy and CO2 measured by CodeCarbon%1")
                 .arg(runs.size() > 1 ? QStringLiteral(", summed over %1 runs").arg(runs.size()) : QString());
    if (!pues.isEmpty())
        notes << QStringLiteral("PUE %1 applied by CodeCarbon").arg(pues.join(QLatin1Char('/')));
    if (!places.isEmpty())
        notes << QStringLiteral("location %1").arg(places.join(QStringLiteral("; ")));
    if (!models.isEmpty())
        notes << QStringLiteral("gpu_model %1").arg(models.join(QStringLiteral("; ")));
    if (ids.size() == 1)
        notes << QStringLiteral("run %1").arg(ids.first());
    else if (!ids.isEmpty())
        notes << QStringLiteral("runs %1 to %2").arg(ids.first(), ids.last());
    row.notes = notes.join(QStringLiteral("; "));
    applyImportOptions(row, options);
    return row;
}

} // namespace

ImportResult importCodeCarbon(const QByteArray& bytes, const QString& fileName, const ImportOptions& options)
{
    ImportResult result;
    const std::optional<CsvTable> read = readRunLog(bytes, fileName, QStringLiteral("codecarbon"), result);
    if (!read)
        return result;
    const CsvTable& csv = *read;
    for (const char* required : {"duration", "emissions", "energy_consumed"})
        if (csv.column(QString::fromLatin1(required)) < 0) {
            result.issues.push_back({ImportIssue::Severity::Error, 1, QString::fromLatin1(required),
                                     QStringLiteral("the header has no \"%1\" column: not a CodeCarbon emissions.csv")
                                         .arg(QLatin1String(required))});
            return result;
        }
    std::vector<Run> runs;
    for (int r = 0; r < csv.dataRecords().size(); ++r)
        if (auto run = readRun(csv, r, result.issues))
            runs.push_back(*run);
    // Groups: every run alone, or the runs of one project and experiment together.
    std::vector<std::vector<const Run*>> groups;
    QHash<QString, std::size_t> groupOf;
    for (const Run& run : runs) {
        const QString key = run.project + QLatin1Char('\n') + run.experiment;
        if (options.sumRuns && groupOf.contains(key)) {
            groups[groupOf.value(key)].push_back(&run);
            continue;
        }
        groupOf.insert(key, groups.size());
        groups.push_back({&run});
    }
    QStringList ids;
    for (const auto& group : groups) {
        result.rows.push_back(rowOf(group, fileName, options, result.issues));
        const Run& first = *group.front();
        ids << (options.sumRuns ? (first.experiment.isEmpty() ? QStringLiteral("line %1").arg(first.line) : first.experiment)
                                : (first.timestamp.isEmpty() ? QStringLiteral("line %1").arg(first.line) : first.timestamp));
    }
    makeNamesUnique(result.rows, ids);
    return result;
}

} // namespace nofade

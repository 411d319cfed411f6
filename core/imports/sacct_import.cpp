#include "imports/sacct_import.h"

#include <QHash>


namespace nofade {

std::optional<int> gpusOfTres(const QString& tres, QString* type)
{
    std::optional<int> total, typed;
    for (const QString& item : tres.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const qsizetype eq = item.indexOf(QLatin1Char('='));
        if (eq < 0)
            continue;
        const QString key = item.left(eq).trimmed().toLower();
        if (key != QLatin1String("gres/gpu") && !key.startsWith(QLatin1String("gres/gpu:")))
            continue;
        bool ok = false;
        const int n = item.mid(eq + 1).trimmed().toInt(&ok);
        if (!ok || n < 0)
            return std::nullopt;
        if (key == QLatin1String("gres/gpu")) {
            total = n;
        } else {
            typed = typed.value_or(0) + n;
            if (type && type->isEmpty())
                *type = item.mid(9, eq - 9).trimmed();
        }
    }
    return total ? total : typed ? typed : std::optional<int>(0);
}

namespace {

// State words of jobs that ended without completing (sacct's JOB STATE CODES).
bool endedBadly(const QString& state)
{
    static const QStringList bad = {QStringLiteral("FAILED"), QStringLiteral("CANCELLED"), QStringLiteral("TIMEOUT"),
                                    QStringLiteral("OUT_OF_MEMORY"), QStringLiteral("NODE_FAIL"),
                                    QStringLiteral("PREEMPTED"), QStringLiteral("BOOT_FAIL"), QStringLiteral("DEADLINE")};
    return bad.contains(state);
}

struct Job {
    int line = 0;
    QString id;
    QString name;
    qint64 seconds = 0;
    int gpus = 0;
    QString gpuType;
    QString nodes;
    QString state;
};

} // namespace

ImportResult importSacct(const QByteArray& bytes, const QString& fileName, const ImportOptions& options)
{
    ImportResult result;
    result.fileName = fileName;
    result.format = QStringLiteral("sacct");
    auto issue = [&](ImportIssue::Severity s, int line, const QString& field, const QString& reason) {
        result.issues.push_back({s, line, field, reason});
    };
    const QString text = QString::fromUtf8(bytes);
    QStringList lines = text.split(QLatin1Char('\n'));
    QHash<QString, int> column;
    int headerLine = 0;
    std::vector<Job> jobs;
    QHash<QString, int> seen; // job id -> line
    for (int i = 0; i < lines.size(); ++i) {
        QString line = lines[i];
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        if (line.trimmed().isEmpty())
            continue;
        QStringList cells = line.split(QLatin1Char('|'));
        if (headerLine == 0) {
            headerLine = i + 1;
            if (cells.size() > 1 && cells.last().isEmpty())
                cells.removeLast(); // sacct -p ends every line with '|'
            for (int c = 0; c < cells.size(); ++c)
                column.insert(cells[c].trimmed().toLower(), c);
            for (const char* required : {"jobid", "elapsedraw", "alloctres", "state"})
                if (!column.contains(QString::fromLatin1(required))) {
                    issue(ImportIssue::Severity::Error, headerLine, QString(),
                          QStringLiteral("the header has no %1 column: give sacct -P -o JobID,JobName,ElapsedRaw,AllocTRES,NodeList,State")
                              .arg(QLatin1String(required)));
                    return result;
                }
            continue;
        }
        const int lineNo = i + 1;
        if (cells.size() == column.size() + 1 && cells.last().isEmpty())
            cells.removeLast();
        if (cells.size() != column.size()) {
            issue(ImportIssue::Severity::Error, lineNo, QString(),
                  QStringLiteral("has %1 fields but the header has %2").arg(cells.size()).arg(column.size()));
            continue;
        }
        auto field = [&](const char* name) {
            const int c = column.value(QString::fromLatin1(name), -1);
            return c < 0 ? QString() : cells[c].trimmed();
        };
        Job job;
        job.line = lineNo;
        job.id = field("jobid");
        if (job.id.isEmpty()) {
            issue(ImportIssue::Severity::Error, lineNo, QStringLiteral("JobID"), QStringLiteral("is empty"));
            continue;
        }
        if (job.id.contains(QLatin1Char('.')))
            continue; // a step inside its job's allocation (123.batch, 123.extern, 123_4.0)
        job.name = field("jobname");
        job.nodes = field("nodelist");
        job.state = field("state").section(QLatin1Char(' '), 0, 0).toUpper(); // "CANCELLED by 1234"
        const QString elapsed = field("elapsedraw");
        bool ok = false;
        job.seconds = elapsed.toLongLong(&ok);
        if (!ok || job.seconds < 0) {
            issue(ImportIssue::Severity::Error, lineNo, QStringLiteral("ElapsedRaw"),
                  QStringLiteral("\"%1\" is not a whole number of seconds").arg(elapsed));
            continue;
        }
        const auto gpus = gpusOfTres(field("alloctres"), &job.gpuType);
        if (!gpus) {
            issue(ImportIssue::Severity::Error, lineNo, QStringLiteral("AllocTRES"),
                  QStringLiteral("\"%1\" has a GPU count that is not a whole number").arg(field("alloctres")));
            continue;
        }
        job.gpus = *gpus;
        if (seen.contains(job.id)) {
            issue(ImportIssue::Severity::Error, lineNo, QStringLiteral("JobID"),
                  QStringLiteral("job %1 is listed again (first on line %2); counted once").arg(job.id).arg(seen.value(job.id)));
            continue;
        }
        seen.insert(job.id, lineNo);
        if (job.state != QLatin1String("COMPLETED")) {
            const bool counted = options.includeFailed && endedBadly(job.state);
            if (!endedBadly(job.state)) {
                issue(ImportIssue::Severity::Warning, lineNo, QStringLiteral("State"),
                      QStringLiteral("job %1 (%2) is %3, not finished: not counted").arg(job.id, job.name, field("state")));
                continue;
            }
            issue(ImportIssue::Severity::Warning, lineNo, QStringLiteral("State"),
                  QStringLiteral("job %1 (%2) ended %3: %4").arg(job.id, job.name, field("state"),
                      counted ? QStringLiteral("counted (--include-failed)") : QStringLiteral("not counted (give --include-failed to count it)")));
            if (!counted)
                continue;
        }
        if (job.gpus == 0) {
            issue(ImportIssue::Severity::Warning, lineNo, QStringLiteral("AllocTRES"),
                  QStringLiteral("job %1 (%2) has no GPUs allocated (no gres/gpu): not counted").arg(job.id, job.name));
            continue;
        }
        jobs.push_back(job);
    }
    if (headerLine == 0) {
        issue(ImportIssue::Severity::Error, 0, QString(), QStringLiteral("the file is empty"));
        return result;
    }
    // One model per job, or per job name with sumRuns (the tasks of an array share theirs).
    std::vector<std::vector<const Job*>> groups;
    QHash<QString, std::size_t> groupOf;
    for (const Job& job : jobs) {
        const QString key = options.model.isEmpty() ? job.name : options.model;
        if (options.sumRuns && groupOf.contains(key)) {
            groups[groupOf.value(key)].push_back(&job);
            continue;
        }
        groupOf.insert(key, groups.size());
        groups.push_back({&job});
    }
    QStringList ids;
    for (const auto& group : groups) {
        const Job& first = *group.front();
        ImportedRow row;
        row.line = first.line;
        row.model = first.name.isEmpty() ? QStringLiteral("job %1").arg(first.id) : first.name;
        row.hoursProvenance = QStringLiteral("measured");
        RunTotals totals;
        QStringList jobIds, nodes, types, states;
        for (const Job* job : group) {
            totals.add(double(job->seconds), job->gpus);
            jobIds << job->id;
            if (!job->nodes.isEmpty() && !nodes.contains(job->nodes))
                nodes << job->nodes;
            if (!job->gpuType.isEmpty() && !types.contains(job->gpuType))
                types << job->gpuType;
            if (job->state != QLatin1String("COMPLETED"))
                states << QStringLiteral("%1 %2").arg(job->id, job->state);
        }
        totals.writeHours(row);
        if (types.size() == 1)
            row.device = resolveDevice(types.first(), first.line, QStringLiteral("AllocTRES"), options, result.issues);
        row.source = QStringLiteral("Slurm accounting (sacct): %1").arg(fileName);
        QStringList notes;
        notes << QStringLiteral("device-hours = ElapsedRaw / 3600 x allocated GPUs, %1 %2")
                     .arg(group.size() == 1 ? QStringLiteral("job") : QStringLiteral("jobs"), jobIds.join(QLatin1Char(' ')));
        if (!states.isEmpty())
            notes << QStringLiteral("counted although they did not complete: %1").arg(states.join(QStringLiteral(", ")));
        if (!types.isEmpty())
            notes << QStringLiteral("GPU type %1").arg(types.join(QLatin1Char('/')));
        if (!nodes.isEmpty())
            notes << QStringLiteral("nodes %1").arg(nodes.join(QLatin1Char(' ')));
        row.notes = notes.join(QStringLiteral("; "));
        applyImportOptions(row, options);
        result.rows.push_back(row);
        ids << QStringLiteral("job %1").arg(first.id);
    }
    makeNamesUnique(result.rows, ids);
    return result;
}

} // namespace nofade

#include "models/model_table.h"

#include <cmath>
#include <QHash>

#include "models/dataset_names.h"
#include "models/hardware_table.h"
#include "models/text_values.h"

namespace nofade {

QStringList knownModelColumns()
{
    using namespace column;
    return {kModel, kTask, kDataset, kMetric, kScore, kCompute, kComputeUnit, kParams, kDevice, kDeviceCount,
            kDeviceHours, kWallHours, kHoursProvenance, kEpochs, kImagesPerEpoch, kYear, kConfidence, kEnergyKwh,
            kCo2Kg, kTrainingFlops, kSource, kNotes};
}

QStringList requiredModelColumns()
{
    using namespace column;
    return {kModel, kTask, kDataset, kScore};
}

namespace {

// The key under which a model is unique on a dataset: nameKey, except that a decimal point between
// two digits counts ("RegNetX-1.6GF" and "RegNetX-16GF" are different models).
QString modelKey(const QString& name)
{
    QString kept = name;
    for (int i = 1; i + 1 < kept.size(); ++i)
        if (kept[i] == QLatin1Char('.') && kept[i - 1].isDigit() && kept[i + 1].isDigit())
            kept[i] = QLatin1Char(',');
    return nameKey(kept);
}

// Reads and checks the cells of one data row, recording issues against it.
class RowReader {
public:
    RowReader(const CsvTable& csv, int row, std::vector<TableIssue>& issues)
        : m_csv(csv), m_row(row), m_issues(issues) {}

    QString text(const QString& name) const { return m_csv.value(m_row, name).value_or(QString()).trimmed(); }

    void error(const QString& name, const QString& reason) { add(TableIssue::Severity::Error, name, reason); }
    void warning(const QString& name, const QString& reason) { add(TableIssue::Severity::Warning, name, reason); }

    QString required(const QString& name)
    {
        const QString t = text(name);
        if (t.isEmpty() && m_csv.column(name) >= 0)
            error(name, QStringLiteral("is empty; a value is required"));
        return t;
    }

    // A number: nullopt (and an error) for text; nullopt without error for an empty cell.
    std::optional<double> number(const QString& name, bool positive)
    {
        const QString t = text(name);
        if (t.isEmpty())
            return std::nullopt;
        const auto v = parseNumber(t);
        if (!v) {
            error(name, QStringLiteral("\"%1\" is not a number").arg(t));
            return std::nullopt;
        }
        if (positive && *v <= 0) {
            error(name, QStringLiteral("%1 must be greater than zero").arg(t));
            return std::nullopt;
        }
        if (*v < 0) {
            error(name, QStringLiteral("%1 must not be negative").arg(t));
            return std::nullopt;
        }
        return v;
    }

    bool hasErrors() const { return m_errors > 0; }

private:
    void add(TableIssue::Severity severity, const QString& name, const QString& reason)
    {
        m_issues.push_back({severity, m_row, m_csv.line(m_row), name, reason});
        if (severity == TableIssue::Severity::Error)
            ++m_errors;
    }

    const CsvTable& m_csv;
    int m_row;
    std::vector<TableIssue>& m_issues;
    int m_errors = 0;
};

ModelRow readRow(RowReader& in, const ModelTableOptions& options)
{
    using namespace column;
    ModelRow row;
    row.model = in.required(kModel);
    const QString task = in.required(kTask);
    if (!task.isEmpty()) {
        row.task = taskFromName(task);
        if (!row.task)
            in.error(kTask, QStringLiteral("\"%1\" is not a known task (classification, detection, segmentation)").arg(task));
    }
    row.dataset = in.required(kDataset);
    row.metric = in.text(kMetric);
    in.required(kScore);
    row.score = in.number(kScore, false);
    if (row.score && *row.score > maxScore(options.scoreScale)) {
        in.error(kScore, QStringLiteral("%1 is above %2 (scores are read as %3)")
                             .arg(in.text(kScore), formatNumber(maxScore(options.scoreScale)),
                                  scoreScaleName(options.scoreScale)));
        row.score.reset();
    }
    row.compute = in.number(kCompute, true);
    const QString unit = in.text(kComputeUnit);
    if (!unit.isEmpty()) {
        row.unit = computeUnitFromText(unit);
        if (!row.unit)
            in.error(kComputeUnit, QStringLiteral("\"%1\" is not a compute unit (FLOPs or MACs with an optional K, M, G, T or P prefix)").arg(unit));
    } else if (row.compute) {
        in.error(kComputeUnit, QStringLiteral("is empty, so compute %1 has no unit (e.g. GFLOPs or GMACs)").arg(in.text(kCompute)));
    }
    row.paramsMillions = in.number(kParams, true);
    row.device = in.text(kDevice);
    if (!row.device.isEmpty() && options.hardware && !options.hardware->find(row.device))
        in.error(kDevice, QStringLiteral("\"%1\" is not in the hardware table (add it to %2)").arg(row.device, userHardwareFile()));
    const QString count = in.text(kDeviceCount);
    if (!count.isEmpty()) {
        const auto v = parseNumber(count);
        if (!v || *v < 1 || std::floor(*v) != *v || *v > 1e9)
            in.error(kDeviceCount, QStringLiteral("\"%1\" is not a whole number of devices (1 or more)").arg(count));
        else
            row.deviceCount = int(*v);
    }
    row.deviceHours = in.number(kDeviceHours, true);
    row.wallHours = in.number(kWallHours, true);
    const QString provenance = in.text(kHoursProvenance);
    if (!provenance.isEmpty()) {
        row.provenance = provenanceFromName(provenance);
        if (!row.provenance)
            in.error(kHoursProvenance, QStringLiteral("\"%1\" is not one of reported, derived, estimated, measured").arg(provenance));
    } else if (row.deviceHours || row.wallHours) {
        in.warning(kHoursProvenance, QStringLiteral("is empty although training hours are given; they count as reported"));
        row.provenance = HoursProvenance::Reported;
    }
    row.energyKwh = in.number(kEnergyKwh, false);
    row.co2Kg = in.number(kCo2Kg, false);
    // A run whose energy or CO2 was measured needs no device-hours.
    if (row.wallHours && !row.deviceHours && !row.deviceCount && !row.energyKwh && !row.co2Kg)
        in.warning(kDeviceCount, QStringLiteral("is empty, so wall_hours cannot become device-hours"));
    row.epochs = in.number(kEpochs, true);
    row.imagesPerEpoch = in.number(kImagesPerEpoch, true);
    const QString year = in.text(kYear);
    if (!year.isEmpty()) {
        const auto v = parseNumber(year);
        if (!v || std::floor(*v) != *v || *v < kFirstModelYear || *v > kLastModelYear)
            in.error(kYear, QStringLiteral("\"%1\" is not a year (a whole number from %2 to %3)")
                                .arg(year).arg(kFirstModelYear).arg(kLastModelYear));
        else
            row.year = int(*v);
    }
    const QString confidence = in.text(kConfidence);
    if (!confidence.isEmpty()) {
        row.confidence = confidenceFromName(confidence);
        if (!row.confidence)
            in.error(kConfidence, QStringLiteral("\"%1\" is not one of confident, likely, speculative").arg(confidence));
    }
    row.trainingFlops = in.number(kTrainingFlops, true);
    row.source = in.text(kSource);
    row.notes = in.text(kNotes);
    return row;
}

} // namespace

ModelTable ModelTable::fromCsv(const QByteArray& bytes, const QString& fileName, const ModelTableOptions& options)
{
    ModelTable table{CsvTable(parseCsv(bytes))};
    table.m_fileName = fileName;
    table.m_options = options;
    table.validate(options);
    return table;
}

void ModelTable::setCell(int row, const QString& columnName, const QString& text)
{
    m_csv.setCell(row, m_csv.addColumn(columnName), text);
    validate(m_options);
}

int ModelTable::appendRow()
{
    const int row = m_csv.appendRow();
    validate(m_options);
    return row;
}

void ModelTable::setOptions(const ModelTableOptions& options)
{
    m_options = options;
    validate(m_options);
}

void ModelTable::removeRow(int row)
{
    m_csv.removeRow(row);
    validate(m_options);
}

int ModelTable::duplicateRow(int row)
{
    const int copy = m_csv.duplicateRow(row);
    validate(m_options);
    return copy;
}

void ModelTable::validate(const ModelTableOptions& options)
{
    m_rows.clear();
    m_issues.clear();
    for (const CsvProblem& p : m_csv.document().problems)
        m_issues.push_back({TableIssue::Severity::Error, -1, p.line, QString(), p.reason});
    if (!m_csv.hasHeader()) {
        m_issues.push_back({TableIssue::Severity::Error, -1, 0, QString(), QStringLiteral("the file is empty: no header row")});
        return;
    }
    for (const QString& name : requiredModelColumns())
        if (m_csv.column(name) < 0)
            m_issues.push_back({TableIssue::Severity::Error, -1, 1, name,
                                QStringLiteral("the header has no \"%1\" column").arg(name)});
    QHash<QString, int> seen; // model + dataset -> first row
    const int columns = m_csv.columnCount();
    for (int r = 0; r < m_csv.dataRecords().size(); ++r) {
        RowReader in(m_csv, r, m_issues);
        const int cells = int(m_csv.document().records.at(m_csv.dataRecords().at(r)).cells.size());
        if (cells != columns)
            in.warning(QString(), QStringLiteral("has %1 cells but the header has %2 columns").arg(cells).arg(columns));
        ModelRow row = readRow(in, options);
        row.line = m_csv.line(r);
        if (!row.model.isEmpty() && !row.dataset.isEmpty()) {
            const QString key = modelKey(row.model) + QLatin1Char('\n') + datasetKey(row.dataset);
            const auto it = seen.constFind(key);
            if (it != seen.cend())
                in.error(column::kModel, QStringLiteral("\"%1\" on \"%2\" duplicates row %3")
                                             .arg(row.model, row.dataset).arg(*it + 1));
            else
                seen.insert(key, r);
        }
        row.flagged = in.hasErrors();
        m_rows.push_back(std::move(row));
    }
}

std::vector<TableIssue> ModelTable::issuesOfRow(int row) const
{
    std::vector<TableIssue> out;
    for (const TableIssue& issue : m_issues)
        if (issue.row == row)
            out.push_back(issue);
    return out;
}

QString ModelTable::issueMessage(const TableIssue& issue) const
{
    const QString kind = issue.severity == TableIssue::Severity::Error ? QString() : QStringLiteral("warning: ");
    if (issue.row < 0) {
        const QString where = issue.line > 0 ? QStringLiteral("%1: line %2").arg(m_fileName).arg(issue.line) : m_fileName;
        return QStringLiteral("%1: %2%3").arg(where, kind, issue.reason);
    }
    return cellMessage(m_fileName, issue.row, issue.line, issue.column, kind + issue.reason);
}

QStringList ModelTable::errorMessages() const
{
    QStringList out;
    for (const TableIssue& issue : m_issues)
        if (issue.severity == TableIssue::Severity::Error)
            out << issueMessage(issue);
    return out;
}

QStringList ModelTable::unknownColumns() const
{
    QStringList out;
    const QStringList known = knownModelColumns();
    for (int c = 0; c < m_csv.columnCount(); ++c) {
        const QString name = m_csv.columnName(c);
        if (!known.contains(name, Qt::CaseInsensitive))
            out << name;
    }
    return out;
}

} // namespace nofade

#pragma once
// Rows imported from the user's own run logs (CodeCarbon, Slurm accounting, Epoch AI), as model-
// table rows, with every problem of the input named by file, line, field and reason. Pure, no I/O.
#include <optional>
#include <vector>
#include <QByteArray>
#include <QString>
#include <QStringList>

namespace nofade {

class CsvTable;
class HardwareTable;

// What the user adds to, or overrides in, every imported row.
struct ImportOptions {
    QString model;                // name of the model (default: from the file)
    QString task;                 // classification | detection | segmentation
    QString dataset;
    std::optional<double> score;
    QString device;               // overrides the device named by the file
    bool sumRuns = false;         // one model per project/experiment (CodeCarbon) or job name (sacct)
    bool includeFailed = false;   // sacct: count FAILED, CANCELLED, TIMEOUT... jobs too
    const HardwareTable* hardware = nullptr; // resolves device names; unknown devices stay empty
};

struct ImportIssue {
    enum class Severity { Error, Warning };
    Severity severity = Severity::Error; // an error means the line was not imported
    int line = 0;                        // line of the input file (0: the whole file)
    QString field;                       // the input's column, empty for the whole line
    QString reason;
};

// One model-table row (docs/MODELS.md); empty optionals are empty cells.
struct ImportedRow {
    int line = 0; // first input line it comes from
    QString model;
    QString task;
    QString dataset;
    QString metric;
    std::optional<double> score;
    std::optional<double> paramsMillions;
    QString device;
    std::optional<int> deviceCount;
    std::optional<double> deviceHours;
    std::optional<double> wallHours;
    QString hoursProvenance;
    std::optional<double> energyKwh;
    std::optional<double> co2Kg;
    std::optional<double> trainingFlops; // total training compute (Epoch AI)
    QString year;
    QString confidence;
    QString source;
    QString notes;
};

struct ImportResult {
    QString fileName;
    QString format;                   // codecarbon | sacct | epoch
    std::vector<ImportedRow> rows;
    std::vector<ImportIssue> issues;  // in line order

    int linesLeftOut() const; // input lines with an error
    // "FILE: line L, field \"F\": reason" (warnings prefixed "warning: ").
    QString message(const ImportIssue& issue) const;
    QStringList messages() const;
};

// A comma-separated run log (CodeCarbon, Epoch AI) read as a table: its parse problems become
// errors of `result` (which is named `fileName`, `format`); nullopt, with an error, when the file
// is empty.
std::optional<CsvTable> readRunLog(const QByteArray& bytes, const QString& fileName, const QString& format,
                                   ImportResult& result);

// The model-table columns an import writes (those of resources/corpus/models.csv, plus the
// measured energy_kwh and co2_kg, year, confidence and training_flops).
QStringList importedColumns();
// The rows as a model-table CSV (LF line ends, quoted where needed).
QByteArray importedRowsToCsv(const std::vector<ImportedRow>& rows);

// Training runs added up into one model: wall time and device-seconds of every run.
class RunTotals {
public:
    void add(double seconds, int devices);
    int runs() const { return m_runs; }
    // wall_hours + device_count when every run had the same number of devices, else device_hours
    // (runs without devices add wall time only).
    void writeHours(ImportedRow& row) const;

private:
    int m_runs = 0;
    double m_seconds = 0.0;
    double m_deviceSeconds = 0.0;
    std::optional<int> m_devices; // the common device count, while all runs agree
    bool m_mixed = false;
};

// Applies the user's --model/--task/--dataset/--score/--device to a row (the row keeps the name
// from the file when --model is not given).
void applyImportOptions(ImportedRow& row, const ImportOptions& options);
// One whole-file warning per cell the model table requires that imported rows still lack
// (task, dataset, score), naming the models.
void warnAboutMissingCells(ImportResult& result);

// A device name of the input resolved through the hardware table: its canonical name, or empty
// (with a warning) when the table does not know it.
QString resolveDevice(const QString& name, int line, const QString& field, const ImportOptions& options,
                      std::vector<ImportIssue>& issues);

// Makes model names unique on their dataset: rows sharing a name get " (ID)" appended, ID taken
// from `ids` (one per row).
void makeNamesUnique(std::vector<ImportedRow>& rows, const QStringList& ids);

} // namespace nofade

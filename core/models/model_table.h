#pragma once
// The model table (docs/MODELS.md): a CSV of models with their score, compute, hardware and
// training time. Reading keeps the whole document, so writing it back gives the same bytes
// (unknown columns included); every cell is validated, and a bad row is kept and flagged.
#include <optional>
#include <vector>
#include <QByteArray>
#include <QString>
#include <QStringList>

#include "models/csv_table.h"
#include "models/model_fields.h"

namespace nofade {

class HardwareTable;

// The known columns, by header name (docs/MODELS.md).
namespace column {
inline const QString kModel = QStringLiteral("model");
inline const QString kTask = QStringLiteral("task");
inline const QString kDataset = QStringLiteral("dataset");
inline const QString kMetric = QStringLiteral("metric");
inline const QString kScore = QStringLiteral("score");
inline const QString kCompute = QStringLiteral("compute");
inline const QString kComputeUnit = QStringLiteral("compute_unit");
inline const QString kParams = QStringLiteral("params");
inline const QString kDevice = QStringLiteral("device");
inline const QString kDeviceCount = QStringLiteral("device_count");
inline const QString kDeviceHours = QStringLiteral("device_hours");
inline const QString kWallHours = QStringLiteral("wall_hours");
inline const QString kHoursProvenance = QStringLiteral("hours_provenance");
inline const QString kEpochs = QStringLiteral("epochs");
inline const QString kImagesPerEpoch = QStringLiteral("images_per_epoch");
inline const QString kYear = QStringLiteral("year");
inline const QString kConfidence = QStringLiteral("confidence");
inline const QString kEnergyKwh = QStringLiteral("energy_kwh"); // measured training energy
inline const QString kCo2Kg = QStringLiteral("co2_kg");         // measured training CO2
inline const QString kTrainingFlops = QStringLiteral("training_flops"); // total training compute, FLOP
inline const QString kSource = QStringLiteral("source");
inline const QString kNotes = QStringLiteral("notes");
} // namespace column

QStringList knownModelColumns();
QStringList requiredModelColumns(); // model, task, dataset, score
// The publication years a `year` cell may hold.
inline constexpr int kFirstModelYear = 1990;
inline constexpr int kLastModelYear = 2100;

struct ModelRow {
    int line = 0; // line of the file where the row starts
    QString model;
    std::optional<Task> task;
    QString dataset;
    QString metric;
    std::optional<double> score;
    std::optional<double> compute;       // in `unit`
    std::optional<ComputeUnit> unit;
    std::optional<double> paramsMillions;
    QString device;
    std::optional<int> deviceCount;
    std::optional<double> deviceHours;
    std::optional<double> wallHours;
    std::optional<HoursProvenance> provenance;
    std::optional<double> epochs;
    std::optional<double> imagesPerEpoch;
    std::optional<int> year;               // publication year
    std::optional<Confidence> confidence;
    // Measured by the run itself (e.g. CodeCarbon): used as they are instead of TDP x hours.
    std::optional<double> energyKwh;
    std::optional<double> co2Kg;
    std::optional<double> trainingFlops; // total, e.g. from Epoch AI: estimates hours when none are given
    QString source;
    QString notes;
    bool flagged = false; // at least one error in the row
};

struct TableIssue {
    enum class Severity { Error, Warning };
    Severity severity = Severity::Error;
    int row = -1;  // 0-based data row; -1 for the whole file
    int line = 0;  // line of the file (0: none)
    QString column;
    QString reason;
};

struct ModelTableOptions {
    ScoreScale scoreScale = ScoreScale::Percent;
    const HardwareTable* hardware = nullptr; // when set, devices must be in it (keep it alive while editing)
};

class ModelTable {
public:
    static ModelTable fromCsv(const QByteArray& bytes, const QString& fileName,
                              const ModelTableOptions& options = {});

    QByteArray toCsv() const { return writeCsv(m_csv.document()); }

    // Edits a cell (adding the column when the header lacks it) and validates the table again.
    // Everything not edited is written back as it was read.
    void setCell(int row, const QString& column, const QString& text);
    // Appends an empty row (flagged until its required cells are filled); returns its index.
    int appendRow();
    // Removes a data row (later rows move up by one).
    void removeRow(int row);
    // Inserts a copy of a row right after it; returns the copy's index (row + 1). The copy
    // duplicates its model on its dataset, an error until one of them is renamed.
    int duplicateRow(int row);

    // Validates again under other options (e.g. the score scale changed).
    void setOptions(const ModelTableOptions& options);
    const ModelTableOptions& options() const { return m_options; }

    const QString& fileName() const { return m_fileName; }
    const std::vector<ModelRow>& rows() const { return m_rows; }
    const std::vector<TableIssue>& issues() const { return m_issues; }
    std::vector<TableIssue> issuesOfRow(int row) const;
    QString issueMessage(const TableIssue& issue) const; // names the file, row, column, reason
    QStringList errorMessages() const;                   // errors only, in file order
    QStringList unknownColumns() const;                  // kept and written back untouched
    const CsvTable& csv() const { return m_csv; }

private:
    explicit ModelTable(CsvTable csv) : m_csv(std::move(csv)) {}
    void validate(const ModelTableOptions& options);

    CsvTable m_csv;
    QString m_fileName;
    ModelTableOptions m_options;
    std::vector<ModelRow> m_rows;
    std::vector<TableIssue> m_issues;
};

} // namespace nofade

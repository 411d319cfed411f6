#pragma once
// The model side of a session: the model table (the bundled corpus or the user's, with edits),
// the hardware table, the report settings and the dataset complexities, and the Report computed
// from them. Every view of models (table, settings panel, charts) reads report() and listens to
// reportChanged(); every change goes through this class, which recomputes the report at once.
#include <vector>
#include <QObject>

#include "models/dataset_complexity.h"
#include "models/hardware_table.h"
#include "models/model_table.h"
#include "models/report.h"

namespace nofade::ui {

// How a new table differs from the one it replaces, so that views keep their selection and
// scroll position: only cells changed, rows [first, first + count) were inserted or removed, or
// everything is new.
struct TableChange {
    enum class Kind { Cells, RowsInserted, RowsRemoved, Reset };
    Kind kind = Kind::Reset;
    int first = 0;
    int count = 0;
};

class ModelStore : public QObject {
    Q_OBJECT
public:
    // Starts with the bundled corpus and the bundled (+ user) hardware table.
    explicit ModelStore(QObject* parent = nullptr);

    const ModelTable& table() const { return table_; }
    const HardwareTable& hardware() const { return hardware_; }
    const ReportSettings& settings() const { return settings_; }
    // What the report is computed with: the profiles' complexities, then the user's (a later
    // input for the same dataset wins, so a typed value overrides a scanned one).
    const std::vector<ComplexityInput>& complexities() const { return complexities_; }
    const Report& report() const { return report_; }
    QStringList hardwareErrors() const { return hardwareErrors_; }

    // A new table (imported, opened from a session): views reset.
    void setTable(ModelTable table);
    void setSettings(const ReportSettings& settings);
    // The user's complexities (typed in); they win over the profiles' ones.
    void setComplexities(std::vector<ComplexityInput> complexities);
    const std::vector<ComplexityInput>& userComplexities() const { return user_; }
    // Complexities of the scanned or loaded dataset profiles (ProfileComplexityController).
    void setProfileComplexities(std::vector<ComplexityInput> complexities);
    const std::vector<ComplexityInput>& profileComplexities() const { return profiles_; }

    // The table after an edit (ModelEditingController's undoable commands), described by `change`.
    void applyTable(ModelTable table, const TableChange& change);
    // How a table must be read to be edited here (score scale, hardware for device checks).
    ModelTableOptions tableOptions() const;
    bool isBundledTable() const;

Q_SIGNALS:
    // Around every table replacement; between the two the table and the report are swapped.
    void tableAboutToChange(const nofade::ui::TableChange& change);
    void tableChanged(const nofade::ui::TableChange& change);
    void settingsChanged();
    void complexitiesChanged();
    // The report was recomputed (after any change above).
    void reportChanged();

private:
    void recompute(bool announce = true);
    static void keepReportQuick(ReportSettings& settings);
    void mergeComplexities();

    // Declared in the order the constructor needs them.
    QStringList hardwareErrors_;
    HardwareTable hardware_;
    ReportSettings settings_;
    ModelTable table_;
    std::vector<ComplexityInput> user_;
    std::vector<ComplexityInput> profiles_;
    std::vector<ComplexityInput> complexities_;
    Report report_;
};

} // namespace nofade::ui

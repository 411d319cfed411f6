#pragma once
// The model side of a session: the model table (the bundled corpus or the user's, with edits),
// the hardware table, the report settings and the dataset complexities, and the Report computed
// from them. Every view of models (table, settings panel, charts) reads report() and listens to
// reportChanged(); every change goes through this class. The report (with its Monte Carlo
// intervals and curve families, a noticeable fraction of a second) is built on a worker thread:
// until the new one arrives the views keep showing the last one, and a report built from a table
// or settings that changed meanwhile is dropped.
#include <vector>
#include <QFutureWatcher>
#include <QObject>
#include <QThreadPool>

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

// Bootstrap replicates per dataset of a new workspace (a session keeps its own).
inline constexpr int kGuiBootstrapRounds = 200;

class ModelStore : public QObject {
    Q_OBJECT
public:
    // Starts with the bundled corpus and the bundled (+ user) hardware table.
    explicit ModelStore(QObject* parent = nullptr);
    ~ModelStore() override;

    const ModelTable& table() const { return table_; }
    const HardwareTable& hardware() const { return hardware_; }
    const ReportSettings& settings() const { return settings_; }
    // What the report is computed with: the profiles' complexities, then the user's (a later
    // input for the same dataset wins, so a typed value overrides a scanned one).
    const std::vector<ComplexityInput>& complexities() const { return complexities_; }
    // The last report built; it may lag the table and settings while reportPending().
    const Report& report() const { return report_; }
    // A newer report is being built (or will be, once the one under way finishes).
    bool reportPending() const { return generation_ != reportGeneration_; }
    // The last report's result for the table's row `row`, or nullptr while the report is being
    // rebuilt after that row was inserted (or the table replaced).
    const ModelResult* resultOf(int row) const;
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
    // A new report arrived (some time after any change above; only the newest one is announced).
    void reportChanged();
    // A newer report than report() is being built (true), or it arrived (false).
    void reportPendingChanged(bool pending);

private:
    void requestReport();
    void startBuild();
    void buildFinished();
    void remapRows(const TableChange& change);
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
    // Every change asks for a report of a new generation; one build runs at a time and a build
    // whose generation is no longer the newest is dropped (and the newest one started).
    quint64 generation_ = 0;
    quint64 reportGeneration_ = 0;
    quint64 buildingGeneration_ = 0;
    // Its own thread: Qt's raster painting hands work to the global pool and waits for it, so a
    // report of several seconds there (beside a scan) stalled every repaint until one finished.
    QThreadPool pool_;
    QFutureWatcher<Report> build_;
    // Table row -> index in report_.models, -1 for a row the report does not have yet.
    std::vector<int> reportRows_;
};

} // namespace nofade::ui

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

class ModelWorkspace : public QObject {
    Q_OBJECT
public:
    // Starts with the bundled corpus and the bundled (+ user) hardware table.
    explicit ModelWorkspace(QObject* parent = nullptr);

    const ModelTable& table() const { return table_; }
    const HardwareTable& hardware() const { return hardware_; }
    const ReportSettings& settings() const { return settings_; }
    const std::vector<ComplexityInput>& complexities() const { return complexities_; }
    const Report& report() const { return report_; }
    QStringList hardwareErrors() const { return hardwareErrors_; }

    void setTable(ModelTable table);
    void setSettings(const ReportSettings& settings);
    void setComplexities(std::vector<ComplexityInput> complexities);

Q_SIGNALS:
    // The report was recomputed (after any change above).
    void reportChanged();

private:
    void recompute();

    // Declared in the order the constructor needs them.
    QStringList hardwareErrors_;
    HardwareTable hardware_;
    ReportSettings settings_;
    ModelTable table_;
    std::vector<ComplexityInput> complexities_;
    Report report_;
};

} // namespace nofade::ui

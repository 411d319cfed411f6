#pragma once
// The analysis settings of METHODS.md (gray mode, class histogram bins, class model, threads),
// each with its meaning explained beside it.
#include <vector>
#include <QDialog>

#include "dataset_state/scan_controller.h"

class QCheckBox;
class QComboBox;
class QSpinBox;

namespace nofade::ui {

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(const ScanSettings& current, QWidget* parent = nullptr);

    ScanSettings settings() const;
    // Whether datasets scanned with other settings should be scanned again now.
    bool rescanRequested() const;

private:
    QComboBox* gray_;
    QSpinBox* bins_;
    QComboBox* classModel_;
    QSpinBox* minClass_;
    QSpinBox* threads_;
    std::vector<QCheckBox*> measures_; // one per measureNames() entry
    QSpinBox* measuresPerClass_;
    QSpinBox* measuresReplicates_;
    QCheckBox* rescan_;
};

} // namespace nofade::ui

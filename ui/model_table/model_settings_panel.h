#pragma once
// The hardware/carbon settings of the model report: CO2 method (hardware-energy, or the paper's
// Equation 1 "as published"), PUE, carbon intensity (a region of the bundled table or a custom
// value), utilisation for estimated training time, MAC convention, score scale, log base,
// diminishing-returns threshold, the life-cycle terms (idle and infrastructure, embodied), the
// uncertainty's Monte Carlo draws, bootstrap replicates and input ranges, and the per-dataset
// complexities.
// Every change asks for a new report; the widgets follow the workspace when its settings change elsewhere (a
// session was opened).
#include <QWidget>

#include "models/carbon_table.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;

namespace nofade::ui {

class ComplexityEditorWidget;
class ModelStore;
class UncertaintyRangesWidget;

class ModelSettingsPanel : public QWidget {
    Q_OBJECT
public:
    explicit ModelSettingsPanel(ModelStore* workspace, QWidget* parent = nullptr);

    QComboBox* methodBox() const { return method_; }
    QDoubleSpinBox* pueBox() const { return pue_; }
    QComboBox* regionBox() const { return region_; }
    QDoubleSpinBox* intensityBox() const { return intensity_; }
    QDoubleSpinBox* utilisationBox() const { return utilisation_; }
    QCheckBox* macBox() const { return mac_; }
    QComboBox* scoreScaleBox() const { return scoreScale_; }
    QComboBox* logBaseBox() const { return logBase_; }
    ComplexityEditorWidget* complexityEditor() const { return complexities_; }
    QCheckBox* idleBox() const { return idle_; }
    QDoubleSpinBox* idleShareBox() const { return idleShare_; }
    QCheckBox* embodiedBox() const { return embodied_; }
    QDoubleSpinBox* deviceKgBox() const { return deviceKg_; }
    QDoubleSpinBox* serverKgBox() const { return serverKg_; }
    QDoubleSpinBox* devicesPerServerBox() const { return devicesPerServer_; }
    QDoubleSpinBox* lifetimeBox() const { return lifetime_; }
    QDoubleSpinBox* useRateBox() const { return useRate_; }
    QSpinBox* drawsBox() const { return draws_; }
    QSpinBox* bootstrapBox() const { return bootstrap_; }
    UncertaintyRangesWidget* rangesWidget() const { return ranges_; }

private:
    void showSettings();

    ModelStore* workspace_;
    CarbonTable carbon_;
    QComboBox* method_;
    QLabel* methodNote_;
    QDoubleSpinBox* pue_;
    QComboBox* cpu_;
    QComboBox* region_;
    QDoubleSpinBox* intensity_;
    QLabel* intensitySource_;
    QDoubleSpinBox* utilisation_;
    QCheckBox* mac_;
    QComboBox* scoreScale_;
    QComboBox* logBase_;
    QDoubleSpinBox* knee_;
    QCheckBox* idle_;
    QDoubleSpinBox* idleShare_;
    QCheckBox* embodied_;
    QDoubleSpinBox* deviceKg_;
    QDoubleSpinBox* serverKg_;
    QDoubleSpinBox* devicesPerServer_;
    QDoubleSpinBox* lifetime_;
    QDoubleSpinBox* useRate_;
    QSpinBox* draws_;
    QSpinBox* bootstrap_;
    UncertaintyRangesWidget* ranges_ = nullptr;
    ComplexityEditorWidget* complexities_;
    bool showing_ = false;
};

} // namespace nofade::ui

#pragma once
// The distributions of the CO2 inputs that the Monte Carlo draws from (METHODS.md section 8): a
// uniform range per input, typed "low:high" (one number fixes it), and the probability that a
// compute written as FLOPs is really MACs. A range that does not parse or is out of bounds is
// marked, said in its tooltip and not applied; the fields follow settings changed elsewhere.
#include <QWidget>

#include "uncertainty/input_ranges.h"

class QDoubleSpinBox;
class QLineEdit;

namespace nofade::ui {

class ModelStore;

class UncertaintyRangesWidget : public QWidget {
    Q_OBJECT
public:
    explicit UncertaintyRangesWidget(ModelStore* workspace, QWidget* parent = nullptr);

    // The field of a range, by its settings key: "reported_hours_factor", "derived_hours_factor",
    // "utilisation", "draw_of_tdp", "pue", "carbon_intensity_kg_per_kwh" (object names "range_<key>").
    QLineEdit* field(const QString& key) const;
    QDoubleSpinBox* macProbabilityBox() const { return macs_; }

private:
    struct Field {
        QString key;
        UniformRange UncertaintySettings::*range;
        QLineEdit* edit;
    };
    void apply(const Field& f);
    void showSettings();

    ModelStore* workspace_;
    std::vector<Field> fields_;
    QDoubleSpinBox* macs_;
    bool showing_ = false;
};

} // namespace nofade::ui

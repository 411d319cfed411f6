#include "model_table/uncertainty_ranges_widget.h"

#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

#include "model_table/model_store.h"

namespace nofade::ui {

UncertaintyRangesWidget::UncertaintyRangesWidget(ModelStore* workspace, QWidget* parent)
    : QWidget(parent), workspace_(workspace), macs_(new QDoubleSpinBox)
{
    setObjectName(QStringLiteral("uncertaintyRanges"));
    struct Row {
        const char* key;
        UniformRange UncertaintySettings::*range;
        QString label;
        QString tip;
    };
    const Row rows[] = {
        {"reported_hours_factor", &UncertaintySettings::reportedHours, tr("Reported hours ×"),
         tr("Factor on training hours a paper reports (default 0.9:1.1)")},
        {"derived_hours_factor", &UncertaintySettings::derivedHours, tr("Derived hours ×"),
         tr("Factor on hours derived from a paper's numbers (default 0.75:1.25)")},
        {"utilisation", &UncertaintySettings::utilisation, tr("Utilisation range"),
         tr("Share of peak FP32 reached, for estimated hours (default 0.25:0.56, Epoch AI's observed rates)")},
        {"draw_of_tdp", &UncertaintySettings::drawOfTdp, tr("Draw of TDP"),
         tr("The device's real draw as a share of its TDP (default 0.7:1)")},
        {"pue", &UncertaintySettings::pue, tr("PUE range"), tr("Power usage effectiveness (default 1:1.58)")},
        {"carbon_intensity_kg_per_kwh", &UncertaintySettings::kgPerKwh, tr("Intensity range"),
         tr("Carbon intensity in kg CO₂/kWh (default 0.3695:0.707, the U.S. grid average to the paper's marginal rate)")},
    };
    auto* form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    auto* note = new QLabel(tr("<small>Uniform ranges the Monte Carlo draws from, typed low:high (one number fixes the "
                               "input); METHODS.md §8 gives their sources</small>"));
    note->setWordWrap(true);
    form->addRow(note);
    for (const Row& r : rows) {
        auto* edit = new QLineEdit;
        edit->setObjectName(QStringLiteral("range_") + QLatin1String(r.key));
        edit->setToolTip(r.tip);
        edit->setPlaceholderText(QStringLiteral("low:high"));
        fields_.push_back({QLatin1String(r.key), r.range, edit});
        form->addRow(r.label, edit);
        const Field f = fields_.back();
        connect(edit, &QLineEdit::editingFinished, this, [this, f] { apply(f); });
    }
    macs_->setObjectName(QStringLiteral("flopsAreMacsProbability"));
    macs_->setRange(0.0, 1.0);
    macs_->setSingleStep(0.1);
    macs_->setDecimals(2);
    macs_->setKeyboardTracking(false);
    macs_->setToolTip(tr("Probability that a compute written as FLOPs is really MACs (twice the FLOPs), where the "
                         "source does not say (default 0.5)"));
    form->addRow(tr("P(FLOPs are MACs)"), macs_);
    connect(macs_, &QDoubleSpinBox::valueChanged, this, [this] {
        if (showing_)
            return;
        ReportSettings s = workspace_->settings();
        s.uncertainty.flopsAreMacsProbability = macs_->value();
        workspace_->setSettings(s);
    });
    showSettings();
    connect(workspace_, &ModelStore::settingsChanged, this, &UncertaintyRangesWidget::showSettings);
}

QLineEdit* UncertaintyRangesWidget::field(const QString& key) const
{
    for (const Field& f : fields_)
        if (f.key == key)
            return f.edit;
    return nullptr;
}

void UncertaintyRangesWidget::apply(const Field& f)
{
    if (showing_)
        return;
    bool ok = false;
    const UniformRange range = rangeFromText(f.edit->text().trimmed(), &ok);
    ReportSettings s = workspace_->settings();
    s.uncertainty.*f.range = range;
    const QString problem = ok ? s.uncertainty.validate() : tr("not a range: type low:high or one number");
    // Marked and left out until it is mended; the report keeps the last valid range.
    f.edit->setProperty("invalid", !problem.isEmpty());
    f.edit->setStyleSheet(problem.isEmpty() ? QString() : QStringLiteral("QLineEdit { background: #fde2e2; }"));
    f.edit->setToolTip(problem.isEmpty() ? QString() : problem);
    if (problem.isEmpty() && !(workspace_->settings().uncertainty.*f.range == range))
        workspace_->setSettings(s);
}

void UncertaintyRangesWidget::showSettings()
{
    showing_ = true;
    const UncertaintySettings& u = workspace_->settings().uncertainty;
    for (const Field& f : fields_) {
        // A field being mended keeps what the user typed.
        if (!f.edit->property("invalid").toBool())
            f.edit->setText(rangeText(u.*f.range));
    }
    macs_->setValue(u.flopsAreMacsProbability);
    showing_ = false;
}

} // namespace nofade::ui

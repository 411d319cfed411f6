#include "model_table/model_settings_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>

#include "model_table/complexity_editor_widget.h"
#include "model_table/model_store.h"
#include "model_table/uncertainty_ranges_widget.h"

namespace nofade::ui {

namespace {

QDoubleSpinBox* spin(double min, double max, double step, int decimals, const QString& suffix = {})
{
    auto* s = new QDoubleSpinBox;
    s->setRange(min, max);
    s->setSingleStep(step);
    s->setDecimals(decimals);
    s->setSuffix(suffix);
    s->setKeyboardTracking(false); // recompute when a value is complete, not on every key
    return s;
}

QSpinBox* count(int max, int step)
{
    auto* s = new QSpinBox;
    s->setRange(0, max);
    s->setSingleStep(step);
    s->setGroupSeparatorShown(true);
    s->setKeyboardTracking(false);
    return s;
}

} // namespace

ModelSettingsPanel::ModelSettingsPanel(ModelStore* workspace, QWidget* parent)
    : QWidget(parent), workspace_(workspace), carbon_(CarbonTable::bundled()), method_(new QComboBox),
      methodNote_(new QLabel), pue_(spin(1.0, 3.0, 0.01, 2)), cpu_(new QComboBox), region_(new QComboBox),
      intensity_(spin(0.0, 2.0, 0.001, 4, QStringLiteral(" kg/kWh"))), intensitySource_(new QLabel),
      utilisation_(spin(1.0, 100.0, 1.0, 1, QStringLiteral(" %"))), mac_(new QCheckBox(tr("Count a MAC as 2 FLOPs"))),
      scoreScale_(new QComboBox), logBase_(new QComboBox), knee_(spin(0.01, 100.0, 0.1, 2, tr(" points / 10× CO₂"))),
      idle_(new QCheckBox(tr("Idle and infrastructure"))), idleShare_(spin(0.0, 500.0, 1.0, 1, QStringLiteral(" %"))),
      embodied_(new QCheckBox(tr("Embodied"))), deviceKg_(spin(0.0, 10000.0, 10.0, 0, tr(" kg"))),
      serverKg_(spin(0.0, 100000.0, 100.0, 0, tr(" kg"))), devicesPerServer_(spin(1.0, 64.0, 1.0, 0)),
      lifetime_(spin(0.5, 30.0, 0.5, 1, tr(" years"))), useRate_(spin(1.0, 100.0, 1.0, 0, QStringLiteral(" %"))),
      draws_(count(200000, 1000)), bootstrap_(count(10000, 100)), complexities_(new ComplexityEditorWidget(workspace))
{
    setObjectName(QStringLiteral("modelSettingsPanel"));
    for (Co2Method m : {Co2Method::HardwareEnergy, Co2Method::PaperEq1})
        method_->addItem(co2MethodLabel(m), co2MethodName(m));
    method_->setObjectName(QStringLiteral("co2Method"));
    methodNote_->setWordWrap(true);
    for (const Device& d : workspace_->hardware().devices())
        if (d.kind == QLatin1String("cpu"))
            cpu_->addItem(d.name);
    for (const CarbonIntensity& c : carbon_.regions())
        region_->addItem(QStringLiteral("%1 — %2").arg(c.region).arg(c.kgPerKwh), c.region);
    region_->addItem(tr("Custom value"), QString());
    region_->setObjectName(QStringLiteral("carbonRegion"));
    // Long region names and labels must not make the dock wider than it is.
    for (QComboBox* c : {method_, cpu_, region_}) {
        c->setMinimumContentsLength(16);
        c->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    }
    intensitySource_->setWordWrap(true);
    pue_->setToolTip(tr("Power usage effectiveness of the data centre: 1.0 for a workstation, 1.58 the 2018 data-centre "
                        "average (Strubell et al.)"));
    utilisation_->setToolTip(tr("Share of the device's peak FP32 throughput reached in training, for estimated training time"));
    for (ScoreScale s : {ScoreScale::Percent, ScoreScale::Fraction})
        scoreScale_->addItem(scoreScaleName(s), scoreScaleName(s));
    for (LogBase b : {LogBase::Natural, LogBase::Ten, LogBase::Two})
        logBase_->addItem(logBaseName(b), logBaseName(b));
    knee_->setToolTip(tr("The diminishing-returns point is where the fitted gain falls below this"));

    auto* energy = new QGroupBox(tr("Training energy and CO₂"));
    auto* form = new QFormLayout(energy);
    form->addRow(tr("Method"), method_);
    form->addRow(methodNote_);
    form->addRow(tr("PUE"), pue_);
    form->addRow(tr("CPU (ω_c)"), cpu_);
    form->addRow(tr("Carbon intensity"), region_);
    form->addRow(QString(), intensity_);
    form->addRow(intensitySource_);
    form->addRow(tr("Utilisation"), utilisation_);
    form->addRow(mac_);
    auto* nofade = new QGroupBox(tr("NoFADE and fits"));
    auto* form2 = new QFormLayout(nofade);
    form2->addRow(tr("Score scale"), scoreScale_);
    form2->addRow(tr("Log base"), logBase_);
    form2->addRow(tr("Knee threshold"), knee_);
    idle_->setObjectName(QStringLiteral("lifeCycleIdle"));
    idle_->setToolTip(tr("Energy of idle devices and the infrastructure, as a share of the operational energy "
                         "(BLOOM's training: 59.2%, Luccioni et al. 2023)"));
    embodied_->setObjectName(QStringLiteral("lifeCycleEmbodied"));
    embodied_->setToolTip(tr("Embodied emissions: the hardware's manufacturing CO₂ amortised over its lifetime at its use rate, per device-hour "
                             "(BLOOM: 150 kg per A100, 2,500 kg per 8-GPU server, 6 years, 85%; Luccioni et al. 2023)"));
    draws_->setObjectName(QStringLiteral("uncertaintyDraws"));
    draws_->setSpecialValueText(tr("off"));
    draws_->setToolTip(tr("Monte Carlo draws per model for the 90% CO₂ intervals (the error bars); 0 switches them off"));
    bootstrap_->setObjectName(QStringLiteral("bootstrapRounds"));
    bootstrap_->setSpecialValueText(tr("off"));
    bootstrap_->setToolTip(tr("Bootstrap replicates per dataset for the intervals of y_max, the knee and the next point's CO₂; "
                              "0 switches them off"));
    auto* life = new QGroupBox(tr("Life cycle and uncertainty"));
    life->setObjectName(QStringLiteral("lifeCycleGroup"));
    auto* form3 = new QFormLayout(life);
    form3->setRowWrapPolicy(QFormLayout::WrapLongRows); // no wider than the dock
    auto* lifeNote = new QLabel(tr("<small>CO₂ = operational + the terms switched on; draws: Monte Carlo per model (error bars); bootstrap: replicates per dataset (intervals of the fits)</small>"));
    lifeNote->setWordWrap(true);
    form3->addRow(lifeNote);
    form3->addRow(idle_);
    form3->addRow(tr("Share"), idleShare_);
    form3->addRow(embodied_);
    form3->addRow(tr("Per device"), deviceKg_);
    form3->addRow(tr("Per server"), serverKg_);
    form3->addRow(tr("Devices/server"), devicesPerServer_);
    form3->addRow(tr("Lifetime"), lifetime_);
    form3->addRow(tr("Use rate"), useRate_);
    form3->addRow(tr("Draws"), draws_);
    form3->addRow(tr("Bootstrap"), bootstrap_);
    ranges_ = new UncertaintyRangesWidget(workspace_);
    form3->addRow(ranges_);
    auto* complexity = new QGroupBox(tr("Dataset complexity"));
    auto* box = new QVBoxLayout(complexity);
    box->addWidget(complexities_);
    complexities_->setMinimumHeight(180);

    auto* content = new QWidget;
    auto* column = new QVBoxLayout(content);
    column->addWidget(energy);
    column->addWidget(nofade);
    column->addWidget(life);
    column->addWidget(complexity, 1);
    auto* scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(content);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);

    showSettings();
    // Each widget changes only its own setting: values typed elsewhere (a session) are kept
    // exactly even where a widget shows them rounded.
    auto on = [this](auto* widget, auto signal, auto change) {
        connect(widget, signal, this, [this, change] {
            if (showing_)
                return;
            ReportSettings s = workspace_->settings();
            change(s);
            workspace_->setSettings(s);
        });
    };
    on(method_, &QComboBox::currentIndexChanged,
       [this](ReportSettings& s) { s.method = *co2MethodFromName(method_->currentData().toString()); });
    on(pue_, &QDoubleSpinBox::valueChanged, [this](ReportSettings& s) { s.pue = pue_->value(); });
    on(cpu_, &QComboBox::currentIndexChanged, [this](ReportSettings& s) { s.eq1Cpu = cpu_->currentText(); });
    on(region_, &QComboBox::currentIndexChanged, [this](ReportSettings& s) {
        const QString region = region_->currentData().toString();
        if (const CarbonIntensity* c = region.isEmpty() ? nullptr : carbon_.find(region)) {
            s.kgPerKwh = c->kgPerKwh;
            s.intensitySource = c->region;
        } else {
            s.intensitySource = tr("custom value");
        }
    });
    on(intensity_, &QDoubleSpinBox::valueChanged, [this](ReportSettings& s) {
        s.kgPerKwh = intensity_->value();
        s.intensitySource = tr("custom value");
    });
    on(utilisation_, &QDoubleSpinBox::valueChanged, [this](ReportSettings& s) { s.utilisation = utilisation_->value() / 100.0; });
    on(mac_, &QCheckBox::toggled, [this](ReportSettings& s) { s.macAsTwoFlops = mac_->isChecked(); });
    on(scoreScale_, &QComboBox::currentIndexChanged,
       [this](ReportSettings& s) { s.nofade.scoreScale = *scoreScaleFromName(scoreScale_->currentData().toString()); });
    on(logBase_, &QComboBox::currentIndexChanged,
       [this](ReportSettings& s) { s.nofade.logBase = *logBaseFromName(logBase_->currentData().toString()); });
    on(knee_, &QDoubleSpinBox::valueChanged, [this](ReportSettings& s) { s.kneeThreshold = knee_->value(); });
    on(idle_, &QCheckBox::toggled, [this](ReportSettings& s) { s.lifeCycle.idle = idle_->isChecked(); });
    on(idleShare_, &QDoubleSpinBox::valueChanged, [this](ReportSettings& s) { s.lifeCycle.idleShare = idleShare_->value() / 100.0; });
    on(embodied_, &QCheckBox::toggled, [this](ReportSettings& s) { s.lifeCycle.embodied = embodied_->isChecked(); });
    on(deviceKg_, &QDoubleSpinBox::valueChanged, [this](ReportSettings& s) { s.lifeCycle.deviceKg = deviceKg_->value(); });
    on(serverKg_, &QDoubleSpinBox::valueChanged, [this](ReportSettings& s) { s.lifeCycle.serverKg = serverKg_->value(); });
    on(devicesPerServer_, &QDoubleSpinBox::valueChanged,
       [this](ReportSettings& s) { s.lifeCycle.devicesPerServer = devicesPerServer_->value(); });
    on(lifetime_, &QDoubleSpinBox::valueChanged, [this](ReportSettings& s) { s.lifeCycle.lifetimeYears = lifetime_->value(); });
    on(useRate_, &QDoubleSpinBox::valueChanged, [this](ReportSettings& s) { s.lifeCycle.useRate = useRate_->value() / 100.0; });
    on(draws_, &QSpinBox::valueChanged, [this](ReportSettings& s) { s.uncertainty.draws = draws_->value(); });
    on(bootstrap_, &QSpinBox::valueChanged, [this](ReportSettings& s) { s.uncertainty.bootstrapRounds = bootstrap_->value(); });
    connect(workspace_, &ModelStore::settingsChanged, this, &ModelSettingsPanel::showSettings);
}

void ModelSettingsPanel::showSettings()
{
    if (showing_)
        return;
    showing_ = true;
    const ReportSettings& s = workspace_->settings();
    const bool eq1 = s.method == Co2Method::PaperEq1;
    method_->setCurrentIndex(method_->findData(co2MethodName(s.method)));
    methodNote_->setText(eq1 ? tr("<small>The paper's Equation 1, reproduced <b>as published</b>: P_m = f × (ω_g + ω_c) × "
                                  "GPU-hours is not dimensionally an energy, and no PUE applies.</small>")
                             : tr("<small>E = device-hours × TDP × PUE / 1000; CO₂ = E × intensity (ML CO2 Impact, "
                                  "Green Algorithms, CodeCarbon).</small>"));
    pue_->setValue(s.pue);
    pue_->setEnabled(!eq1);
    cpu_->setCurrentIndex(std::max(0, cpu_->findText(s.eq1Cpu)));
    cpu_->setEnabled(eq1);
    // A region when the source names one and its value matches; else a custom value.
    const CarbonIntensity* region = carbon_.find(s.intensitySource);
    const bool isRegion = region && region->kgPerKwh == s.kgPerKwh;
    region_->setCurrentIndex(isRegion ? region_->findData(region->region) : region_->count() - 1);
    intensity_->setValue(s.kgPerKwh);
    intensity_->setEnabled(!isRegion);
    intensitySource_->setText(QStringLiteral("<small>%1</small>").arg(isRegion ? region->source : s.intensitySource));
    utilisation_->setValue(s.utilisation * 100.0);
    mac_->setChecked(s.macAsTwoFlops);
    scoreScale_->setCurrentIndex(scoreScale_->findData(scoreScaleName(s.nofade.scoreScale)));
    logBase_->setCurrentIndex(logBase_->findData(logBaseName(s.nofade.logBase)));
    knee_->setValue(s.kneeThreshold);
    const LifeCycleSettings& l = s.lifeCycle;
    idle_->setChecked(l.idle);
    idleShare_->setValue(l.idleShare * 100.0);
    embodied_->setChecked(l.embodied);
    deviceKg_->setValue(l.deviceKg);
    serverKg_->setValue(l.serverKg);
    devicesPerServer_->setValue(l.devicesPerServer);
    lifetime_->setValue(l.lifetimeYears);
    useRate_->setValue(l.useRate * 100.0);
    // The term's constants are used only when it is on.
    idleShare_->setEnabled(l.idle);
    for (QWidget* w : std::initializer_list<QWidget*>{deviceKg_, serverKg_, devicesPerServer_, lifetime_, useRate_})
        w->setEnabled(l.embodied);
    draws_->setValue(s.uncertainty.draws);
    bootstrap_->setValue(s.uncertainty.bootstrapRounds);
    showing_ = false;
}

} // namespace nofade::ui

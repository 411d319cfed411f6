#include "what_if/what_if_tab.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include "model_figures/model_chart_text.h"
#include "model_table/model_selection_store.h"
#include "model_table/model_store.h"
#include "models/dataset_names.h"

namespace nofade::ui {

namespace {

// A table's heading: wraps, so that the two side by side never widen the window (presentation
// mode's larger type at 1280 px).
QLabel* heading(const QString& text)
{
    auto* label = new QLabel(text);
    label->setWordWrap(true);
    return label;
}
QTableWidget* makeTable(const QString& name, const QStringList& headers)
{
    auto* t = new QTableWidget;
    t->setObjectName(name);
    t->setColumnCount(int(headers.size()));
    t->setHorizontalHeaderLabels(headers);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->verticalHeader()->setVisible(false);
    t->verticalHeader()->setDefaultSectionSize(t->fontMetrics().height() + 6);
    t->setWordWrap(false);
    // Every column as wide as its text up to 45 characters of the normal type: device names whole
    // ("NVIDIA Tesla V100 SXM2 32GB", not "NVID…"), also at presentation size; a long region name is
    // elided in its middle; a table wider than its half of the tab scrolls sideways.
    for (int c = 0; c < headers.size(); ++c)
        t->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    t->horizontalHeader()->setMaximumSectionSize(45 * t->fontMetrics().averageCharWidth());
    t->horizontalHeader()->setStretchLastSection(true);
    t->setTextElideMode(Qt::ElideMiddle);
    t->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    return t;
}

QTableWidgetItem* numberItem(const QString& text, double sortValue)
{
    auto* item = new QTableWidgetItem(text);
    item->setData(Qt::UserRole, sortValue);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}
} // namespace

WhatIfTab::WhatIfTab(ModelStore* workspace, ModelSelectionStore* selection, QWidget* parent)
    : QWidget(parent), workspace_(workspace), selection_(selection), carbon_(CarbonTable::bundled())
{
    setObjectName(QStringLiteral("whatIfTab"));
    model_ = new QComboBox;
    model_->setObjectName(QStringLiteral("whatIfModel"));
    // As wide as a long model name, not the longest of 400 (which would widen the window).
    model_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    model_->setMinimumContentsLength(28);
    model_->setToolTip(tr("The model to move; follows the selection in the table and the charts"));
    summary_ = new QLabel;
    summary_->setObjectName(QStringLiteral("whatIfSummary"));
    summary_->setWordWrap(true);
    summary_->setTextFormat(Qt::PlainText);
    regions_ = makeTable(QStringLiteral("whatIfRegions"), {tr("Region"), tr("kg CO₂/kWh"), tr("CO₂"), tr("× as computed")});
    devices_ = makeTable(QStringLiteral("whatIfDevices"), {tr("Device"), tr("Device-hours"), tr("Energy (kWh)"), tr("CO₂"), tr("× as computed")});

    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Model:")));
    top->addWidget(model_);
    top->addStretch(1);
    auto* regionsBox = new QWidget;
    auto* rl = new QVBoxLayout(regionsBox);
    rl->setContentsMargins(0, 0, 0, 0);
    rl->addWidget(heading(tr("<b>Trained in another region</b> (same energy, that grid's intensity)")));
    rl->addWidget(regions_);
    auto* devicesBox = new QWidget;
    auto* dl = new QVBoxLayout(devicesBox);
    dl->setContentsMargins(0, 0, 0, 0);
    dl->addWidget(heading(tr("<b>Trained on another device</b> (same FLOPs, hours scaled by peak FP32)")));
    dl->addWidget(devices_);
    auto* split = new QSplitter(Qt::Horizontal);
    split->addWidget(regionsBox);
    split->addWidget(devicesBox);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(summary_);
    layout->addWidget(split, 1);

    connect(model_, &QComboBox::currentIndexChanged, this, &WhatIfTab::rebuild);
    connect(workspace_, &ModelStore::reportChanged, this, &WhatIfTab::fillModels);
    connect(selection_, &ModelSelectionStore::changed, this, &WhatIfTab::followSelection);
    fillModels();
}

int WhatIfTab::modelRow() const
{
    return model_->currentIndex() >= 0 ? model_->currentData().toInt() : -1;
}

void WhatIfTab::setModelRow(int row)
{
    const int i = model_->findData(row);
    if (i >= 0)
        model_->setCurrentIndex(i);
}

QString WhatIfTab::summary() const { return summary_->text(); }

void WhatIfTab::fillModels()
{
    // Every model with a CO2; the one shown stays when it still has one.
    const int keep = modelRow();
    {
        const QSignalBlocker block(model_);
        model_->clear();
        for (const ModelResult& m : workspace_->report().models)
            if (m.co2Kg)
                model_->addItem(QStringLiteral("%1 (%2)").arg(m.model, canonicalDatasetName(m.dataset)), m.row);
        int i = model_->findData(keep);
        if (i < 0)
            for (int row : selection_->rows())
                if ((i = model_->findData(row)) >= 0)
                    break;
        model_->setCurrentIndex(std::max(0, i));
    }
    rebuild();
}

void WhatIfTab::followSelection()
{
    // The first selected model that has a CO2.
    QList<int> rows = selection_->rows().values();
    std::sort(rows.begin(), rows.end());
    for (int row : rows)
        if (model_->findData(row) >= 0) {
            setModelRow(row);
            return;
        }
}

void WhatIfTab::rebuild()
{
    result_ = WhatIf{};
    const Report& report = workspace_->report();
    const int row = modelRow();
    const ModelResult* model = nullptr;
    for (const ModelResult& m : report.models)
        if (m.row == row)
            model = &m;
    if (!model) {
        summary_->setText(report.models.empty() ? tr("The report is being computed.") : tr("No model has a training CO₂ yet."));
        fillTable(regions_, {}, false);
        fillTable(devices_, {}, true);
        return;
    }
    result_ = whatIf(*model, workspace_->hardware(), carbon_, report.settings);
    fillTable(regions_, result_.regions, false);
    fillTable(devices_, result_.devices, true);
    if (result_.regions.empty() && result_.devices.empty()) {
        summary_->setText(tr("%1: no what-if: %2").arg(model->model, result_.reason));
        return;
    }
    QStringList parts;
    parts << tr("%1 on %2: %3 CO₂ as computed (operational only here, the report's PUE and method)")
                 .arg(model->model, model->device, formatCo2(model->co2Terms ? model->co2Terms->operationalKg : *model->co2Kg));
    if (!result_.regions.empty())
        parts << tr("regions from %1 (%2) to %3 (%4)")
                     .arg(formatCo2(result_.regions.front().co2Kg), result_.regions.front().name, formatCo2(result_.regions.back().co2Kg),
                          result_.regions.back().name);
    if (!result_.devices.empty())
        parts << tr("devices from %1 (%2) to %3 (%4)")
                     .arg(formatCo2(result_.devices.front().co2Kg), result_.devices.front().name, formatCo2(result_.devices.back().co2Kg),
                          result_.devices.back().name);
    if (!result_.skippedDevices.isEmpty())
        parts << tr("%n device(s) without a peak FP32 left out", nullptr, int(result_.skippedDevices.size()));
    if (!result_.reason.isEmpty())
        parts << result_.reason;
    summary_->setText(parts.join(QStringLiteral("; ")) + QLatin1Char('.'));
}

void WhatIfTab::fillTable(QTableWidget* table, const std::vector<WhatIfRow>& rows, bool devices)
{
    // "x as computed": against the model's own row (its region or device), when the list has it.
    double own = 0.0;
    for (const WhatIfRow& r : rows)
        if (r.current)
            own = r.co2Kg;
    table->setRowCount(int(rows.size()));
    for (int i = 0; i < int(rows.size()); ++i) {
        const WhatIfRow& r = rows[std::size_t(i)];
        auto* name = new QTableWidgetItem(r.current ? tr("%1 (as computed)").arg(r.name) : r.name);
        if (!r.note.isEmpty())
            name->setToolTip(r.note);
        QList<QTableWidgetItem*> items{name};
        if (devices) {
            items << numberItem(r.deviceHours ? formatNumber(*r.deviceHours) : QStringLiteral("—"), r.deviceHours.value_or(0.0));
            items << numberItem(formatNumber(r.energyKwh), r.energyKwh);
        } else {
            const double intensity = r.energyKwh > 0.0 ? r.co2Kg / r.energyKwh : 0.0;
            items << numberItem(QString::number(intensity, 'g', 3), intensity);
        }
        items << numberItem(formatCo2(r.co2Kg), r.co2Kg);
        items << numberItem(own > 0.0 ? QStringLiteral("%1×").arg(formatNumber(r.co2Kg / own)) : QString(), own > 0.0 ? r.co2Kg / own : 0.0);
        for (int c = 0; c < int(items.size()); ++c) {
            if (r.current) {
                QFont f = items[c]->font();
                f.setBold(true);
                items[c]->setFont(f);
            }
            table->setItem(i, c, items[c]);
        }
    }
}

} // namespace nofade::ui

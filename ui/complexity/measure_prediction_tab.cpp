#include "complexity/measure_prediction_tab.h"

#include <algorithm>
#include <iterator>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QScatterSeries>
#include <QScrollBar>
#include <QSplitter>
#include <QStackedLayout>
#include <QTableWidget>
#include <QValueAxis>
#include <QVBoxLayout>

#include "chart_kit/figure_legend_layer.h"
#include "complexity/measure_rows.h"
#include "complexity/measure_scatter_chart.h"
#include "dataset_state/dataset_store.h"
#include "model_table/model_store.h"
#include "models/dataset_names.h"
#include "shell/lazy_update_controller.h"

namespace nofade::ui {

namespace {

constexpr PredictionOutcome kOutcomes[] = {PredictionOutcome::BestScore, PredictionOutcome::YMax,
                                           PredictionOutcome::NextPointCo2};

} // namespace

MeasurePredictionTab::MeasurePredictionTab(DatasetStore* store, ModelStore* models, QWidget* parent)
    : QWidget(parent), store_(store), models_(models)
{
    setObjectName(QStringLiteral("measurePredictionTab"));
    lazy_ = new LazyUpdateController(this, [this] { rebuildNow(); });

    caveat_ = new QLabel;
    caveat_->setObjectName(QStringLiteral("predictionCaveat"));
    caveat_->setWordWrap(true);
    caveat_->setTextFormat(Qt::RichText);

    table_ = new QTableWidget;
    table_->setObjectName(QStringLiteral("predictionTable"));
    table_->setColumnCount(1 + int(std::size(kOutcomes)));
    QStringList headers{tr("Measure")};
    for (PredictionOutcome o : kOutcomes)
        headers << tr("ρ with %1").arg(outcomeName(o));
    table_->setHorizontalHeaderLabels(headers);
    table_->horizontalHeaderItem(1)->setToolTip(tr("The highest score of the dataset's models in the model table"));
    table_->horizontalHeaderItem(2)->setToolTip(tr("The ceiling of the dataset's saturation fit (Saturation curves tab)"));
    table_->horizontalHeaderItem(3)->setToolTip(tr("The extra kg CO2 the frontier fit needs for one more score point"));
    table_->verticalHeader()->hide();
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    // Columns as wide as their headings and values; the table keeps that width (fitTableWidth) so
    // that a projector's larger type does not cut the headings.
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);

    measure_ = new QComboBox;
    measure_->setObjectName(QStringLiteral("predictionMeasure"));
    for (const QString& c : measureColumns())
        measure_->addItem(measureLabel(c), c);
    outcome_ = new QComboBox;
    outcome_->setObjectName(QStringLiteral("predictionOutcome"));
    for (PredictionOutcome o : kOutcomes)
        outcome_->addItem(outcomeName(o), int(o));
    scatter_ = new MeasureScatterChart;
    scatter_->legend()->setAlignment(Qt::AlignRight);
    scatterView_ = new QChartView(scatter_);
    scatterView_->setObjectName(QStringLiteral("predictionScatter"));
    scatterView_->setRenderHint(QPainter::Antialiasing);
    FigureLegendLayer::onScreen(scatter_); // the title and legend wrap, never elided
    auto* pick = new QHBoxLayout;
    pick->addWidget(new QLabel(tr("Plot:")));
    pick->addWidget(measure_);
    pick->addWidget(new QLabel(tr("against")));
    pick->addWidget(outcome_);
    pick->addStretch(1);
    auto* right = new QWidget;
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addLayout(pick);
    rightLayout->addWidget(scatterView_, 1);
    auto* split = new QSplitter(Qt::Horizontal);
    split->addWidget(table_);
    split->addWidget(right);
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 1);
    split->setCollapsible(0, false);

    page_ = new QWidget;
    auto* pageLayout = new QVBoxLayout(page_);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    pageLayout->addWidget(caveat_);
    pageLayout->addWidget(split, 1);
    empty_ = new QLabel;
    empty_->setObjectName(QStringLiteral("predictionEmpty"));
    empty_->setAlignment(Qt::AlignCenter);
    empty_->setWordWrap(true);
    empty_->setMargin(24);
    stack_ = new QStackedLayout;
    stack_->addWidget(page_);
    stack_->addWidget(empty_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(stack_);

    connect(table_, &QTableWidget::currentCellChanged, this, [this](int row) {
        if (row >= 0)
            measure_->setCurrentIndex(row);
    });
    connect(measure_, &QComboBox::currentIndexChanged, this, &MeasurePredictionTab::rebuildScatter);
    connect(outcome_, &QComboBox::currentIndexChanged, this, &MeasurePredictionTab::rebuildScatter);
    connect(store_, &DatasetStore::changed, this, [this](int, DatasetStore::Changes c) {
        if (c & (DatasetStore::ProfileChanged | DatasetStore::MetaChanged))
            lazy_->request();
    });
    connect(store_, &DatasetStore::removed, lazy_, &LazyUpdateController::request);
    connect(store_, &DatasetStore::added, lazy_, &LazyUpdateController::request);
    connect(models_, &ModelStore::reportChanged, lazy_, &LazyUpdateController::request);
    lazy_->request();
}

QWidget* MeasurePredictionTab::exportWidget() const { return page_; }

MeasurePrediction MeasurePredictionTab::prediction(const QString& column, PredictionOutcome outcome) const
{
    const int c = int(measureColumns().indexOf(column));
    std::vector<std::pair<QString, std::optional<double>>> byKey;
    for (const auto& [key, values] : measures_)
        byKey.emplace_back(key, c >= 0 ? values[std::size_t(c)].value : std::nullopt);
    return predictOutcome(byKey, outcomes_, outcome);
}

QString MeasurePredictionTab::caveat() const { return caveat_->text(); }

void MeasurePredictionTab::rebuildNow()
{
    measures_.clear();
    for (const MeasureRow& row : measureRows(*store_))
        measures_.emplace_back(datasetKey(row.name), row.values);
    outcomes_ = datasetOutcomes(models_->report());
    // The datasets both loaded and in the model table.
    QStringList both;
    for (const DatasetOutcomes& o : outcomes_)
        for (const auto& m : measures_)
            if (m.first == o.key)
                both << o.name;
    if (both.isEmpty()) {
        empty_->setText(tr("No loaded dataset has models in the model table. This view ranks the loaded datasets by "
                           "each complexity measure and compares that with what their models reached: add datasets "
                           "whose names match the model table's (e.g. CIFAR-10, CIFAR-100, ImageNet in the bundled "
                           "corpus), or import a model table with your own datasets' results (Models dock). Three "
                           "datasets at least are needed for a rank correlation."));
        stack_->setCurrentIndex(1);
        return;
    }
    stack_->setCurrentIndex(0);
    const int n = int(both.size());
    caveat_->setText(tr("<b>Rests on %1 %2</b> (%3). ")
                         .arg(n)
                         .arg(n == 1 ? tr("dataset") : tr("datasets"), both.join(QStringLiteral(", ")).toHtmlEscaped())
                     + (n < 3 ? tr("A rank correlation needs at least three; with fewer there is nothing to rank.")
                              : tr("With so few, a perfect ρ = ±1 arises by pure chance %1 of the time, and a measure "
                                   "that ranks these datasets right may still rank the next one wrong: read ρ as a hint, "
                                   "not as evidence. It says nothing about why a dataset is hard.")
                                    .arg(chancePerfectRanking(n) >= 0.01
                                             ? tr("%1%").arg(QString::number(100.0 * chancePerfectRanking(n), 'g', 2))
                                             : tr("less than 1%"))));

    const QStringList columns = measureColumns();
    table_->setRowCount(int(columns.size()));
    for (int r = 0; r < columns.size(); ++r) {
        auto* name = new QTableWidgetItem(measureLabel(columns[r]));
        name->setToolTip(columnDefinition(columns[r]));
        table_->setItem(r, 0, name);
        for (int k = 0; k < int(std::size(kOutcomes)); ++k) {
            const MeasurePrediction p = prediction(columns[r], kOutcomes[k]);
            auto* item = new QTableWidgetItem;
            if (p.rho) {
                item->setText(tr("%1 (n = %2)").arg(QString::number(*p.rho, 'f', 2)).arg(p.x.size()));
                item->setData(Qt::UserRole, *p.rho);
                item->setToolTip(tr("Spearman ρ = %1 over %2").arg(QString::number(*p.rho, 'g', 6), p.datasets.join(QStringLiteral(", "))));
            } else {
                item->setText(QStringLiteral("—"));
                item->setToolTip(p.reason);
            }
            item->setTextAlignment(Qt::AlignCenter);
            table_->setItem(r, k + 1, item);
        }
    }
    fitTableWidth();
    rebuildScatter();
}

void MeasurePredictionTab::fitTableWidth()
{
    table_->resizeColumnsToContents();
    table_->setMinimumWidth(table_->horizontalHeader()->length() + 2 * table_->frameWidth()
                            + table_->verticalScrollBar()->sizeHint().width());
}

void MeasurePredictionTab::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        fitTableWidth();
}

void MeasurePredictionTab::rebuildScatter()
{
    const PredictionOutcome outcome = PredictionOutcome(outcome_->currentData().toInt());
    const QString column = measure_->currentData().toString();
    scatter_->setPrediction(prediction(column, outcome), column, outcome, [this](const QString& name) {
        for (int row = 0; row < store_->count(); ++row)
            if (datasetKey(store_->at(row).name) == datasetKey(name))
                return store_->at(row).colour;
        return QColor();
    });
}

} // namespace nofade::ui

namespace nofade::ui {

QString MeasurePredictionTab::scatterMeasure() const { return measure_->currentData().toString(); }

PredictionOutcome MeasurePredictionTab::scatterOutcome() const { return PredictionOutcome(outcome_->currentData().toInt()); }

const Report& MeasurePredictionTab::report() const { return models_->report(); }

} // namespace nofade::ui

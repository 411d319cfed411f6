#include "complexity/complexity_tab.h"

#include <cmath>
#include <QChartView>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QStackedLayout>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include "chart_kit/figure_legend_layer.h"
#include "chart_kit/hint_label.h"
#include "complexity/measure_histogram_chart.h"
#include "complexity/measure_parallel_widget.h"
#include "complexity/measure_table_model.h"
#include "dataset_state/dataset_store.h"
#include "shell/lazy_update_controller.h"

namespace nofade::ui {

namespace {

QLabel* emptyLabel(const QString& text)
{
    auto* label = new QLabel(text);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    label->setMargin(24);
    return label;
}

} // namespace

ComplexityTab::ComplexityTab(DatasetStore* store, QWidget* parent)
    : QWidget(parent), store_(store), model_(new MeasureTableModel(this))
{
    setObjectName(QStringLiteral("complexityTab"));
    lazy_ = new LazyUpdateController(this, [this] { rebuildNow(); });

    QLabel* hint = hintLabel(tr("Each scan computes the measures ticked in the analysis settings (entropy alone by "
                                "default: the others cost scan time). Hover a column for its definition."));
    auto* choose = new QPushButton(tr("Choose &measures…"));
    choose->setObjectName(QStringLiteral("chooseMeasures"));
    connect(choose, &QPushButton::clicked, this, &ComplexityTab::measureSettingsRequested);
    auto* controls = new QHBoxLayout;
    controls->addWidget(hint, 1);
    controls->addWidget(choose);

    table_ = new QTableView;
    table_->setObjectName(QStringLiteral("complexityMeasureTable"));
    table_->setModel(model_);
    table_->setWordWrap(true);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    parallel_ = new MeasureParallelWidget;
    parallel_->setObjectName(QStringLiteral("complexityParallel"));
    auto* split = new QSplitter(Qt::Vertical);
    split->addWidget(table_);
    split->addWidget(parallel_);
    // Half each: three lines a dataset in the table, and the chart still readable at 1366 x 768.
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    auto* side = new QWidget;
    sideStack_ = new QStackedLayout(side);
    sideStack_->addWidget(split);
    sideStack_->addWidget(emptyLabel(tr("No dataset has a profile yet. Add a dataset (File ▸ Add folder…, Ctrl+Shift+D); "
                                        "to compare more than entropy, first choose the measures (button above), then scan.")));

    si_ = new MeasureHistogramChart;
    bpp_ = new MeasureHistogramChart;
    auto* siView = new QChartView(si_);
    siView->setObjectName(QStringLiteral("siHistogramView"));
    siView->setRenderHint(QPainter::Antialiasing);
    auto* bppView = new QChartView(bpp_);
    bppView->setObjectName(QStringLiteral("bppHistogramView"));
    bppView->setRenderHint(QPainter::Antialiasing);
    FigureLegendLayer::onScreen(si_); // titles and legends wrap, never elided
    FigureLegendLayer::onScreen(bpp_);
    imagePage_ = new QWidget;
    auto* charts = new QHBoxLayout(imagePage_);
    charts->setContentsMargins(0, 0, 0, 0);
    charts->addWidget(siView);
    charts->addWidget(bppView);
    auto* images = new QWidget;
    imageStack_ = new QStackedLayout(images);
    imageStack_->addWidget(imagePage_);
    imageEmpty_ = emptyLabel(QString());
    imageStack_->addWidget(imageEmpty_);

    views_ = new QTabWidget;
    views_->setObjectName(QStringLiteral("complexityViews"));
    views_->setDocumentMode(true);
    views_->addTab(side, tr("Side by side"));
    views_->addTab(images, tr("Per-image SI and bpp"));

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(views_, 1);

    connect(store_, &DatasetStore::changed, this, [this](int, DatasetStore::Changes c) {
        if (c & (DatasetStore::ProfileChanged | DatasetStore::MetaChanged))
            lazy_->request();
    });
    connect(store_, &DatasetStore::removed, lazy_, &LazyUpdateController::request);
    connect(store_, &DatasetStore::added, lazy_, &LazyUpdateController::request);
    lazy_->request();
}

QWidget* ComplexityTab::exportWidget() const
{
    return views_->currentIndex() == 0 ? static_cast<QWidget*>(parallel_) : imagePage_;
}

bool ComplexityTab::showsPerImage() const { return views_->currentIndex() == 1; }

QString ComplexityTab::exportBaseName() const
{
    return views_->currentIndex() == 0 ? QStringLiteral("complexity-measures") : QStringLiteral("complexity-per-image");
}

void ComplexityTab::rebuildNow()
{
    std::vector<MeasureRow> rows = measureRows(*store_);
    sideStack_->setCurrentIndex(rows.empty() ? 1 : 0);
    model_->setRows(rows);
    parallel_->setRows(rows);

    std::vector<MeasureSeries> si, bpp;
    for (int i = 0; i < store_->count(); ++i) {
        const DatasetEntry& e = store_->at(i);
        if (!e.profile)
            continue;
        if (MeasureSeries s = perImageMeasure(e.name, e.colour, *e.profile, QStringLiteral("si")); !s.values.empty())
            si.push_back(std::move(s));
        if (MeasureSeries b = perImageMeasure(e.name, e.colour, *e.profile, QStringLiteral("bpp")); !b.values.empty())
            bpp.push_back(std::move(b));
    }
    si_->setSeries(MeasureHistogramChart::titleOf(QStringLiteral("si")), MeasureHistogramChart::axisTitleOf(QStringLiteral("si")), si);
    bpp_->setSeries(MeasureHistogramChart::titleOf(QStringLiteral("bpp")), MeasureHistogramChart::axisTitleOf(QStringLiteral("bpp")), bpp);
    if (rows.empty())
        imageEmpty_->setText(tr("No dataset has a profile yet. Add a dataset (File ▸ Add folder…, Ctrl+Shift+D)."));
    else
        imageEmpty_->setText(tr("No dataset has SI or bpp per image. Tick si and bpp under Complexity measures "
                                "(Choose measures… above) and scan the dataset again (Re-scan)."));
    imageStack_->setCurrentIndex(si.empty() && bpp.empty() ? 1 : 0);
}

} // namespace nofade::ui

#include "entropy_tabs/entropy_histogram_tab.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStackedLayout>
#include <QToolTip>

#include "chart_kit/figure_legend_layer.h"
#include "chart_kit/hint_label.h"
#include "chart_kit/zoomable_chart_view.h"
#include "dataset_state/dataset_store.h"
#include "entropy_tabs/density_chart.h"
#include "export/figure_renderer.h"
#include "export/figure_style.h"
#include "shell/lazy_update_controller.h"

namespace nofade::ui {

EntropyHistogramTab::EntropyHistogramTab(DatasetStore* store, QWidget* parent)
    : QWidget(parent), store_(store), chart_(new DensityChart)
{
    setObjectName(QStringLiteral("entropyHistogramTab"));
    lazy_ = new LazyUpdateController(this, [this] { rebuildNow(); });
    chart_->setTitle(tr("Per-image entropy of each dataset"));
    view_ = new ZoomableChartView(chart_);
    view_->setObjectName(QStringLiteral("entropyChartView"));
    FigureLegendLayer::onScreen(chart_); // the title and legend wrap, never elided

    bins_ = new QComboBox;
    bins_->setObjectName(QStringLiteral("histogramBins"));
    for (int b : displayBinChoices())
        bins_->addItem(tr("%1 bins (%2 bit)").arg(b).arg(8.0 / b), b);
    bins_->setCurrentIndex(bins_->findData(64));
    bins_->setToolTip(tr("Display bins over [0, 8] bits, derived exactly from the profiles' 1024 fine bins"));
    means_ = new QCheckBox(tr("&Mean markers"));
    means_->setChecked(true);
    auto* reset = new QPushButton(tr("&Reset zoom"));
    QLabel* hint = hintLabel(tr("Wheel: zoom · drag: pan · R: reset · legend: show/hide · double-click a bin: its images"));

    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Bins:")));
    controls->addWidget(bins_);
    controls->addWidget(means_);
    controls->addWidget(reset);
    controls->addStretch(1);

    empty_ = new QLabel(tr("No dataset has a profile yet. Add a dataset (File ▸ Add folder…, Ctrl+Shift+D) or drop a "
                           "folder onto the window; its histogram appears here when the scan ends."));
    empty_->setAlignment(Qt::AlignCenter);
    empty_->setWordWrap(true);
    auto* stack = new QStackedLayout;
    stack->addWidget(view_);
    stack->addWidget(empty_);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addLayout(stack, 1);
    layout->addWidget(hint);

    connect(bins_, &QComboBox::currentIndexChanged, this, &EntropyHistogramTab::rebuild);
    connect(means_, &QCheckBox::toggled, chart_, &DensityChart::setMeanMarkersVisible);
    connect(reset, &QPushButton::clicked, view_, &ZoomableChartView::resetZoom);
    connect(chart_, &DensityChart::curveVisibilityChanged, this, [this] {
        view_->setHomeRange(chart_->homeRange());
    });
    connect(view_, &ZoomableChartView::hovered, this, [this](const QPointF& v, const QPoint& global) {
        const QString text = tooltipAt(v.x());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(global + QPoint(14, 10), text, view_);
    });
    connect(view_, &ZoomableChartView::left, this, [] { QToolTip::hideText(); });
    connect(view_, &ZoomableChartView::valueDoubleClicked, this, [this](const QPointF& v) {
        const int id = datasetAt(v.x());
        if (id == 0)
            return;
        const double w = 8.0 / this->bins();
        const int bin = std::clamp(int(std::floor(v.x() / w)), 0, this->bins() - 1);
        Q_EMIT imagesRequested(id, -1, bin * w, (bin + 1) * w);
    });
    connect(store_, &DatasetStore::changed, this, [this](int, DatasetStore::Changes c) {
        if (c & (DatasetStore::ProfileChanged | DatasetStore::MetaChanged))
            rebuild();
    });
    connect(store_, &DatasetStore::removed, this, &EntropyHistogramTab::rebuild);
    connect(store_, &DatasetStore::added, this, &EntropyHistogramTab::rebuild);
    rebuild();
}

void EntropyHistogramTab::setBins(int bins)
{
    const int i = bins_->findData(bins);
    if (i >= 0)
        bins_->setCurrentIndex(i);
}

QWidget* EntropyHistogramTab::exportWidget() const { return view_; }

std::unique_ptr<DensityChart> EntropyHistogramTab::figureChart(const FigureStyle& style) const
{
    auto chart = std::make_unique<DensityChart>();
    chart->setTitle(FigureLegendLayer::titleOf(chart_));
    style.apply(chart.get()); // before the curves: the legend's label colour is the markers' base
    chart->setCurves(chart_->curves());
    for (int i = 0; i < int(chart_->curves().size()); ++i)
        chart->setCurveVisible(i, chart_->isCurveVisible(i));
    chart->setMeanMarkersVisible(chart_->meanMarkersVisible());
    return chart;
}

bool EntropyHistogramTab::exportFigure(const QString& file, const FigureSize& size, const FigureStyle& style, QString* error) const
{
    const std::unique_ptr<DensityChart> chart = figureChart(style);
    return FigureRenderer::write({chart.get()}, size, file, error);
}

int EntropyHistogramTab::bins() const { return bins_->currentData().toInt(); }

void EntropyHistogramTab::rebuild() { lazy_->request(); }

void EntropyHistogramTab::rebuildNow()
{
    std::vector<DensityCurve> curves;
    for (int row = 0; row < store_->count(); ++row) {
        const DatasetEntry& e = store_->at(row);
        if (!e.profile || e.profile->images() == 0)
            continue;
        DensityCurve c;
        c.name = e.profile->complete ? e.name : tr("%1 (incomplete)").arg(e.name);
        c.colour = e.colour;
        c.histogram = rebinCounts(e.profile->fine.counts(), bins());
        c.mean = e.profile->moments.mean();
        c.key = e.id;
        curves.push_back(std::move(c));
    }
    auto* stack = static_cast<QStackedLayout*>(layout()->itemAt(1)->layout());
    stack->setCurrentIndex(curves.empty() ? 1 : 0);
    chart_->setCurves(std::move(curves));
    view_->setHomeRange(chart_->homeRange());
}

QString EntropyHistogramTab::tooltipAt(double x) const
{
    if (x < 0.0 || x > 8.0 || chart_->curves().empty())
        return {};
    const QLocale l;
    QString text;
    bool header = false;
    for (int i = 0; i < int(chart_->curves().size()); ++i) {
        if (!chart_->isCurveVisible(i))
            continue;
        const DensityCurve& c = chart_->curves()[std::size_t(i)];
        const int bin = c.histogram.binOf(x);
        if (bin < 0)
            continue;
        if (!header) {
            text += tr("<b>%1 – %2 bits</b>").arg(c.histogram.lower(bin), 0, 'f', 4).arg(c.histogram.upper(bin), 0, 'f', 4);
            header = true;
        }
        const std::uint64_t n = c.histogram.counts[std::size_t(bin)];
        text += tr("<br><span style='color:%1'>■</span> %2: %3 images (%4 %), density %5")
                    .arg(c.colour.name(), c.name.toHtmlEscaped(), l.toString(qulonglong(n)))
                    .arg(c.histogram.total ? 100.0 * double(n) / double(c.histogram.total) : 0.0, 0, 'f', 2)
                    .arg(c.histogram.density[std::size_t(bin)], 0, 'f', 4);
    }
    return text;
}

int EntropyHistogramTab::datasetAt(double x) const
{
    int best = 0;
    double bestDensity = -1.0;
    for (int i = 0; i < int(chart_->curves().size()); ++i) {
        if (!chart_->isCurveVisible(i))
            continue;
        const DensityCurve& c = chart_->curves()[std::size_t(i)];
        const int bin = c.histogram.binOf(x);
        if (bin >= 0 && c.histogram.density[std::size_t(bin)] > bestDensity) {
            bestDensity = c.histogram.density[std::size_t(bin)];
            best = c.key;
        }
    }
    return best;
}

} // namespace nofade::ui

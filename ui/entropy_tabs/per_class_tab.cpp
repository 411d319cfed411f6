#include "entropy_tabs/per_class_tab.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QToolTip>

#include "chart_kit/chart_palette.h"
#include "chart_kit/zoomable_chart_view.h"
#include "dataset_list/dataset_combo_box.h"
#include "dataset_state/dataset_store.h"
#include "entropy_tabs/density_chart.h"
#include "entropy_tabs/small_multiples_widget.h"
#include "shell/lazy_update_controller.h"

namespace nofade::ui {

namespace {
constexpr int kDefaultShown = 24; // classes checked by default; more stay one click away
}

PerClassTab::PerClassTab(DatasetStore* store, QWidget* parent) : QWidget(parent), store_(store)
{
    setObjectName(QStringLiteral("perClassTab"));
    lazy_ = new LazyUpdateController(this, [this] { rebuildNow(); });
    dataset_ = new DatasetComboBox(store, true);
    dataset_->setObjectName(QStringLiteral("perClassDataset"));
    mode_ = new QComboBox;
    mode_->setObjectName(QStringLiteral("perClassMode"));
    mode_->addItem(tr("Small multiples"));
    mode_->addItem(tr("Overlay"));
    bins_ = new QComboBox;
    for (int b : displayBinChoices())
        if (b <= 256)
            bins_->addItem(tr("%1 bins").arg(b), b);
    bins_->setCurrentIndex(bins_->findData(64));

    classes_ = new QListWidget;
    classes_->setObjectName(QStringLiteral("perClassList"));
    filter_ = new QLineEdit;
    filter_->setObjectName(QStringLiteral("perClassFilter"));
    filter_->setPlaceholderText(tr("Filter classes"));
    filter_->setClearButtonEnabled(true);
    fitClassList();
    filter_->setToolTip(tr("Shows the classes whose name contains this text; All and None apply to the classes shown"));
    auto* all = new QPushButton(tr("All"));
    all->setObjectName(QStringLiteral("perClassAll"));
    auto* none = new QPushButton(tr("None"));
    none->setObjectName(QStringLiteral("perClassNone"));
    auto* listButtons = new QHBoxLayout;
    listButtons->addWidget(all);
    listButtons->addWidget(none);
    auto* side = new QVBoxLayout;
    side->addWidget(new QLabel(tr("Classes:")));
    side->addWidget(filter_);
    side->addWidget(classes_, 1);
    side->addLayout(listButtons);

    multiples_ = new SmallMultiplesWidget;
    auto* scroll = new QScrollArea;
    scroll->setObjectName(QStringLiteral("perClassScroll"));
    scroll->setWidget(multiples_);
    scroll->setWidgetResizable(true);
    chart_ = new DensityChart;
    chart_->setTitle(tr("Per-image entropy by class"));
    view_ = new ZoomableChartView(chart_);
    stack_ = new QStackedWidget;
    stack_->addWidget(scroll);
    stack_->addWidget(view_);

    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Dataset:")));
    controls->addWidget(dataset_);
    controls->addWidget(new QLabel(tr("View:")));
    controls->addWidget(mode_);
    controls->addWidget(new QLabel(tr("Bins:")));
    controls->addWidget(bins_);
    controls->addStretch(1);
    auto* body = new QHBoxLayout;
    body->addLayout(side);
    body->addWidget(stack_, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addLayout(body, 1);

    connect(dataset_, &DatasetComboBox::datasetChanged, this, [this] {
        fillClassList();
        rebuild();
    });
    connect(mode_, &QComboBox::currentIndexChanged, this, [this](int i) {
        stack_->setCurrentIndex(i);
        rebuild(); // only the view shown is drawn
    });
    connect(bins_, &QComboBox::currentIndexChanged, this, &PerClassTab::rebuild);
    connect(classes_, &QListWidget::itemChanged, this, [this] {
        if (!filling_)
            rebuild();
    });
    connect(filter_, &QLineEdit::textChanged, this, &PerClassTab::applyFilter);
    auto checkAll = [this](bool on) {
        filling_ = true;
        for (int i = 0; i < classes_->count(); ++i)
            if (!classes_->item(i)->isHidden())
                classes_->item(i)->setCheckState(on ? Qt::Checked : Qt::Unchecked);
        filling_ = false;
        rebuild();
    };
    connect(all, &QPushButton::clicked, this, [checkAll] { checkAll(true); });
    connect(none, &QPushButton::clicked, this, [checkAll] { checkAll(false); });
    connect(multiples_, &SmallMultiplesWidget::binDoubleClicked, this, [this](int cls, double lo, double hi) {
        Q_EMIT imagesRequested(datasetId(), cls, lo, hi);
    });
    connect(view_, &ZoomableChartView::valueDoubleClicked, this, [this](const QPointF& v) {
        // The highest visible class at that entropy.
        int best = -1;
        double bestDensity = -1.0;
        double lo = 0.0;
        double hi = 0.0;
        for (int i = 0; i < int(chart_->curves().size()); ++i) {
            const DensityCurve& c = chart_->curves()[std::size_t(i)];
            const int b = c.histogram.binOf(v.x());
            if (chart_->isCurveVisible(i) && b >= 0 && c.histogram.density[std::size_t(b)] > bestDensity) {
                bestDensity = c.histogram.density[std::size_t(b)];
                best = c.key;
                lo = c.histogram.lower(b);
                hi = c.histogram.upper(b);
            }
        }
        if (best >= 0)
            Q_EMIT imagesRequested(datasetId(), best, lo, hi);
    });
    connect(view_, &ZoomableChartView::hovered, this, [this](const QPointF& v, const QPoint& global) {
        QString text;
        for (int i = 0; i < int(chart_->curves().size()); ++i) {
            const DensityCurve& c = chart_->curves()[std::size_t(i)];
            const int b = c.histogram.binOf(v.x());
            if (!chart_->isCurveVisible(i) || b < 0)
                continue;
            if (text.isEmpty())
                text = tr("<b>%1 – %2 bits</b>").arg(c.histogram.lower(b), 0, 'f', 3).arg(c.histogram.upper(b), 0, 'f', 3);
            text += tr("<br><span style='color:%1'>■</span> %2: %3 images, density %4")
                        .arg(c.colour.name(), c.name.toHtmlEscaped())
                        .arg(c.histogram.counts[std::size_t(b)])
                        .arg(c.histogram.density[std::size_t(b)], 0, 'f', 4);
        }
        QToolTip::showText(global + QPoint(14, 10), text, view_);
    });
    fillClassList();
    rebuild();
}

void PerClassTab::fitClassList()
{
    // "Ankle boot  (7000)" whole, at any type size.
    const int width = std::max(220, 22 * fontMetrics().averageCharWidth() + 60);
    classes_->setMaximumWidth(width);
    filter_->setMaximumWidth(width);
}

void PerClassTab::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::FontChange)
        fitClassList();
    QWidget::changeEvent(event);
}

void PerClassTab::setDataset(int id)
{
    dataset_->setCurrentId(id);
}

QWidget* PerClassTab::exportWidget() const
{
    return stack_->currentIndex() == 0 ? static_cast<QWidget*>(multiples_) : view_;
}

int PerClassTab::datasetId() const { return dataset_->currentId(); }

void PerClassTab::setMode(Mode mode) { mode_->setCurrentIndex(mode == Mode::Overlay ? 1 : 0); }

void PerClassTab::fillClassList()
{
    filling_ = true;
    classes_->clear();
    const DatasetEntry* e = store_->find(datasetId());
    if (e && e->profile) {
        const auto& cls = e->profile->classes;
        for (int i = 0; i < int(cls.size()); ++i) {
            auto* item = new QListWidgetItem(QStringLiteral("%1  (%2)").arg(cls[std::size_t(i)].name).arg(cls[std::size_t(i)].moments.count()));
            item->setData(Qt::UserRole, i);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(i < kDefaultShown ? Qt::Checked : Qt::Unchecked);
            QPixmap swatch(10, 10);
            swatch.fill(ChartPalette::colour(i));
            item->setIcon(QIcon(swatch));
            classes_->addItem(item);
        }
    }
    filling_ = false;
    applyFilter();
}

void PerClassTab::applyFilter()
{
    const QString text = filter_->text().trimmed();
    const DatasetEntry* e = store_->find(datasetId());
    for (int i = 0; i < classes_->count(); ++i) {
        QListWidgetItem* item = classes_->item(i);
        const int c = item->data(Qt::UserRole).toInt();
        const QString name = e && e->profile && c < int(e->profile->classes.size()) ? e->profile->classes[std::size_t(c)].name : item->text();
        item->setHidden(!text.isEmpty() && !name.contains(text, Qt::CaseInsensitive));
    }
}

void PerClassTab::selectClasses(const std::vector<int>& classes)
{
    filling_ = true;
    for (int i = 0; i < classes_->count(); ++i)
        classes_->item(i)->setCheckState(std::find(classes.begin(), classes.end(), i) != classes.end() ? Qt::Checked
                                                                                                     : Qt::Unchecked);
    filling_ = false;
    rebuild();
}

std::vector<int> PerClassTab::selectedClasses() const
{
    std::vector<int> out;
    for (int i = 0; i < classes_->count(); ++i)
        if (classes_->item(i)->checkState() == Qt::Checked)
            out.push_back(classes_->item(i)->data(Qt::UserRole).toInt());
    return out;
}

void PerClassTab::rebuild() { lazy_->request(); }

void PerClassTab::rebuildNow()
{
    std::vector<DensityCurve> curves;
    const DatasetEntry* e = store_->find(datasetId());
    if (e && e->profile) {
        const Profile& p = *e->profile;
        const int bins = bins_->currentData().toInt();
        for (int c : selectedClasses()) {
            const ClassProfile& cp = p.classes[std::size_t(c)];
            DensityCurve curve;
            curve.name = cp.name;
            curve.colour = ChartPalette::colour(c);
            curve.key = c;
            curve.mean = cp.moments.count() ? cp.moments.mean() : std::nan("");
            // Per-image entropies give any bin count; a profile loaded without them has the class
            // histogram at the profile's bins.
            curve.histogram = !p.perImage.empty() ? histogramOfImages(p.perImage, c, bins)
                                                  : rebinCounts(cp.histogram.counts(), std::min(bins, cp.histogram.bins()));
            curves.push_back(std::move(curve));
        }
        chart_->setTitle(tr("%1: per-image entropy by class").arg(e->name));
    }
    // Only the view shown: a chart of a thousand overlaid curves takes seconds to build.
    if (stack_->currentIndex() == 0) {
        multiples_->setCurves(std::move(curves));
    } else {
        chart_->setCurves(std::move(curves));
        view_->setHomeRange(chart_->homeRange());
    }
}

} // namespace nofade::ui

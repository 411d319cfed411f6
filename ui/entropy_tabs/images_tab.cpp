#include "entropy_tabs/images_tab.h"

#include <algorithm>
#include <cmath>
#include <QCategoryAxis>
#include <QChart>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QMouseEvent>
#include <QSet>
#include <QStackedWidget>
#include <QToolTip>
#include <QValueAxis>

#include "chart_kit/figure_legend_layer.h"
#include "chart_kit/chart_palette.h"
#include "chart_kit/point_cloud_layer.h"
#include "chart_kit/zoomable_chart_view.h"
#include "dataset_list/dataset_combo_box.h"
#include "dataset_state/dataset_store.h"
#include "entropy_tabs/image_strip.h"
#include "shell/lazy_update_controller.h"

namespace nofade::ui {

namespace {
constexpr int kClickSlop = 3;        // pixels a click may move and still not be a pan

// Dense strips read better with translucent points: opaque up to ~2,000 images, fading to 20 %.
double pointAlpha(std::size_t images)
{
    return images <= 2000 ? 1.0 : std::max(0.2, std::sqrt(2000.0 / double(images)));
}

QColor noClassColour() { return QColor(110, 110, 110); }

// Ticks on round numbers of bits (1, 0.5, 0.25, ...) for the range shown, about eight of them.
void roundTicks(QValueAxis* axis)
{
    const double span = axis->max() - axis->min();
    if (!(span > 0.0))
        return;
    const double raw = span / 8.0;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    double step = magnitude;
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (m * magnitude >= raw) {
            step = m * magnitude;
            break;
        }
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(0.0);
    axis->setTickInterval(step);
    int decimals = std::max(0, -int(std::floor(std::log10(step) + 1e-9)));
    if (std::abs(step * std::pow(10.0, decimals) - std::round(step * std::pow(10.0, decimals))) > 1e-9)
        ++decimals; // 2.5, 0.25
    axis->setLabelFormat(QStringLiteral("%.%1f").arg(decimals));
}
} // namespace

ImagesTab::ImagesTab(DatasetStore* store, QWidget* parent) : QWidget(parent), store_(store)
{
    setObjectName(QStringLiteral("imagesTab"));
    lazy_ = new LazyUpdateController(this, [this] { rebuildNow(); });
    dataset_ = new DatasetComboBox(store, false);
    dataset_->setObjectName(QStringLiteral("imagesDataset"));
    summary_ = new QLabel;
    summary_->setObjectName(QStringLiteral("imagesSummary"));

    chart_ = new QChart;
    chart_->setAnimationOptions(QChart::NoAnimation);
    chart_->legend()->hide(); // the class names are on the x axis, in the points' colours' order
    xAxis_ = new QCategoryAxis;
    // A label at its column's centre; with many columns only some are labelled (updateColumnLabels).
    xAxis_->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    xAxis_->setTitleText(tr("Class"));
    yAxis_ = new QValueAxis;
    yAxis_->setTitleText(tr("Entropy (bits)"));
    connect(yAxis_, &QValueAxis::rangeChanged, this, [this] { roundTicks(yAxis_); });
    connect(xAxis_, &QCategoryAxis::rangeChanged, this, &ImagesTab::updateColumnLabels);
    connect(xAxis_, &QCategoryAxis::labelsFontChanged, this, &ImagesTab::updateColumnLabels);
    connect(chart_, &QChart::plotAreaChanged, this, &ImagesTab::updateColumnLabels);
    chart_->addAxis(xAxis_, Qt::AlignBottom);
    chart_->addAxis(yAxis_, Qt::AlignLeft);
    // An empty series on the axes: ZoomableChartView maps positions to values through a series.
    auto* anchor = new QLineSeries;
    chart_->addSeries(anchor);
    anchor->attachAxis(xAxis_);
    anchor->attachAxis(yAxis_);
    layer_ = new PointCloudLayer(chart_, xAxis_, yAxis_);
    view_ = new ZoomableChartView(chart_);
    view_->setObjectName(QStringLiteral("imagesChartView"));
    FigureLegendLayer::onScreen(chart_); // the title wraps, never elided
    view_->setZoomBothAxes(true);
    view_->viewport()->installEventFilter(this);

    empty_ = new QLabel;
    empty_->setObjectName(QStringLiteral("imagesEmpty"));
    empty_->setAlignment(Qt::AlignCenter);
    empty_->setWordWrap(true);
    stack_ = new QStackedWidget;
    stack_->addWidget(empty_);
    stack_->addWidget(view_);

    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Dataset:")));
    controls->addWidget(dataset_);
    controls->addWidget(summary_, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(stack_, 1);

    connect(dataset_, &DatasetComboBox::datasetChanged, this, &ImagesTab::rebuild);
    connect(view_, &ZoomableChartView::left, this, [this] { // the cursor left the plot
        layer_->setHighlighted(-1);
        if (!hoverText_.isEmpty())
            QToolTip::hideText();
        hoverText_.clear();
    });
    rebuild();
}

QWidget* ImagesTab::exportWidget() const { return stack_->currentWidget(); }

void ImagesTab::setDataset(int id) { dataset_->setCurrentId(id); }

int ImagesTab::datasetId() const { return dataset_->currentId(); }

int ImagesTab::imageOfPoint(int point) const
{
    return point >= 0 && point < int(image_.size()) ? image_[std::size_t(point)] : -1;
}

QString ImagesTab::emptyText() const { return stack_->currentWidget() == empty_ ? empty_->text() : QString(); }

void ImagesTab::rebuild() { lazy_->request(); }

void ImagesTab::showEmpty(const QString& text)
{
    layer_->setPoints({});
    image_.clear();
    columnClass_.clear();
    hoverText_.clear();
    summary_->clear();
    empty_->setText(text);
    stack_->setCurrentWidget(empty_);
}

void ImagesTab::rebuildNow()
{
    const DatasetEntry* e = store_->find(datasetId());
    if (!e || !e->profile) {
        showEmpty(tr("No dataset has a profile yet.\n\nAdd a dataset (File > Add folder…) and scan it: every one of "
                     "its images appears here as a point, by class and entropy."));
        return;
    }
    if (e->profile->perImage.empty()) {
        showEmpty(tr("%1: this profile has no per-image entropies (it was saved without them).\n\n"
                     "Scan the dataset again to see its images.").arg(e->name));
        return;
    }
    ImageStrip strip = layoutImageStrip(*e->profile);
    image_ = std::move(strip.image);
    columnClass_ = std::move(strip.columnClass);
    const double alpha = pointAlpha(image_.size());
    std::vector<QColor> colours;
    for (int c : columnClass_) {
        QColor colour = c >= 0 ? ChartPalette::colour(c) : noClassColour();
        colour.setAlphaF(float(alpha));
        colours.push_back(colour);
    }
    layer_->setColours(std::move(colours));
    layer_->setMarkerSize(image_.size() <= 2000 ? 7.0 : 4.0);
    layer_->setPoints(std::move(strip.points));
    setColumns(strip.columns);
    // Home: every column, the entropies with a margin of a quarter bit (so that the discs of
    // images at 0 or 8 bits are whole).
    const double lo = std::floor(strip.minEntropy * 4.0) / 4.0 - 0.25;
    const double hi = std::ceil(strip.maxEntropy * 4.0) / 4.0 + 0.25;
    view_->setHomeRange(QRectF(QPointF(-0.5, lo), QPointF(strip.columns.size() - 0.5, hi)));
    view_->resetZoom();
    chart_->setTitle(tr("%1: the entropy of every image, by class").arg(e->name.toHtmlEscaped()));
    summary_->setText(tr("%L1 images in %2 columns%3 · hover a point for its image, click to open it in the inspector")
                          .arg(image_.size())
                          .arg(strip.columns.size())
                          .arg(e->profile->complete ? QString() : tr(" (incomplete profile)")));
    hoverText_.clear();
    stack_->setCurrentWidget(view_);
}

void ImagesTab::setColumns(const QStringList& columns)
{
    columns_ = columns;
    labelled_.clear();
    updateColumnLabels();
}

ImagesTab::ColumnLabels ImagesTab::columnLabels(const QStringList& columns, double from, double to, double plotWidth,
                                                const QFontMetricsF& fm)
{
    // Every `step`-th column of those in view gets its name: all of them when they fit across, else
    // upright text one line high each (no overlap), as many as fit. Zooming in shows more.
    ColumnLabels out;
    const int n = int(columns.size());
    const int first = std::clamp(int(std::ceil(from)), 0, std::max(0, n - 1));
    const int last = std::clamp(int(std::floor(to)), 0, n - 1);
    if (n == 0 || last < first || !(plotWidth > 0.0))
        return out;
    // Qt Charts gives each label of a category axis the axis's width over the number of labels
    // plus one, less twice its padding, and cuts a longer label short ("Ankle b..."): the rule
    // here is that one with a little to spare.
    const double padding = 14.0;
    const int visible = last - first + 1;
    auto fits = [&](int labels, double width) { return width + padding <= plotWidth / (labels + 1); };
    double widest = 0.0;
    for (int c = first; c <= last; ++c)
        widest = std::max(widest, fm.horizontalAdvance(columns[c]));
    if (fits(visible, widest)) {
        out.step = 1;
        out.angle = 0;
    } else {
        out.angle = -90; // upright: a label is one line of text wide
        out.step = 1;
        while (out.step < n && !fits((visible + out.step - 1) / out.step, fm.height()))
            ++out.step;
    }
    // Anchored on multiples of the step, so that panning keeps the same columns named.
    for (int c = (first + out.step - 1) / out.step * out.step; c <= last; c += out.step)
        out.columns.push_back(c);
    return out;
}

void ImagesTab::updateColumnLabels()
{
    const double plotWidth = chart_->plotArea().width();
    const ColumnLabels want = columnLabels(columns_, xAxis_->min(), xAxis_->max(), plotWidth > 0 ? plotWidth : 800.0,
                                           QFontMetricsF(xAxis_->labelsFont()));
    if (want.columns == labelled_ && want.angle == xAxis_->labelsAngle() && xAxis_->count() == int(want.columns.size()))
        return;
    labelled_ = want.columns;
    const QStringList old = xAxis_->categoriesLabels();
    for (const QString& label : old)
        xAxis_->remove(label);
    xAxis_->setStartValue(-0.5);
    QSet<QString> used; // an axis's labels are unique
    for (int c : want.columns) {
        QString label = columns_[c];
        while (used.contains(label))
            label += QChar(0x200B); // zero-width space: the same text, another label
        used.insert(label);
        xAxis_->append(label, c);
    }
    xAxis_->setLabelsAngle(want.angle);
    xAxis_->setTitleText(want.step == 1 ? tr("Class") : tr("Class (1 in %1 named: zoom in for more)").arg(want.step));
}

int ImagesTab::pointAtViewport(const QPoint& pos) const
{
    if (stack_->currentWidget() != view_)
        return -1;
    const QPointF chartPos = chart_->mapFromScene(view_->mapToScene(pos));
    return layer_->pointAt(chartPos, std::max(5.0, layer_->markerSize() / 2.0 + 3.0));
}

QString ImagesTab::describe(int point) const
{
    const DatasetEntry* e = store_->find(datasetId());
    const int image = imageOfPoint(point);
    if (!e || !e->profile || image < 0 || image >= int(e->profile->perImage.size()))
        return {};
    const ImageEntropy& im = e->profile->perImage[std::size_t(image)];
    const bool hasClass = im.classIndex >= 0 && im.classIndex < int(e->profile->classes.size());
    const QString cls = hasClass ? e->profile->classes[std::size_t(im.classIndex)].name : tr("no class");
    const QColor colour = hasClass ? ChartPalette::colour(im.classIndex) : noClassColour();
    // nowrap: a tooltip wraps rich text, and would break a long path at its hyphens.
    return tr("<div style='white-space:nowrap'><b>%1</b><br><span style='color:%2'>■</span> class %3<br>entropy <b>%4 bits</b>"
              "<br><i>click to open it in the inspector</i></div>")
        .arg(im.path.toHtmlEscaped(), colour.name(), cls.toHtmlEscaped())
        .arg(im.entropy, 0, 'f', 4);
}

void ImagesTab::hover(const QPoint& viewportPos, const QPoint& globalPos)
{
    const int point = pointAtViewport(viewportPos);
    layer_->setHighlighted(point);
    const QString text = point >= 0 ? describe(point) : QString();
    if (text == hoverText_)
        return;
    hoverText_ = text;
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(globalPos + QPoint(14, 10), text, view_);
}

bool ImagesTab::eventFilter(QObject* watched, QEvent* event)
{
    if (watched != view_->viewport())
        return QWidget::eventFilter(watched, event);
    // Seen before the view, which pans on a drag: a press and release in place is a click.
    switch (event->type()) {
    case QEvent::MouseMove: {
        auto* m = static_cast<QMouseEvent*>(event);
        if (m->buttons() == Qt::NoButton)
            hover(m->position().toPoint(), m->globalPosition().toPoint());
        break;
    }
    case QEvent::MouseButtonPress: {
        auto* m = static_cast<QMouseEvent*>(event);
        if (m->button() == Qt::LeftButton) {
            pressed_ = true;
            pressPos_ = m->position().toPoint();
        }
        break;
    }
    case QEvent::MouseButtonRelease: {
        auto* m = static_cast<QMouseEvent*>(event);
        const QPoint pos = m->position().toPoint();
        if (m->button() == Qt::LeftButton && pressed_ && (pos - pressPos_).manhattanLength() <= kClickSlop) {
            const int image = imageOfPoint(pointAtViewport(pos));
            if (image >= 0)
                Q_EMIT imageRequested(datasetId(), image);
        }
        pressed_ = false;
        break;
    }
    default: break;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace nofade::ui

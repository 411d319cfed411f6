#include "chart_kit/figure_legend_layer.h"

#include <algorithm>
#include <cmath>
#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QFontMetricsF>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QGraphicsSceneHoverEvent>
#include <QGraphicsSceneMouseEvent>
#include <QLegend>
#include <QLegendMarker>
#include <QPainter>
#include <QScatterSeries>
#include <QScopedValueRollback>
#include <QXYSeries>

namespace nofade::ui {

namespace {
constexpr double kPad = 3.0;      // around the block, in figure units (1/96 in)
constexpr double kGap = 9.0;      // between entries in a row
constexpr double kSwatchGap = 3.0; // between a swatch and its label
constexpr const char* kLayerProperty = "nofadeLegendLayer";
// Out of sight: the screen chart's own legend, detached, keeps its markers (their visibility and
// colours) for the layer to read; the view shows only the chart's rectangle.
const QRectF kAway(-100000.0, -100000.0, 400.0, 400.0);
} // namespace

FigureLegendLayer::FigureLegendLayer(QChart* chart, const QFont& titleFont, const QFont& labelFont)
    : QGraphicsObject(chart), chart_(chart), titleFont_(titleFont), labelFont_(labelFont)
{
    setZValue(60.0);
    title_ = chart->title();
    chart->setTitle(QString());
    baseTopMargin_ = chart->margins().top();
    connect(chart, &QGraphicsWidget::geometryChanged, this, &FigureLegendLayer::relayout);
    relayout();
}

FigureLegendLayer::FigureLegendLayer(QChart* chart) : QGraphicsObject(chart), chart_(chart), live_(true)
{
    setZValue(60.0);
    setAcceptHoverEvents(true);
    setAcceptedMouseButtons(Qt::LeftButton);
    chart->setProperty(kLayerProperty, QVariant::fromValue(static_cast<QObject*>(this)));
    baseTopMargin_ = chart->margins().top();
    connect(chart, &QGraphicsWidget::geometryChanged, this, &FigureLegendLayer::sync);
    connect(chart->legend(), &QLegend::fontChanged, this, &FigureLegendLayer::sync);
    connect(chart->legend(), &QLegend::labelColorChanged, this, &FigureLegendLayer::sync);
    sync();
}

FigureLegendLayer* FigureLegendLayer::onScreen(QChart* chart)
{
    if (!chart)
        return nullptr;
    if (FigureLegendLayer* layer = of(chart))
        return layer;
    return new FigureLegendLayer(chart);
}

FigureLegendLayer* FigureLegendLayer::of(const QChart* chart)
{
    return chart ? qobject_cast<FigureLegendLayer*>(chart->property(kLayerProperty).value<QObject*>()) : nullptr;
}

QString FigureLegendLayer::titleOf(const QChart* chart)
{
    const FigureLegendLayer* layer = of(chart);
    return layer && chart->title().isEmpty() ? layer->title() : chart->title();
}

std::vector<FigureLegendLayer::Laid> FigureLegendLayer::laidOut() const
{
    std::vector<Laid> out;
    for (const Entry& e : entries_)
        out.push_back(Laid{e.label, mapRectToParent(e.box), mapRectToParent(e.text)});
    return out;
}

int FigureLegendLayer::entryAt(const QPointF& chartPos) const
{
    const QPointF p = mapFromParent(chartPos);
    for (std::size_t i = 0; i < entries_.size(); ++i)
        if (entries_[i].box.adjusted(-2.0, -1.0, 2.0, 1.0).contains(p))
            return int(i);
    return -1;
}

void FigureLegendLayer::sync()
{
    if (!live_ || !scene())
        return;
    if (syncing_) {
        // Laying out resized the chart (its view grew to the new minimum height): once more after.
        syncAgain_ = true;
        return;
    }
    for (int pass = 0; pass < 3; ++pass) {
        syncAgain_ = false;
        {
            const QScopedValueRollback<bool> guard(syncing_, true);
            syncOnce();
        }
        if (!syncAgain_)
            break;
    }
}

void FigureLegendLayer::syncOnce()
{
    if (!property("nofadeSceneWatched").toBool()) {
        // The owner changes series, markers and the title without a signal of the chart's: the
        // scene's changes (emitted once per event loop pass) say when to read it again.
        setProperty("nofadeSceneWatched", true);
        connect(scene(), &QGraphicsScene::changed, this, &FigureLegendLayer::sync, Qt::QueuedConnection);
    }
    QLegend* legend = chart_->legend();
    if (legend->isAttachedToChart()) {
        legend->detachFromChart();
        legend->setGeometry(kAway);
    } else if (legend->geometry() != kAway) {
        legend->setGeometry(kAway);
    }
    if (!chart_->title().isEmpty()) {
        title_ = chart_->title();
        chart_->setTitle(QString());
    }
    const QFont titleFont = chart_->titleFont();
    const QFont labelFont = legend->font();
    // The entries as the legend has them now; laid out again only when they differ.
    std::vector<Entry> before = std::move(entries_);
    entries_.clear();
    collect();
    bool same = before.size() == entries_.size() && titleFont == titleFont_ && labelFont == labelFont_;
    for (std::size_t i = 0; same && i < entries_.size(); ++i) {
        const Entry& a = before[i];
        const Entry& b = entries_[i];
        same = a.label == b.label && a.swatch == b.swatch && a.pen == b.pen && a.brush == b.brush && a.textColour == b.textColour
               && a.shape == b.shape && a.marker == b.marker;
    }
    if (same && !before.empty()) {
        for (std::size_t i = 0; i < entries_.size(); ++i) {
            entries_[i].box = before[i].box;
            entries_[i].text = before[i].text;
        }
    }
    titleFont_ = titleFont;
    labelFont_ = labelFont;
    if (!same || bounds_.width() != chart_->rect().width() || title_ != titleShown_) {
        if (hovered_ >= int(entries_.size()))
            hovered_ = -1;
        relayout();
    } else {
        fitMinimumHeight(); // the owner's footer (the bottom margin) may have grown
    }
}

void FigureLegendLayer::setHovered(int entry)
{
    if (entry == hovered_)
        return;
    if (hovered_ >= 0 && hovered_ < int(entries_.size()) && entries_[std::size_t(hovered_)].marker)
        Q_EMIT entries_[std::size_t(hovered_)].marker->hovered(false);
    hovered_ = entry;
    if (hovered_ >= 0 && entries_[std::size_t(hovered_)].marker)
        Q_EMIT entries_[std::size_t(hovered_)].marker->hovered(true);
    setCursor(entry >= 0 ? Qt::PointingHandCursor : Qt::ArrowCursor);
    if (entry >= 0 && chart_->legend()->showToolTips())
        setToolTip(entries_[std::size_t(entry)].label);
    else
        setToolTip(QString());
}

void FigureLegendLayer::mousePressEvent(QGraphicsSceneMouseEvent* event)
{
    pressed_ = live_ ? entryAt(mapToParent(event->pos())) : -1;
    if (pressed_ < 0) {
        event->ignore(); // the plot's: pan, select
        return;
    }
    event->accept();
}

void FigureLegendLayer::mouseReleaseEvent(QGraphicsSceneMouseEvent* event)
{
    const int at = entryAt(mapToParent(event->pos()));
    if (pressed_ >= 0 && at == pressed_ && entries_[std::size_t(at)].marker)
        Q_EMIT entries_[std::size_t(at)].marker->clicked();
    pressed_ = -1;
    sync(); // the owner restyled the entry (dimmed)
}

void FigureLegendLayer::hoverMoveEvent(QGraphicsSceneHoverEvent* event)
{
    setHovered(live_ ? entryAt(mapToParent(event->pos())) : -1);
}

void FigureLegendLayer::hoverLeaveEvent(QGraphicsSceneHoverEvent*) { setHovered(-1); }

QStringList FigureLegendLayer::labels() const
{
    QStringList out;
    for (const Entry& e : entries_)
        out << e.label;
    return out;
}

void FigureLegendLayer::collect()
{
    // A marker says whether it is shown only once the chart is in a scene (before, every marker
    // reads as hidden); a legend hidden by the figure (small multiples) has no entries.
    if (!chart_->legend()->isVisibleTo(nullptr))
        return;
    for (QLegendMarker* m : chart_->legend()->markers()) {
        if (!m->isVisible() || m->label().isEmpty())
            continue;
        Entry e;
        e.marker = m;
        e.label = m->label();
        e.textColour = m->labelBrush().color();
        e.brush = m->brush();
        e.pen = m->pen();
        QAbstractSeries* s = m->series();
        if (auto* scatter = qobject_cast<QScatterSeries*>(s)) {
            e.swatch = Swatch::Marker;
            e.shape = int(scatter->markerShape());
            e.markerSize = std::clamp(scatter->markerSize(), 5.0, 9.0);
            e.pen = scatter->pen();
            if (e.pen.color().alpha() == 0)
                e.pen = QPen(e.brush.color().darker(130), 0.8);
        } else if (auto* area = qobject_cast<QAreaSeries*>(s)) {
            e.swatch = Swatch::Area;
            e.pen = area->pen();
            e.brush = area->brush();
        } else if (auto* xy = qobject_cast<QXYSeries*>(s)) {
            e.swatch = Swatch::Line;
            e.pen = xy->pen();
            e.pen.setCapStyle(Qt::FlatCap);
        }
        entries_.push_back(std::move(e));
    }
}

void FigureLegendLayer::relayout()
{
    const QRectF r = chart_->rect();
    if (r.width() <= 0 || !scene())
        return;
    if (!collected_ && !live_) {
        collected_ = true;
        collect();
        chart_->legend()->hide();
    }
    prepareGeometryChange();
    titleShown_ = title_;
    const double left = r.left() + kPad, right = r.right() - kPad;
    double y = r.top() + kPad;
    if (!title_.isEmpty()) {
        const QFontMetricsF fm(titleFont_);
        titleRect_ = fm.boundingRect(QRectF(left, y, right - left, 10000.0), Qt::AlignHCenter | Qt::TextWordWrap, title_);
        titleRect_.setLeft(left);
        titleRect_.setRight(right);
        y = titleRect_.bottom() + 2.0;
    } else {
        titleRect_ = QRectF();
    }
    const QFontMetricsF fm(labelFont_);
    const double h = fm.height();
    rows_ = 0;
    if (!entries_.empty()) {
        // Rows that wrap at the width; each row centred.
        std::vector<std::vector<std::size_t>> rows(1);
        std::vector<double> widths(1, 0.0);
        for (std::size_t i = 0; i < entries_.size(); ++i) {
            Entry& e = entries_[i];
            const double swatch = e.swatch == Swatch::Line ? 2.0 * h : h;
            double w = swatch + kSwatchGap + fm.horizontalAdvance(e.label) + 1.0;
            double eh = h;
            if (w > right - left) {
                // Wider than the chart: the label wraps under itself rather than being cut.
                const double textWidth = std::max(10.0, right - left - swatch - kSwatchGap);
                const QRectF wrapped = fm.boundingRect(QRectF(0, 0, textWidth, 10000.0), Qt::AlignLeft | Qt::TextWordWrap, e.label);
                w = right - left;
                eh = std::max(h, wrapped.height());
            }
            e.box = QRectF(0, 0, w, eh);
            e.text = QRectF(swatch + kSwatchGap, 0, w - swatch - kSwatchGap, eh);
            const double needed = widths.back() > 0 ? widths.back() + kGap + w : w;
            if (widths.back() > 0 && needed > right - left) {
                rows.emplace_back();
                widths.push_back(w);
            } else {
                widths.back() = needed;
            }
            rows.back().push_back(i);
        }
        for (std::size_t row = 0; row < rows.size(); ++row) {
            double x = left + std::max(0.0, (right - left - widths[row]) / 2.0);
            double rowHeight = h;
            for (std::size_t i : rows[row]) {
                Entry& e = entries_[i];
                e.text.translate(QPointF(x, y) - e.box.topLeft());
                e.box.moveTopLeft(QPointF(x, y));
                x += e.box.width() + kGap;
                rowHeight = std::max(rowHeight, e.box.height());
            }
            y += rowHeight + 1.0;
        }
        rows_ = int(rows.size());
    }
    bounds_ = QRectF(r.left(), r.top(), r.width(), y - r.top());
    const int top = std::max(baseTopMargin_, int(std::ceil(y - r.top())) + 2);
    if (chart_->margins().top() != top) {
        QMargins m = chart_->margins();
        m.setTop(top);
        chart_->setMargins(m);
        if (live_ && chart_->layout()) {
            // The plot moves now: the request a margin posts was at times left unserved on
            // screen, and the plot overlapped the title or footer until the next resize.
            chart_->layout()->invalidate();
            chart_->layout()->activate();
        }
    }
    if (live_)
        fitMinimumHeight();
    update();
}

double FigureLegendLayer::minimumChartHeight() const
{
    // The block above, the owner's footer below (the bottom margin) and a plot that can still be
    // read with its axes.
    return chart_->margins().top() + chart_->margins().bottom() + 10.0 * QFontMetricsF(labelFont_).height();
}

void FigureLegendLayer::fitMinimumHeight()
{
    // A chart's minimum height is what its cell (the saturation grid, which scrolls) grows to
    // rather than cutting the legend or squeezing the plot.
    const double minimum = minimumChartHeight();
    if (std::abs(chart_->minimumHeight() - minimum) <= 1.0)
        return;
    chart_->setMinimumHeight(minimum);
    // A view takes its chart's minimum only when it is resized itself.
    for (QGraphicsView* view : scene()->views())
        if (auto* chartView = qobject_cast<QChartView*>(view); chartView && chartView->chart() == chart_)
            chartView->setMinimumHeight(int(std::ceil(minimum)));
}

QRectF FigureLegendLayer::boundingRect() const { return bounds_; }

void FigureLegendLayer::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*)
{
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    if (!title_.isEmpty()) {
        p->setFont(titleFont_);
        p->setPen(chart_->titleBrush().color());
        p->drawText(titleRect_, Qt::AlignHCenter | Qt::TextWordWrap, title_);
    }
    p->setFont(labelFont_);
    const double lineHeight = QFontMetricsF(labelFont_).height();
    for (const Entry& e : entries_) {
        const double h = lineHeight;
        const double swatch = e.swatch == Swatch::Line ? 2.0 * h : h;
        const QRectF s(e.box.left(), e.box.top(), swatch, h);
        const QPointF c = s.center();
        switch (e.swatch) {
        case Swatch::Line:
            p->setPen(e.pen);
            p->drawLine(QPointF(s.left(), c.y()), QPointF(s.right(), c.y()));
            break;
        case Swatch::Area:
            p->setPen(e.pen);
            p->setBrush(e.brush);
            p->drawRect(s.adjusted(1.5, h * 0.2, -1.5, -h * 0.2));
            break;
        case Swatch::Marker: {
            p->setPen(e.pen);
            p->setBrush(e.brush);
            const double d = std::min(e.markerSize, h * 0.8);
            const QRectF m(c.x() - d / 2, c.y() - d / 2, d, d);
            switch (QScatterSeries::MarkerShape(e.shape)) {
            case QScatterSeries::MarkerShapeRectangle: p->drawRect(m); break;
            case QScatterSeries::MarkerShapeRotatedRectangle:
                p->drawPolygon(QPolygonF{{c.x(), m.top()}, {m.right(), c.y()}, {c.x(), m.bottom()}, {m.left(), c.y()}});
                break;
            case QScatterSeries::MarkerShapeTriangle:
                p->drawPolygon(QPolygonF{{c.x(), m.top()}, {m.right(), m.bottom()}, {m.left(), m.bottom()}});
                break;
            default: p->drawEllipse(m); break;
            }
            break;
        }
        }
        p->setPen(e.textColour);
        p->drawText(e.text, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap, e.label);
    }
    p->restore();
}

} // namespace nofade::ui

#include "chart_kit/figure_legend_layer.h"

#include <algorithm>
#include <cmath>
#include <QAreaSeries>
#include <QChart>
#include <QFontMetricsF>
#include <QLegend>
#include <QLegendMarker>
#include <QPainter>
#include <QScatterSeries>
#include <QXYSeries>

namespace nofade::ui {

namespace {
constexpr double kPad = 3.0;      // around the block, in figure units (1/96 in)
constexpr double kGap = 9.0;      // between entries in a row
constexpr double kSwatchGap = 3.0; // between a swatch and its label
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
        e.label = m->label();
        e.text = m->labelBrush().color();
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
    if (!collected_) {
        collected_ = true;
        collect();
        chart_->legend()->hide();
    }
    prepareGeometryChange();
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
            const double w = swatch + kSwatchGap + fm.horizontalAdvance(e.label);
            e.box = QRectF(0, 0, w, h);
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
            for (std::size_t i : rows[row]) {
                entries_[i].box.moveTopLeft(QPointF(x, y));
                x += entries_[i].box.width() + kGap;
            }
            y += h + 1.0;
        }
        rows_ = int(rows.size());
    }
    bounds_ = QRectF(r.left(), r.top(), r.width(), y - r.top());
    const int top = std::max(baseTopMargin_, int(std::ceil(y - r.top())) + 2);
    if (chart_->margins().top() != top) {
        QMargins m = chart_->margins();
        m.setTop(top);
        chart_->setMargins(m);
    }
    update();
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
    for (const Entry& e : entries_) {
        const double h = e.box.height();
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
        p->setPen(e.text);
        p->drawText(QRectF(s.right() + kSwatchGap, e.box.top(), e.box.width() - swatch - kSwatchGap + 1.0, h),
                    Qt::AlignLeft | Qt::AlignVCenter, e.label);
    }
    p->restore();
}

} // namespace nofade::ui

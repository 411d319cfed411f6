#include "model_figures/model_chart.h"

#include <algorithm>
#include <cmath>
#include <QFontMetricsF>
#include <QGraphicsPathItem>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsTextItem>
#include <QTextDocument>
#include <QLegendMarker>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QValueAxis>

namespace nofade::ui {

namespace {
constexpr double kLabelZ = 50.0;
// Above the grid, below the series (QtCharts draws its series items at z 5 and more).
constexpr double kErrorBarZ = 4.5;
}

ModelChart::ModelChart(const Report& report, const FigureStyle& style, QGraphicsItem* parent)
    : QChart(parent), x_(new QLogValueAxis(this)), y_(new QValueAxis(this)), report_(report), style_(style)
{
    setAnimationOptions(QChart::NoAnimation);
    setMargins(QMargins(4, 4, 4, 4));
    legend()->setAlignment(Qt::AlignRight);
    x_->setBase(10.0);
    x_->setLabelFormat(QStringLiteral("%g"));
    x_->setMinorTickCount(8);
    x_->setTitleText(tr("Training CO₂ (kg)"));
    connect(x_, &QAbstractAxis::labelsFontChanged, this, [this] {
        setSelectedRows(selected_); // the point labels' type
        placeFooter();
    });
    x_->setMinorGridLinePen(QPen(QColor(0xee, 0xee, 0xee), 0.6));
    y_->setLabelFormat(QStringLiteral("%g"));
    addAxis(x_, Qt::AlignBottom);
    addAxis(y_, Qt::AlignLeft);
}

QScatterSeries* ModelChart::addScatter(const QString& name, const QColor& colour, bool hollow)
{
    auto* s = new QScatterSeries;
    s->setName(name);
    s->setMarkerShape(QScatterSeries::MarkerShapeCircle);
    s->setMarkerSize(style_.markerPx);
    attach(s);
    if (hollow) {
        // Estimated training time: an open circle in the group's colour.
        s->setBrush(Qt::white);
        s->setPen(QPen(colour, std::max(1.4, style_.lineWidth)));
        // The legend still shows the colour (a separate key entry explains the open circles).
        legend()->markers(s).constFirst()->setBrush(colour);
    } else {
        s->setBrush(colour);
        s->setPen(QPen(colour.darker(130), 0.8));
    }
    return s;
}

void ModelChart::addMeasuredKey()
{
    // The user's own runs (energy, CO2 or hours measured by the run: CodeCarbon, Slurm) against
    // the published corpus: a hollow diamond around their points, whatever their group's colour
    // (large enough to show around the selection circle; hollow, unlike the diminishing-returns
    // marker), with the same diamond in the legend.
    QList<QPointF> pts;
    for (const ModelResult& m : report_.models)
        if (points_.contains(m.row)
            && (m.hoursProvenance == QLatin1String("measured") || m.co2Provenance.startsWith(QLatin1String("measured"))))
            pts.append(points_.value(m.row));
    if (pts.isEmpty())
        return;
    auto* ring = new QScatterSeries;
    ring->setName(tr("your runs (measured)"));
    ring->setMarkerShape(QScatterSeries::MarkerShapeRotatedRectangle);
    ring->setMarkerSize(style_.markerPx + 12.0);
    ring->setBrush(Qt::NoBrush);
    ring->setPen(QPen(QColor(0x11, 0x11, 0x11), std::max(2.0, style_.lineWidth)));
    ring->replace(pts);
    attach(ring);
    legend()->markers(ring).constFirst()->setVisible(false);
    // The legend's key is an empty series with the same diamond at a point's size: the ring's own
    // size widened the marker and elided the label ("your runs (meas…").
    auto* key = new QScatterSeries;
    key->setName(ring->name());
    key->setMarkerShape(QScatterSeries::MarkerShapeRotatedRectangle);
    key->setMarkerSize(style_.markerPx);
    key->setBrush(Qt::NoBrush);
    key->setPen(ring->pen());
    attach(key);
    legend()->markers(key).constFirst()->setShape(QLegend::MarkerShapeFromSeries);
}

void ModelChart::attach(QAbstractSeries* series)
{
    addSeries(series);
    series->attachAxis(x_);
    series->attachAxis(y_);
}

void ModelChart::toggleSeries(QLegendMarker* marker)
{
    const bool show = !marker->series()->isVisible();
    const QString name = marker->series()->name();
    const auto all = series();
    for (QAbstractSeries* s : all)
        if (s != selectionSeries_ && s->name() == name) {
            s->setVisible(show);
            for (QLegendMarker* other : legend()->markers(s))
                other->setVisible(false); // one entry per name: showing a series would show its own
        }
    marker->setVisible(true);
    QColor label = legend()->labelColor();
    label.setAlphaF(show ? 1.0 : 0.35);
    marker->setLabelBrush(label);
}

void ModelChart::addPoint(int row, const QPointF& value, QScatterSeries* series)
{
    series->append(value);
    points_.insert(row, value);
}

void ModelChart::setNote(const QString& text)
{
    noteText_ = text;
    placeFooter();
}

void ModelChart::setStats(const QString& text)
{
    statsText_ = text;
    placeFooter();
}

void ModelChart::finish(const QString& yTitle, const QList<double>& extraY)
{
    y_->setTitleText(yTitle);
    double x0 = INFINITY, x1 = -INFINITY, y0 = INFINITY, y1 = -INFINITY;
    for (const QPointF& p : std::as_const(points_)) {
        x0 = std::min(x0, p.x());
        x1 = std::max(x1, p.x());
        y0 = std::min(y0, p.y());
        y1 = std::max(y1, p.y());
    }
    for (double y : extraY) {
        y0 = std::min(y0, y);
        y1 = std::max(y1, y);
    }
    if (points_.isEmpty()) {
        x0 = 1.0;
        x1 = 1000.0;
        y0 = std::isfinite(y0) ? y0 : 0.0;
        y1 = std::isfinite(y1) ? y1 : 1.0;
    }
    // Whole decades (at least two) so that the log axis has labelled ticks.
    double lo = std::floor(std::log10(x0) - 0.05);
    double hi = std::ceil(std::log10(x1) + 0.05);
    if (hi - lo < 2.0) {
        lo -= 1.0;
        hi += 1.0;
    }
    const double pad = y1 > y0 ? 0.08 * (y1 - y0) : std::max(1.0, std::abs(y0) * 0.1);
    y_->setRange(y0 - pad, y1 + pad);
    y_->applyNiceNumbers();
    x_->setRange(std::pow(10.0, lo), std::pow(10.0, hi));
    home_ = QRectF(QPointF(x_->min(), y_->min()), QPointF(x_->max(), y_->max()));

    addMeasuredKey();
    selectionSeries_ = new QScatterSeries;
    selectionSeries_->setName(tr("selected"));
    selectionSeries_->setMarkerShape(QScatterSeries::MarkerShapeCircle);
    selectionSeries_->setMarkerSize(style_.markerPx + 9.0);
    selectionSeries_->setBrush(Qt::NoBrush);
    selectionSeries_->setPen(QPen(QColor(0x11, 0x11, 0x11), 2.0));
    attach(selectionSeries_);
    legend()->markers(selectionSeries_).constFirst()->setVisible(false);

    style_.apply(this);
    const auto markers = legend()->markers();
    for (QLegendMarker* m : markers) // hidden entries (a group's second series) get no clicks
        if (m->series() != selectionSeries_)
            connect(m, &QLegendMarker::clicked, this, [this, m] { toggleSeries(m); });
    connect(this, &QChart::plotAreaChanged, this, [this] {
        fitLogTicks();
        placeLabels();
        placeFooter();
    });
    connect(x_, &QLogValueAxis::rangeChanged, this, &ModelChart::placeLabels);
    connect(y_, &QValueAxis::rangeChanged, this, &ModelChart::placeLabels);
    for (const ModelResult& m : report_.models)
        if (m.co2Spread && points_.contains(m.row))
            intervals_.insert(m.row, {m.co2Spread->interval.low, m.co2Spread->interval.high});
    setSelectedRows(selected_);
}

void ModelChart::setErrorBarsVisible(bool visible)
{
    errorBarsVisible_ = visible;
    placeErrorBars();
}

std::optional<QPair<double, double>> ModelChart::errorBar(int row) const
{
    if (!intervals_.contains(row))
        return std::nullopt;
    return intervals_.value(row);
}

void ModelChart::placeErrorBars()
{
    if (!errorBarsVisible_ || intervals_.isEmpty() || !selectionSeries_) {
        if (errorBars_)
            errorBars_->setVisible(false);
        return;
    }
    if (!errorBars_) {
        errorBars_ = new QGraphicsPathItem(this);
        errorBars_->setZValue(kErrorBarZ);
        errorBars_->setPen(QPen(QColor(0x44, 0x44, 0x44, 170), std::max(1.0, style_.lineWidth * 0.8)));
    }
    // In chart coordinates, clipped to the plot: a bar from p05 to p95 with short end caps.
    const QRectF area = plotArea();
    const double cap = std::max(2.5, style_.markerPx * 0.4);
    QPainterPath path;
    for (auto it = intervals_.cbegin(); it != intervals_.cend(); ++it) {
        const double y = points_.value(it.key()).y();
        QPointF a = positionOf(QPointF(it.value().first, y));
        QPointF b = positionOf(QPointF(it.value().second, y));
        if (a.y() < area.top() || a.y() > area.bottom() || b.x() < area.left() || a.x() > area.right())
            continue;
        const bool capA = a.x() >= area.left(), capB = b.x() <= area.right();
        a.setX(std::max(a.x(), area.left()));
        b.setX(std::min(b.x(), area.right()));
        path.moveTo(a);
        path.lineTo(b);
        if (capA) {
            path.moveTo(a.x(), a.y() - cap);
            path.lineTo(a.x(), a.y() + cap);
        }
        if (capB) {
            path.moveTo(b.x(), b.y() - cap);
            path.lineTo(b.x(), b.y() + cap);
        }
    }
    errorBars_->setPath(path);
    errorBars_->setVisible(true);
}

void ModelChart::setSelectedRows(const QSet<int>& rows)
{
    selected_ = rows;
    if (!selectionSeries_)
        return;
    QList<QPointF> pts;
    for (int row : rows)
        if (points_.contains(row))
            pts.append(points_.value(row));
    selectionSeries_->replace(pts);
    // Labels: the selection and the always-labelled rows.
    QSet<int> wanted;
    for (const QSet<int>* set : std::initializer_list<const QSet<int>*>{&rows, &alwaysLabelled_})
        for (int row : *set)
            if (points_.contains(row))
                wanted.insert(row);
    for (auto it = labels_.begin(); it != labels_.end();) {
        if (!wanted.contains(it.key())) {
            delete it.value();
            it = labels_.erase(it);
        } else {
            ++it;
        }
    }
    for (int row : std::as_const(wanted)) {
        QGraphicsSimpleTextItem*& label = labels_[row];
        if (!label) {
            QString name;
            for (const ModelResult& m : report_.models)
                if (m.row == row)
                    name = m.model;
            label = new QGraphicsSimpleTextItem(name, this);
            label->setZValue(kLabelZ);
        }
        // The tick labels' type (presentation mode enlarges it), bold when selected.
        QFont font = x_->labelsFont();
        font.setBold(selected_.contains(row));
        label->setFont(font);
        label->setBrush(QColor(0x22, 0x22, 0x22));
    }
    placeLabels();
}

QStringList ModelChart::labelTexts() const
{
    QStringList texts;
    for (const QGraphicsSimpleTextItem* label : labels_)
        texts << label->text();
    texts.sort();
    return texts;
}

void ModelChart::placeLabels()
{
    if (!selectionSeries_)
        return;
    placeErrorBars();
    const QRectF area = plotArea();
    // Each label beside its point, at the first of four places (right/left, above/below) that
    // stays in the plot and overlaps no label placed before it; labels in order of x.
    QList<int> rows = labels_.keys();
    std::sort(rows.begin(), rows.end(), [this](int a, int b) { return points_.value(a).x() < points_.value(b).x(); });
    QList<QRectF> placed;
    const double gap = style_.markerPx / 2 + 2;
    for (int row : std::as_const(rows)) {
        QGraphicsSimpleTextItem* label = labels_.value(row);
        const QPointF p = positionOf(points_.value(row));
        const QSizeF box = label->boundingRect().size();
        const QPointF candidates[] = {
            {p.x() + gap, p.y() - box.height() - 1}, {p.x() + gap, p.y() + 1},
            {p.x() - gap - box.width(), p.y() - box.height() - 1}, {p.x() - gap - box.width(), p.y() + 1}};
        QPointF at = candidates[0];
        for (const QPointF& c : candidates) {
            const QRectF r(c, box);
            const bool inside = area.contains(r);
            const bool free = std::none_of(placed.begin(), placed.end(), [&r](const QRectF& o) { return o.intersects(r); });
            if (inside && free) {
                at = c;
                break;
            }
        }
        placed.append(QRectF(at, box));
        label->setPos(at);
        label->setVisible(area.contains(p));
    }
}

void ModelChart::fitLogTicks()
{
    // A label every decade when there is room for "100000", else every second decade (Qt would
    // truncate the labels to "10...").
    const double decades = std::log10(x_->max() / x_->min());
    const double room = plotArea().width() / std::max(1.0, decades);
    const double needed = QFontMetricsF(x_->labelsFont()).horizontalAdvance(QStringLiteral("100000")) + 4.0;
    const double base = room >= needed ? 10.0 : 100.0;
    if (x_->base() != base) {
        x_->setBase(base);
        x_->setMinorTickCount(base == 10.0 ? 8 : 1);
    }
}

void ModelChart::resizeEvent(QGraphicsSceneResizeEvent* event)
{
    QChart::resizeEvent(event);
    placeFooter(); // its height, and so the bottom margin, depends on the width
}

void ModelChart::setFooterVisible(bool visible)
{
    footerShown_ = visible;
    if (!visible && footer_) {
        QMargins m = margins();
        m.setBottom(4); // the constructor's
        setMargins(m);
    }
    placeFooter();
}

void ModelChart::placeFooter()
{
    if (!footerShown_ || (noteText_.isEmpty() && statsText_.isEmpty())) {
        delete footer_;
        footer_ = nullptr;
        return;
    }
    if (!footer_) {
        footer_ = new QGraphicsTextItem(this);
        footer_->setZValue(kLabelZ);
        footer_->setDefaultTextColor(QColor(0x33, 0x33, 0x33));
        footer_->document()->setDocumentMargin(0);
    }
    // The tick labels' type: presentation mode enlarges the axes' fonts, and the footer with them.
    footer_->setFont(x_->labelsFont());
    QStringList html;
    for (const QString& line : statsText_.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        html << line.toHtmlEscaped();
    for (const QString& line : noteText_.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        html << QStringLiteral("<i>%1</i>").arg(line.toHtmlEscaped());
    footer_->setHtml(html.join(QStringLiteral("<br>")));
    // Full width under the x axis title; the chart's bottom margin makes room for it. Not before
    // the chart has its size: a narrow text would be tall, and the margin would set a minimum
    // height larger than the figure.
    const QRectF r = rect();
    footer_->setVisible(r.width() >= 150.0);
    if (r.width() < 150.0)
        return;
    footer_->setTextWidth(std::max(80.0, r.width() - 16.0));
    const double h = footer_->boundingRect().height();
    footer_->setPos(r.left() + 8.0, r.bottom() - h - 3.0);
    const int wanted = int(std::ceil(h)) + 6;
    if (std::abs(margins().bottom() - wanted) > 1) {
        QMargins m = margins();
        m.setBottom(wanted);
        setMargins(m);
    }
}

QPointF ModelChart::positionOf(const QPointF& value) const
{
    // QChart::mapToPosition is not const, though it changes nothing.
    return const_cast<ModelChart*>(this)->mapToPosition(value, selectionSeries_);
}

int ModelChart::rowAt(const QPointF& chartPos, double radius) const
{
    if (!selectionSeries_)
        return -1;
    int best = -1;
    double bestDistance = radius * radius;
    for (auto it = points_.cbegin(); it != points_.cend(); ++it) {
        const QPointF d = positionOf(it.value()) - chartPos;
        const double d2 = d.x() * d.x() + d.y() * d.y();
        if (d2 <= bestDistance) {
            bestDistance = d2;
            best = it.key();
        }
    }
    return best;
}

QSet<int> ModelChart::rowsIn(const QRectF& chartRect) const
{
    QSet<int> rows;
    if (!selectionSeries_)
        return rows;
    const QRectF r = chartRect.normalized();
    for (auto it = points_.cbegin(); it != points_.cend(); ++it)
        if (r.contains(positionOf(it.value())))
            rows.insert(it.key());
    return rows;
}

QRectF ModelChart::currentRange() const
{
    return QRectF(QPointF(x_->min(), y_->min()), QPointF(x_->max(), y_->max()));
}

void ModelChart::setRange(const QRectF& range)
{
    x_->setRange(range.left(), range.right());
    y_->setRange(range.top(), range.bottom());
}

} // namespace nofade::ui

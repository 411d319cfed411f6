#include "model_chart.h"

#include <cmath>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsTextItem>
#include <QLegendMarker>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QValueAxis>

namespace nofade::ui {

namespace {
constexpr double kLabelZ = 50.0;
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
    x_->setTitleText(tr("Training CO₂ (kg, log scale)"));
    addAxis(x_, Qt::AlignBottom);
    addAxis(y_, Qt::AlignLeft);
}

QScatterSeries* ModelChart::addScatter(const QString& name, const QColor& colour, bool hollow)
{
    auto* s = new QScatterSeries;
    s->setName(name);
    s->setMarkerShape(QScatterSeries::MarkerShapeCircle);
    s->setMarkerSize(style_.markerPx);
    if (hollow) {
        // Estimated training time: an open circle in the group's colour.
        s->setBrush(Qt::white);
        s->setPen(QPen(colour, std::max(1.4, style_.lineWidth)));
    } else {
        s->setBrush(colour);
        s->setPen(QPen(colour.darker(130), 0.8));
    }
    attach(s);
    return s;
}

void ModelChart::attach(QAbstractSeries* series)
{
    addSeries(series);
    series->attachAxis(x_);
    series->attachAxis(y_);
}

void ModelChart::addPoint(int row, const QPointF& value, QScatterSeries* series)
{
    series->append(value);
    points_.insert(row, value);
}

void ModelChart::setNote(const QString& text)
{
    noteText_ = text;
    if (!note_) {
        note_ = new QGraphicsTextItem(this);
        note_->setZValue(kLabelZ);
        note_->setDefaultTextColor(QColor(0x44, 0x44, 0x44));
        QFont f = style_.font(style_.labelPt);
        f.setItalic(true);
        note_->setFont(f);
    }
    note_->setPlainText(text);
    note_->setVisible(!text.isEmpty());
    placeNote();
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

    selectionSeries_ = new QScatterSeries;
    selectionSeries_->setName(tr("selected"));
    selectionSeries_->setMarkerShape(QScatterSeries::MarkerShapeCircle);
    selectionSeries_->setMarkerSize(style_.markerPx + 9.0);
    selectionSeries_->setBrush(Qt::NoBrush);
    selectionSeries_->setPen(QPen(QColor(0x11, 0x11, 0x11), 2.0));
    attach(selectionSeries_);
    legend()->markers(selectionSeries_).constFirst()->setVisible(false);

    style_.apply(this);
    connect(this, &QChart::plotAreaChanged, this, [this] {
        placeLabels();
        placeNote();
    });
    connect(x_, &QLogValueAxis::rangeChanged, this, &ModelChart::placeLabels);
    connect(y_, &QValueAxis::rangeChanged, this, &ModelChart::placeLabels);
    setSelectedRows(selected_);
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
        label->setFont(style_.font(style_.tickPt, selected_.contains(row)));
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
    const QRectF area = plotArea();
    for (auto it = labels_.cbegin(); it != labels_.cend(); ++it) {
        const QPointF p = positionOf(points_.value(it.key()));
        QGraphicsSimpleTextItem* label = it.value();
        const QRectF box = label->boundingRect();
        // Right of the point, or left of it near the right edge of the plot.
        QPointF at = p + QPointF(style_.markerPx / 2 + 3, -box.height() - 1);
        if (at.x() + box.width() > area.right())
            at.setX(p.x() - style_.markerPx / 2 - 3 - box.width());
        if (at.y() < area.top())
            at.setY(p.y() + 2);
        label->setPos(at);
        label->setVisible(area.contains(p));
    }
}

void ModelChart::placeNote()
{
    if (!note_)
        return;
    const QRectF area = plotArea();
    note_->setTextWidth(std::max(80.0, area.width() - 16.0));
    note_->setPos(area.topLeft() + QPointF(6, 2));
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

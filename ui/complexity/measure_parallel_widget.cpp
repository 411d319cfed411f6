#include "complexity/measure_parallel_widget.h"

#include <algorithm>
#include <cmath>
#include <QFontMetrics>
#include <QPainter>
#include <QPainterPath>

namespace nofade::ui {

MeasureParallelWidget::MeasureParallelWidget(QWidget* parent) : QWidget(parent)
{
    setMinimumHeight(220);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
}

void MeasureParallelWidget::setRows(std::vector<MeasureRow> rows)
{
    rows_ = std::move(rows);
    axes_ = measureAxes(rows_);
    update();
}

QStringList MeasureParallelWidget::axes() const
{
    QStringList out;
    for (const Axis& a : axes_)
        out << a.column;
    return out;
}

std::optional<double> MeasureParallelWidget::position(int row, const QString& column) const
{
    for (const Axis& a : axes_)
        if (a.column == column) {
            const MeasureValue& v = rows_[std::size_t(row)].values[std::size_t(a.index)];
            if (v.value)
                return normalise(a, *v.value);
        }
    return std::nullopt;
}

void MeasureParallelWidget::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    const QFontMetrics fm(font());
    if (axes_.empty()) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(rect(), int(Qt::AlignCenter) | int(Qt::TextWordWrap), tr("No measure has a value yet."));
        return;
    }
    // Legend row at the top, axis names under it, value labels at both ends of each axis.
    const int legendH = fm.height() + 8;
    const int top = legendH + fm.height() * 2 + 10;
    const int bottom = height() - fm.height() - 10;
    const int left = 50, right = width() - 50;
    const int n = int(axes_.size());
    const auto axisX = [&](int i) { return n == 1 ? (left + right) / 2.0 : left + (right - left) * double(i) / double(n - 1); };
    const auto y = [&](double t) { return bottom - (bottom - top) * t; };

    int lx = 8;
    for (const MeasureRow& r : rows_) {
        p.fillRect(QRectF(lx, 6, 18, 4), r.colour);
        p.setPen(pal.color(QPalette::Text));
        p.drawText(QPointF(lx + 22, 4 + fm.ascent() * 0.5 + 4), r.name);
        lx += 30 + fm.horizontalAdvance(r.name);
    }
    for (int i = 0; i < n; ++i) {
        const Axis& a = axes_[std::size_t(i)];
        const double x = axisX(i);
        p.setPen(QPen(pal.color(QPalette::Mid), 1));
        p.drawLine(QPointF(x, top), QPointF(x, bottom));
        p.setPen(pal.color(QPalette::Text));
        QFont bold = font();
        bold.setBold(true);
        p.setFont(bold);
        const QString name = measureLabel(a.column);
        p.drawText(QRectF(x - 60, legendH, 120, fm.height()), Qt::AlignCenter, name);
        p.setFont(font());
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(QRectF(x - 60, legendH + fm.height(), 120, fm.height()), Qt::AlignCenter,
                   QString::number(a.high, 'g', 4));
        p.drawText(QRectF(x - 60, bottom + 4, 120, fm.height()), Qt::AlignCenter, QString::number(a.low, 'g', 4));
    }
    for (const MeasureRow& r : rows_) {
        QPainterPath path;
        bool open = false;
        for (int i = 0; i < n; ++i) {
            const Axis& a = axes_[std::size_t(i)];
            const MeasureValue& v = r.values[std::size_t(a.index)];
            if (!v.value) {
                open = false; // a gap where the dataset has no value
                continue;
            }
            const QPointF pt(axisX(i), y(normalise(a, *v.value)));
            if (open)
                path.lineTo(pt);
            else
                path.moveTo(pt);
            open = true;
        }
        p.setPen(QPen(r.colour, 2));
        p.setBrush(Qt::NoBrush);
        p.drawPath(path);
        for (int i = 0; i < n; ++i) {
            const Axis& a = axes_[std::size_t(i)];
            const MeasureValue& v = r.values[std::size_t(a.index)];
            if (!v.value)
                continue;
            const double x = axisX(i);
            if (v.interval) {
                const double y0 = y(normalise(a, v.interval->low)), y1 = y(normalise(a, v.interval->high));
                p.setPen(QPen(r.colour, 1.5));
                p.drawLine(QPointF(x, y0), QPointF(x, y1));
                p.drawLine(QPointF(x - 5, y0), QPointF(x + 5, y0));
                p.drawLine(QPointF(x - 5, y1), QPointF(x + 5, y1));
            }
            p.setPen(Qt::NoPen);
            p.setBrush(r.colour);
            p.drawEllipse(QPointF(x, y(normalise(a, *v.value))), 4, 4);
        }
    }
}

} // namespace nofade::ui

#include "inspector/intensity_histogram_widget.h"

#include <algorithm>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

namespace nofade::ui {

IntensityHistogramWidget::IntensityHistogramWidget(QWidget* parent) : QWidget(parent)
{
    setMouseTracking(true);
    setMinimumSize(200, 110);
}

void IntensityHistogramWidget::setHistogram(const IntensityHistogram& histogram)
{
    histogram_ = histogram;
    total_ = 0;
    max_ = 0;
    for (std::uint64_t c : histogram_) {
        total_ += c;
        max_ = std::max(max_, c);
    }
    update();
}

void IntensityHistogramWidget::clear()
{
    histogram_.fill(0);
    total_ = max_ = 0;
    update();
}

// Room above for the title and below for the grey ramp and its labels, in the widget's type size
// (the teaching tour draws it with large type).
QRect IntensityHistogramWidget::plotRect() const
{
    const int line = fontMetrics().height();
    return rect().adjusted(8, line + 4, -8, -(line + 8));
}

void IntensityHistogramWidget::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Base));
    const QRect plot = plotRect();
    p.setPen(palette().color(QPalette::Text));
    p.drawText(rect().adjusted(8, 2, -8, 0), Qt::AlignLeft | Qt::AlignTop, tr("Grey-level histogram (256 bins)"));
    if (max_ > 0) {
        // One dominant level (a black background) would flatten every other bar: the scale then
        // follows the second-highest level and the dominant bar is drawn broken, with its count.
        std::uint64_t second = 0;
        for (std::uint64_t c : histogram_)
            if (c < max_)
                second = std::max(second, c);
        const bool broken = second > 0 && max_ > 4 * second;
        const double scaleMax = broken ? double(second) * 1.3 : double(max_);
        for (int i = 0; i < 256; ++i) {
            const std::uint64_t c = histogram_[std::size_t(i)];
            if (c == 0)
                continue;
            const int x0 = plot.left() + i * plot.width() / 256;
            const int x1 = plot.left() + (i + 1) * plot.width() / 256;
            const int h = std::max(1, int(std::min(1.0, double(c) / scaleMax) * plot.height()));
            const QRect bar(x0, plot.bottom() - h + 1, std::max(1, x1 - x0), h);
            p.fillRect(bar, QColor(40, 40, 40));
            if (broken && c == max_) {
                p.fillRect(QRect(bar.left() - 1, plot.top() + 8, bar.width() + 2, 3), palette().color(QPalette::Base));
                p.setPen(QColor(160, 40, 0));
                const QString text = tr("level %1: %2 pixels").arg(i).arg(c);
                const int w = p.fontMetrics().horizontalAdvance(text) + 4;
                // Beside the bar, on whichever side has room.
                const int x = bar.right() + 3 + w <= rect().right() ? bar.right() + 3 : bar.left() - 3 - w;
                p.drawText(QRect(x, plot.top(), w, p.fontMetrics().height()), Qt::AlignLeft | Qt::AlignTop, text);
            }
        }
    }
    // A grey ramp under the axis: which level is which.
    for (int i = 0; i < 256; ++i) {
        const int x0 = plot.left() + i * plot.width() / 256;
        const int x1 = plot.left() + (i + 1) * plot.width() / 256;
        p.fillRect(QRect(x0, plot.bottom() + 2, std::max(1, x1 - x0), 6), QColor(i, i, i));
    }
    p.setPen(palette().color(QPalette::Text));
    const int labelHeight = p.fontMetrics().height();
    const int labelWidth = p.fontMetrics().horizontalAdvance(QStringLiteral("255")) + 4;
    p.drawText(QRect(plot.left(), plot.bottom() + 8, labelWidth, labelHeight), Qt::AlignLeft, QStringLiteral("0"));
    p.drawText(QRect(plot.right() - labelWidth, plot.bottom() + 8, labelWidth, labelHeight), Qt::AlignRight, QStringLiteral("255"));
}

void IntensityHistogramWidget::mouseMoveEvent(QMouseEvent* event)
{
    const QRect plot = plotRect();
    if (!plot.contains(event->pos()) || total_ == 0)
        return QToolTip::hideText();
    const int level = std::clamp((event->pos().x() - plot.left()) * 256 / std::max(1, plot.width()), 0, 255);
    const std::uint64_t c = histogram_[std::size_t(level)];
    QToolTip::showText(event->globalPosition().toPoint() + QPoint(12, 8),
                       tr("level %1: %2 pixels (p = %3)").arg(level).arg(c).arg(double(c) / double(total_), 0, 'f', 4), this);
}

} // namespace nofade::ui

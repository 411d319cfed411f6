#include "chart_kit/colour_legend_widget.h"

#include <QPainter>

#include "chart_kit/colour_scale.h"

namespace nofade::ui {

ColourLegendWidget::ColourLegendWidget(QWidget* parent) : QWidget(parent)
{
    setMinimumSize(80, 160);
}

void ColourLegendWidget::setRange(double vmin, double vmax, const QString& title)
{
    vmin_ = vmin;
    vmax_ = vmax;
    title_ = title;
    update();
}

void ColourLegendWidget::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    const int top = 2 * fontMetrics().height() + 10; // the scale's name, on up to two lines
    const QRect bar(6, top, 18, height() - top - 10);
    p.setPen(palette().color(QPalette::Text));
    p.drawText(QRect(0, 0, width(), top - 4), Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap, title_);
    for (int y = 0; y < bar.height(); ++y)
        p.fillRect(bar.left(), bar.bottom() - y, bar.width(), 1, ColourScale::at(double(y) / std::max(1, bar.height() - 1)));
    p.setPen(palette().color(QPalette::Mid));
    p.drawRect(bar);
    p.setPen(palette().color(QPalette::Text));
    constexpr int ticks = 5;
    for (int k = 0; k < ticks; ++k) {
        const double f = double(k) / (ticks - 1);
        const int y = bar.bottom() - int(f * bar.height());
        p.drawLine(bar.right(), y, bar.right() + 4, y);
        p.drawText(QRect(bar.right() + 7, y - 8, width() - bar.right() - 7, 16), Qt::AlignLeft | Qt::AlignVCenter,
                   QString::number(vmin_ + f * (vmax_ - vmin_), 'f', 3));
    }
}

} // namespace nofade::ui

#include "entropy_tabs/small_multiples_widget.h"

#include <algorithm>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

namespace nofade::ui {

SmallMultiplesWidget::SmallMultiplesWidget(QWidget* parent) : QWidget(parent)
{
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
}

void SmallMultiplesWidget::setCurves(std::vector<DensityCurve> curves)
{
    curves_ = std::move(curves);
    sharedTop_ = 0.0;
    for (const DensityCurve& c : curves_)
        sharedTop_ = std::max(sharedTop_, c.histogram.maxDensity());
    if (sharedTop_ <= 0.0)
        sharedTop_ = 1.0;
    updateGeometry();
    update();
}

void SmallMultiplesWidget::setSharedScale(bool shared)
{
    shared_ = shared;
    update();
}

int SmallMultiplesWidget::columnsFor(int width) const
{
    return std::max(1, std::min(int(curves_.size()), width / kMinPanelWidth));
}

int SmallMultiplesWidget::panelHeight(int width) const
{
    // Fill the height the widget was given (up to a panel as tall as it is wide), never below the minimum.
    const int cols = columnsFor(width);
    const int rows = std::max(1, (int(curves_.size()) + cols - 1) / cols);
    // In a scroll area the parent is its viewport: the height there is to fill.
    const int available = parentWidget() ? parentWidget()->height() : height();
    return std::clamp(available / rows, kPanelHeight, std::max(kPanelHeight, width / cols * 3 / 4));
}

int SmallMultiplesWidget::heightForWidth(int width) const
{
    const int cols = columnsFor(width);
    const int rows = (int(curves_.size()) + cols - 1) / cols;
    return std::max(1, rows) * panelHeight(width);
}

QSize SmallMultiplesWidget::sizeHint() const { return {4 * kMinPanelWidth, heightForWidth(4 * kMinPanelWidth)}; }

QRect SmallMultiplesWidget::panelRect(int index, int width) const
{
    const int cols = columnsFor(width);
    const int w = width / cols;
    const int h = panelHeight(width);
    return QRect((index % cols) * w, (index / cols) * h, w, h);
}

QRect SmallMultiplesWidget::plotRect(const QRect& panel) const
{
    return panel.adjusted(34, 22, -10, -22);
}

void SmallMultiplesWidget::paintEvent(QPaintEvent* event)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing, false);
    const QColor axis = palette().color(QPalette::Mid);
    const QColor text = palette().color(QPalette::Text);
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.85);
    const QLocale l;
    for (int i = 0; i < int(curves_.size()); ++i) {
        const QRect panel = panelRect(i, width());
        if (!panel.intersects(event->rect()))
            continue;
        const DensityCurve& c = curves_[std::size_t(i)];
        const QRect plot = plotRect(panel);
        const double top = shared_ ? sharedTop_ : std::max(1e-9, c.histogram.maxDensity());
        p.setFont(font());
        p.setPen(text);
        const QString title = QStringLiteral("%1 · mean %2").arg(c.name).arg(c.mean, 0, 'f', 2);
        p.drawText(panel.adjusted(6, 3, -4, 0), Qt::AlignLeft | Qt::AlignTop,
                   p.fontMetrics().elidedText(title, Qt::ElideRight, panel.width() - 10));
        QColor fill = c.colour;
        fill.setAlpha(150);
        const int bins = c.histogram.bins();
        for (int b = 0; b < bins; ++b) {
            const double v = c.histogram.density[std::size_t(b)];
            if (v <= 0.0)
                continue;
            const int x0 = plot.left() + int(std::lround(double(b) / bins * plot.width()));
            const int x1 = plot.left() + int(std::lround(double(b + 1) / bins * plot.width()));
            const int h = int(std::lround(std::min(1.0, v / top) * plot.height()));
            p.fillRect(QRect(x0, plot.bottom() - h + 1, std::max(1, x1 - x0), h), fill);
        }
        if (std::isfinite(c.mean)) {
            const int xm = plot.left() + int(std::lround(c.mean / 8.0 * plot.width()));
            p.setPen(QPen(c.colour.darker(140), 1, Qt::DashLine));
            p.drawLine(xm, plot.top(), xm, plot.bottom());
        }
        p.setPen(axis);
        p.drawLine(plot.bottomLeft(), plot.bottomRight());
        p.drawLine(plot.bottomLeft(), plot.topLeft());
        p.setFont(small);
        p.setPen(text);
        for (int t = 0; t <= 8; t += 2) {
            const int x = plot.left() + t * plot.width() / 8;
            p.setPen(axis);
            p.drawLine(x, plot.bottom(), x, plot.bottom() + 3);
            p.setPen(text);
            p.drawText(QRect(x - 12, plot.bottom() + 3, 24, 14), Qt::AlignHCenter | Qt::AlignTop, QString::number(t));
        }
        p.drawText(QRect(panel.left(), plot.top() - 2, 30, 14), Qt::AlignRight | Qt::AlignTop,
                   QString::number(top, 'f', top < 1 ? 2 : 1));
        p.drawText(QRect(panel.left(), plot.bottom() - 12, 30, 14), Qt::AlignRight | Qt::AlignBottom, QStringLiteral("0"));
    }
    if (curves_.empty()) {
        p.setPen(text);
        p.drawText(rect(), Qt::AlignCenter, tr("No class selected"));
    }
}

bool SmallMultiplesWidget::hit(const QPoint& pos, int* curve, int* bin) const
{
    for (int i = 0; i < int(curves_.size()); ++i) {
        const QRect plot = plotRect(panelRect(i, width()));
        if (!plot.adjusted(0, 0, 1, 1).contains(pos))
            continue;
        const int bins = curves_[std::size_t(i)].histogram.bins();
        *curve = i;
        *bin = std::clamp(int(double(pos.x() - plot.left()) / plot.width() * bins), 0, bins - 1);
        return true;
    }
    return false;
}

void SmallMultiplesWidget::mouseMoveEvent(QMouseEvent* event)
{
    int i = 0;
    int b = 0;
    if (!hit(event->pos(), &i, &b)) {
        QToolTip::hideText();
        return;
    }
    const DensityCurve& c = curves_[std::size_t(i)];
    const QLocale l;
    QToolTip::showText(event->globalPosition().toPoint() + QPoint(14, 10),
                       tr("<b>%1</b> (%6 images, mean %7 bits)<br>%2 – %3 bits<br>%4 images, density %5<br><i>double-click: inspect</i>")
                           .arg(c.name.toHtmlEscaped())
                           .arg(c.histogram.lower(b), 0, 'f', 3)
                           .arg(c.histogram.upper(b), 0, 'f', 3)
                           .arg(l.toString(qulonglong(c.histogram.counts[std::size_t(b)])))
                           .arg(c.histogram.density[std::size_t(b)], 0, 'f', 4)
                           .arg(l.toString(qulonglong(c.histogram.total)))
                           .arg(c.mean, 0, 'f', 3),
                       this);
}

void SmallMultiplesWidget::mouseDoubleClickEvent(QMouseEvent* event)
{
    int i = 0;
    int b = 0;
    if (hit(event->pos(), &i, &b)) {
        const DensityCurve& c = curves_[std::size_t(i)];
        Q_EMIT binDoubleClicked(c.key, c.histogram.lower(b), c.histogram.upper(b));
    }
}

} // namespace nofade::ui

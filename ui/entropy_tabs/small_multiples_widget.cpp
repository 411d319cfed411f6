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
    // Height for width: a scroll area then grows the widget to hold every row of panels.
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
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
    minPanelWidth_ = yLabelWidth_ = -1;
    updateGeometry();
    update();
}

void SmallMultiplesWidget::setSharedScale(bool shared)
{
    shared_ = shared;
    minPanelWidth_ = yLabelWidth_ = -1;
    updateGeometry();
    update();
}

QFont SmallMultiplesWidget::tickFont() const
{
    QFont small = font();
    if (small.pointSizeF() > 0)
        small.setPointSizeF(small.pointSizeF() * 0.85);
    else
        small.setPixelSize(std::max(6, int(small.pixelSize() * 0.85)));
    return small;
}

double SmallMultiplesWidget::topOf(const DensityCurve& c) const
{
    return shared_ ? sharedTop_ : std::max(1e-9, c.histogram.maxDensity());
}

QString SmallMultiplesWidget::panelTitle(int index) const
{
    const DensityCurve& c = curves_[std::size_t(index)];
    return QStringLiteral("%1 · mean %2").arg(c.name).arg(c.mean, 0, 'f', 2);
}

QString SmallMultiplesWidget::yTopLabel(int index) const
{
    const double top = topOf(curves_[std::size_t(index)]);
    return QString::number(top, 'f', top < 1 ? 2 : 1);
}

int SmallMultiplesWidget::yLabelWidth() const
{
    if (yLabelWidth_ >= 0)
        return yLabelWidth_;
    const QFontMetrics fm(tickFont());
    int widest = fm.horizontalAdvance(QStringLiteral("0.00"));
    for (int i = 0; i < int(curves_.size()); ++i)
        widest = std::max(widest, fm.horizontalAdvance(yTopLabel(i)));
    yLabelWidth_ = widest + 2;
    return yLabelWidth_;
}

int SmallMultiplesWidget::minPanelWidth() const
{
    // Wide enough for the longest title (within reason) and a plot of about fourteen characters.
    if (minPanelWidth_ >= 0)
        return minPanelWidth_;
    const QFontMetrics fm(font());
    int widestTitle = 0;
    for (int i = 0; i < int(curves_.size()); ++i)
        widestTitle = std::max(widestTitle, fm.horizontalAdvance(panelTitle(i)));
    const int plot = yLabelWidth() + 16 + 14 * fm.averageCharWidth();
    minPanelWidth_ = std::max(plot, std::min(widestTitle + 14, 3 * plot));
    return minPanelWidth_;
}

int SmallMultiplesWidget::minPanelHeight() const
{
    // The title, a plot four lines high, the x labels.
    const int title = QFontMetrics(font()).height();
    const int tick = QFontMetrics(tickFont()).height();
    return title + 4 * title + 2 * tick + 16;
}

int SmallMultiplesWidget::columnsFor(int width) const
{
    return std::max(1, std::min(int(curves_.size()), width / std::max(1, minPanelWidth())));
}

int SmallMultiplesWidget::panelHeight(int width) const
{
    // Fill the height the widget was given (up to a panel as tall as it is wide), never below the minimum.
    const int cols = columnsFor(width);
    const int rows = std::max(1, (int(curves_.size()) + cols - 1) / cols);
    const int minimum = minPanelHeight();
    // In a scroll area the parent is its viewport: the height there is to fill.
    const int available = parentWidget() ? parentWidget()->height() : height();
    return std::clamp(available / rows, minimum, std::max(minimum, width / cols * 3 / 4));
}

int SmallMultiplesWidget::heightForWidth(int width) const
{
    const int cols = columnsFor(width);
    const int rows = (int(curves_.size()) + cols - 1) / cols;
    return std::max(1, rows) * panelHeight(width);
}

QSize SmallMultiplesWidget::sizeHint() const { return {4 * minPanelWidth(), heightForWidth(4 * minPanelWidth())}; }

QRect SmallMultiplesWidget::panelRect(int index, int width) const
{
    const int cols = columnsFor(width);
    const int w = width / cols;
    const int h = panelHeight(width);
    return QRect((index % cols) * w, (index / cols) * h, w, h);
}

QRect SmallMultiplesWidget::titleRect(int index) const
{
    const QRect panel = panelRect(index, width());
    return QRect(panel.left() + 6, panel.top() + 3, panel.width() - 10, QFontMetrics(font()).height());
}

QRect SmallMultiplesWidget::plotRect(const QRect& panel) const
{
    // Below the title by half a tick label (the top label is centred on the plot's top), right of
    // the y labels, above the x labels; half a label's width spare on the right for the "8".
    const QFontMetrics title(font());
    const QFontMetrics tick(tickFont());
    const int top = 3 + title.height() + 4 + tick.height() / 2 + 1;
    const int left = 2 + yLabelWidth() + 5;
    const int bottom = tick.height() + 6;
    const int right = std::max(8, tick.horizontalAdvance(QStringLiteral("8")) / 2 + 6);
    return panel.adjusted(left, top, -right, -bottom);
}

QRect SmallMultiplesWidget::yLabelRect(int index, bool top) const
{
    const QRect plot = plotRect(index);
    const int h = QFontMetrics(tickFont()).height();
    const int y = top ? plot.top() : plot.bottom();
    return QRect(panelRect(index).left() + 2, y - h / 2, yLabelWidth(), h);
}

void SmallMultiplesWidget::paintEvent(QPaintEvent* event)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing, false);
    const QColor axis = palette().color(QPalette::Mid);
    const QColor text = palette().color(QPalette::Text);
    const QFont small = tickFont();
    const QFontMetrics tickMetrics(small);
    // Lines thicken with the type (presentation mode).
    const int line = std::max(1, int(std::lround(fontMetrics().height() / 16.0)));
    for (int i = 0; i < int(curves_.size()); ++i) {
        const QRect panel = panelRect(i, width());
        if (!panel.intersects(event->rect()))
            continue;
        const DensityCurve& c = curves_[std::size_t(i)];
        const QRect plot = plotRect(panel);
        const double top = topOf(c);
        p.setFont(font());
        p.setPen(text);
        const QRect title = titleRect(i);
        p.drawText(title, Qt::AlignLeft | Qt::AlignTop, p.fontMetrics().elidedText(panelTitle(i), Qt::ElideRight, title.width()));
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
            p.setPen(QPen(c.colour.darker(140), line, Qt::DashLine));
            p.drawLine(xm, plot.top(), xm, plot.bottom());
        }
        p.setPen(QPen(axis, line));
        p.drawLine(plot.bottomLeft(), plot.bottomRight());
        p.drawLine(plot.bottomLeft(), plot.topLeft());
        p.setFont(small);
        const int tickWidth = tickMetrics.horizontalAdvance(QStringLiteral("8")) + 8;
        for (int t = 0; t <= 8; t += 2) {
            const int x = plot.left() + t * plot.width() / 8;
            p.setPen(QPen(axis, line));
            p.drawLine(x, plot.bottom(), x, plot.bottom() + 3);
            p.setPen(text);
            p.drawText(QRect(x - tickWidth / 2, plot.bottom() + 4, tickWidth, tickMetrics.height()), Qt::AlignHCenter | Qt::AlignTop,
                       QString::number(t));
        }
        p.drawText(yLabelRect(i, true), Qt::AlignRight | Qt::AlignVCenter, yTopLabel(i));
        p.drawText(yLabelRect(i, false), Qt::AlignRight | Qt::AlignVCenter, QStringLiteral("0"));
    }
    if (curves_.empty()) {
        p.setPen(text);
        p.drawText(rect(), Qt::AlignCenter, tr("No class selected"));
    }
}

void SmallMultiplesWidget::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::FontChange) {
        minPanelWidth_ = yLabelWidth_ = -1;
        updateGeometry(); // the panels' size follows the type
    }
    QWidget::changeEvent(event);
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

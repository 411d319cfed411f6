#include "entropy_tabs/heatmap_widget.h"

#include <algorithm>
#include <cmath>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <QWheelEvent>

#include "chart_kit/colour_scale.h"

namespace nofade::ui {

HeatmapWidget::HeatmapWidget(QWidget* parent) : QWidget(parent)
{
    setMouseTracking(true);
    setFocusPolicy(Qt::WheelFocus); // R resets the zoom
    setMinimumSize(240, 240);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void HeatmapWidget::setMatrix(DistanceMatrix matrix, QStringList labels, std::vector<int> order, double vmin, double vmax)
{
    const bool sameSize = matrix.n == matrix_.n && labels == labels_; // the same classes keep their zoom
    matrix_ = std::move(matrix);
    labels_ = std::move(labels);
    margin_ = -1;
    if (!sameSize) {
        visible_ = QRectF(0, 0, matrix_.n, matrix_.n);
        shown_ = -1;
    }
    vmin_ = vmin;
    vmax_ = vmax > vmin ? vmax : vmin + 1e-12;
    setOrder(std::move(order));
}

void HeatmapWidget::setOrder(std::vector<int> order)
{
    order_ = std::move(order);
    if (int(order_.size()) != matrix_.n) {
        order_.resize(std::size_t(matrix_.n));
        for (int i = 0; i < matrix_.n; ++i)
            order_[std::size_t(i)] = i;
    }
    renderImage();
    update();
}

void HeatmapWidget::renderImage()
{
    const int n = matrix_.n;
    if (n == 0) {
        image_ = {};
        return;
    }
    image_ = QImage(n, n, QImage::Format_RGB32);
    const double scale = 1.0 / (vmax_ - vmin_);
    for (int r = 0; r < n; ++r) {
        auto* line = reinterpret_cast<QRgb*>(image_.scanLine(r));
        const int a = order_[std::size_t(r)];
        for (int c = 0; c < n; ++c)
            line[c] = ColourScale::rgbAt((matrix_.at(a, order_[std::size_t(c)]) - vmin_) * scale);
    }
}

int HeatmapWidget::labelMargin() const
{
    if (margin_ < 0) {
        // Room for the labels whenever some can show (the widest, within reason).
        margin_ = 4;
        if (matrix_.n > 0) {
            int widest = 0;
            for (const QString& l : labels_)
                widest = std::max(widest, fontMetrics().horizontalAdvance(l));
            margin_ = std::min(widest + 8, 12 * fontMetrics().averageCharWidth() + 8);
        }
    }
    return margin_;
}

void HeatmapWidget::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::FontChange)
        margin_ = -1;
    QWidget::changeEvent(event);
}

QRect HeatmapWidget::mapRect() const
{
    const int m = labelMargin();
    const int side = std::max(0, std::min(width() - m - 4, height() - m - 4));
    const int left = std::max(m, (width() - side + m) / 2 - m / 2); // centred, labels included
    return QRect(left, m, side, side);
}

double HeatmapWidget::cellSize() const
{
    return visible_.width() > 0 ? mapRect().width() / visible_.width() : 0.0;
}

double HeatmapWidget::zoom() const
{
    return visible_.width() > 0 ? matrix_.n / visible_.width() : 1.0;
}

int HeatmapWidget::labelStep() const
{
    const double cell = cellSize();
    if (matrix_.n == 0 || !(cell > 0.0))
        return 0;
    return std::max(1, int(std::ceil(fontMetrics().height() / cell)));
}

std::vector<int> HeatmapWidget::labelledPositions() const
{
    std::vector<int> out;
    const int step = labelStep();
    if (step == 0)
        return out;
    const int first = std::max(0, int(std::floor(visible_.top())));
    const int last = std::min(matrix_.n - 1, int(std::ceil(visible_.bottom())) - 1);
    // On multiples of the step, so that panning keeps the same labels.
    for (int k = (first + step - 1) / step * step; k <= last; k += step)
        out.push_back(k);
    return out;
}

int HeatmapWidget::positionOf(int index) const
{
    const auto it = std::find(order_.begin(), order_.end(), index);
    return it == order_.end() ? -1 : int(it - order_.begin());
}

void HeatmapWidget::setVisibleCells(const QRectF& cells)
{
    const double n = matrix_.n;
    // Square (the map is), at least two cells, within the map.
    const double side = std::clamp(std::max(cells.width(), cells.height()), std::min(2.0, n), n);
    const QPointF c = cells.center();
    const double x = std::clamp(c.x() - side / 2, 0.0, n - side);
    const double y = std::clamp(c.y() - side / 2, 0.0, n - side);
    visible_ = QRectF(x, y, side, side);
    update();
}

void HeatmapWidget::resetZoom()
{
    setVisibleCells(QRectF(0, 0, matrix_.n, matrix_.n));
}

void HeatmapWidget::showItem(int index)
{
    const int k = positionOf(index);
    if (k < 0)
        return;
    shown_ = index;
    // Cells a little taller than a line of text: its label and its neighbours' show.
    const double side = std::min<double>(matrix_.n, std::max(2.0, mapRect().width() / (fontMetrics().height() * 1.3)));
    const double keep = std::min(side, visible_.width()); // never zoom out to show it
    setVisibleCells(QRectF(k + 0.5 - keep / 2, k + 0.5 - keep / 2, keep, keep));
}

void HeatmapWidget::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Base));
    if (image_.isNull()) {
        p.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap, tr("No class distances: the dataset needs at least two classes with images."));
        return;
    }
    const QRect map = mapRect();
    p.setRenderHint(QPainter::SmoothPixmapTransform, false);
    p.drawImage(QRectF(map), image_, visible_);
    const double cell = cellSize();
    const int lineHeight = fontMetrics().height();
    const int margin = labelMargin();
    auto along = [&](int k) { return (k - visible_.top()) * cell; }; // rows and columns share the window (square)
    p.setPen(palette().color(QPalette::Text));
    p.save();
    p.setClipRect(QRect(0, map.top(), map.left(), map.height())); // row labels
    for (int k : labelledPositions()) {
        const QString& label = labels_.value(order_[std::size_t(k)]);
        const double y = map.top() + along(k) + cell / 2 - lineHeight / 2.0;
        if (y < map.top() - 1 || y + lineHeight > map.bottom() + 1)
            continue; // half out of the map: would be cut
        p.drawText(QRectF(map.left() - margin, y, margin - 4, lineHeight), Qt::AlignRight | Qt::AlignVCenter,
                   fontMetrics().elidedText(label, Qt::ElideRight, margin - 4));
    }
    p.restore();
    p.save();
    p.setClipRect(QRect(map.left(), 0, map.width(), map.top())); // column labels
    for (int k : labelledPositions()) {
        const QString& label = labels_.value(order_[std::size_t(k)]);
        const double kx = (k - visible_.left()) * cell;
        const double x = map.left() + kx + cell / 2 - lineHeight / 2.0;
        if (x < map.left() - 1 || x + lineHeight > map.right() + 1)
            continue;
        p.save();
        p.translate(x, map.top() - 4);
        p.rotate(-90);
        p.drawText(QRectF(0, 0, map.top() - 4, lineHeight), Qt::AlignLeft | Qt::AlignVCenter,
                   fontMetrics().elidedText(label, Qt::ElideRight, map.top() - 4));
        p.restore();
    }
    p.restore();
    p.setClipRect(map);
    auto outline = [&](int a, int b, const QPen& pen) {
        const int ra = positionOf(a);
        const int rb = positionOf(b);
        p.setPen(pen);
        p.setBrush(Qt::NoBrush);
        if (ra >= 0)
            p.drawRect(QRectF(map.left(), map.top() + (ra - visible_.top()) * cell, map.width(), cell));
        if (rb >= 0)
            p.drawRect(QRectF(map.left() + (rb - visible_.left()) * cell, map.top(), cell, map.height()));
    };
    if (shown_ >= 0) // the class searched for
        outline(shown_, shown_, QPen(QColor(255, 80, 40), std::max(2, lineHeight / 8)));
    if (hoverA_ >= 0)
        outline(hoverA_, hoverB_, QPen(Qt::white, 1));
}

bool HeatmapWidget::cellAt(const QPoint& pos, int* a, int* b) const
{
    const QRect map = mapRect();
    if (matrix_.n == 0 || !map.contains(pos))
        return false;
    const int n = matrix_.n;
    const double cell = cellSize();
    const int r = std::clamp(int(std::floor(visible_.top() + (pos.y() - map.top()) / cell)), 0, n - 1);
    const int c = std::clamp(int(std::floor(visible_.left() + (pos.x() - map.left()) / cell)), 0, n - 1);
    *a = order_[std::size_t(r)];
    *b = order_[std::size_t(c)];
    return true;
}

void HeatmapWidget::wheelEvent(QWheelEvent* event)
{
    const QRect map = mapRect();
    const double cell = cellSize();
    if (matrix_.n == 0 || !(cell > 0.0))
        return;
    const double factor = std::pow(1.25, event->angleDelta().y() / 120.0);
    // The cell under the cursor stays under it.
    const QPointF at = event->position() - QPointF(map.topLeft());
    const QPointF anchor(visible_.left() + at.x() / cell, visible_.top() + at.y() / cell);
    const double side = std::clamp(visible_.width() / factor, std::min(2.0, double(matrix_.n)), double(matrix_.n));
    const double fx = at.x() / map.width();
    const double fy = at.y() / map.height();
    setVisibleCells(QRectF(anchor.x() - fx * side, anchor.y() - fy * side, side, side));
    event->accept();
}

void HeatmapWidget::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton) {
        panning_ = true;
        lastPos_ = event->position().toPoint();
        setCursor(Qt::ClosedHandCursor);
    }
}

void HeatmapWidget::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton) {
        panning_ = false;
        unsetCursor();
    }
}

void HeatmapWidget::mouseDoubleClickEvent(QMouseEvent*)
{
    resetZoom();
}

void HeatmapWidget::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_R || event->key() == Qt::Key_Home)
        resetZoom();
    else
        QWidget::keyPressEvent(event);
}

void HeatmapWidget::mouseMoveEvent(QMouseEvent* event)
{
    if (panning_) {
        const double cell = cellSize();
        const QPointF d = QPointF(event->position().toPoint() - lastPos_) / std::max(cell, 1e-9);
        lastPos_ = event->position().toPoint();
        setVisibleCells(visible_.translated(-d));
        return;
    }
    int a = -1;
    int b = -1;
    if (!cellAt(event->pos(), &a, &b)) {
        if (hoverA_ >= 0) {
            hoverA_ = hoverB_ = -1;
            update();
            Q_EMIT cellHovered(-1, -1, 0.0);
        }
        QToolTip::hideText();
        return;
    }
    if (a != hoverA_ || b != hoverB_) {
        hoverA_ = a;
        hoverB_ = b;
        update();
        const double v = matrix_.at(a, b);
        Q_EMIT cellHovered(a, b, v);
        QToolTip::showText(event->globalPosition().toPoint() + QPoint(14, 10),
                           tr("<b>%1</b> × <b>%2</b><br>JS distance %3")
                               .arg(labels_.value(a).toHtmlEscaped(), labels_.value(b).toHtmlEscaped())
                               .arg(v, 0, 'f', 4),
                           this);
    }
}

void HeatmapWidget::leaveEvent(QEvent*)
{
    hoverA_ = hoverB_ = -1;
    update();
    Q_EMIT cellHovered(-1, -1, 0.0);
}

} // namespace nofade::ui

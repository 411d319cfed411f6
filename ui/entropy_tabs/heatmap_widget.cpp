#include "entropy_tabs/heatmap_widget.h"

#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include "chart_kit/colour_scale.h"

namespace nofade::ui {

HeatmapWidget::HeatmapWidget(QWidget* parent) : QWidget(parent)
{
    setMouseTracking(true);
    setMinimumSize(240, 240);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void HeatmapWidget::setMatrix(DistanceMatrix matrix, QStringList labels, std::vector<int> order, double vmin, double vmax)
{
    matrix_ = std::move(matrix);
    labels_ = std::move(labels);
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
    const int n = matrix_.n;
    if (n == 0 || n > 200)
        return 4;
    int widest = 0;
    for (const QString& l : labels_)
        widest = std::max(widest, fontMetrics().horizontalAdvance(l));
    return std::min(widest + 8, 160);
}

QRect HeatmapWidget::mapRect() const
{
    const int m = labelMargin();
    const int side = std::max(0, std::min(width() - m - 4, height() - m - 4));
    const int left = std::max(m, (width() - side + m) / 2 - m / 2); // centred, labels included
    return QRect(left, m, side, side);
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
    p.drawImage(map, image_);
    const int n = matrix_.n;
    const double cell = double(map.width()) / n;
    // Labels where they fit: every k-th so that they never overlap.
    const int lineHeight = fontMetrics().height();
    const int step = std::max(1, int(std::ceil(lineHeight / std::max(cell, 1e-9))));
    if (labelMargin() > 4) {
        p.setPen(palette().color(QPalette::Text));
        for (int k = 0; k < n; k += step) {
            const QString& label = labels_.value(order_[std::size_t(k)]);
            const int y = map.top() + int(k * cell);
            p.drawText(QRect(map.left() - labelMargin(), y, labelMargin() - 4, int(std::max(cell, double(lineHeight)))), Qt::AlignRight | Qt::AlignVCenter,
                       label);
            p.save();
            p.translate(map.left() + int(k * cell), map.top() - 4);
            p.rotate(-90);
            p.drawText(QRect(0, 0, map.top() - 4, int(std::max(cell, double(lineHeight)))), Qt::AlignLeft | Qt::AlignVCenter, label);
            p.restore();
        }
    }
    if (hoverA_ >= 0) {
        // Outline the hovered row and column.
        int ra = 0;
        int rb = 0;
        for (int k = 0; k < n; ++k) {
            if (order_[std::size_t(k)] == hoverA_)
                ra = k;
            if (order_[std::size_t(k)] == hoverB_)
                rb = k;
        }
        p.setPen(QPen(Qt::white, 1));
        p.setBrush(Qt::NoBrush);
        p.drawRect(QRectF(map.left(), map.top() + ra * cell, map.width(), cell));
        p.drawRect(QRectF(map.left() + rb * cell, map.top(), cell, map.height()));
    }
}

bool HeatmapWidget::cellAt(const QPoint& pos, int* a, int* b) const
{
    const QRect map = mapRect();
    if (matrix_.n == 0 || !map.contains(pos))
        return false;
    const int n = matrix_.n;
    const int r = std::clamp(int(double(pos.y() - map.top()) / map.height() * n), 0, n - 1);
    const int c = std::clamp(int(double(pos.x() - map.left()) / map.width() * n), 0, n - 1);
    *a = order_[std::size_t(r)];
    *b = order_[std::size_t(c)];
    return true;
}

void HeatmapWidget::mouseMoveEvent(QMouseEvent* event)
{
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

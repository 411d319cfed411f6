#include "entropy_tabs/heatmap_figure.h"

#include <algorithm>
#include <cmath>
#include <QFontMetricsF>
#include <QImage>
#include <QPainter>

#include "chart_kit/colour_scale.h"
#include "maths/jensen_shannon.h"
#include "profile/profile.h"

namespace nofade::ui {

DistanceMatrix usableClassDistances(const Profile& profile, const JsdSummary& jsd, double* maxDistance)
{
    const std::vector<int> usable = profile.usableClasses();
    std::vector<int> position(profile.classes.size(), -1);
    for (int i = 0; i < int(usable.size()); ++i)
        position[std::size_t(usable[std::size_t(i)])] = i;
    DistanceMatrix m;
    m.n = int(usable.size());
    m.values.assign(std::size_t(m.n) * std::size_t(m.n), 0.0f);
    double vmax = 0.0;
    for (const JsdPair& pair : jsd.pairs) {
        const int a = position[std::size_t(pair.a)];
        const int b = position[std::size_t(pair.b)];
        if (a < 0 || b < 0)
            continue;
        m.at(a, b) = m.at(b, a) = float(pair.distance);
        vmax = std::max(vmax, pair.distance);
    }
    if (maxDistance)
        *maxDistance = vmax;
    return m;
}

namespace {
constexpr double kPad = 4.0;      // 1/24 in
constexpr double kBarWidth = 10.0;
constexpr int kTicks = 5;

QString tickText(double v) { return QString::number(v, 'f', 2); }
} // namespace

HeatmapFigure::Layout HeatmapFigure::layout(const QRectF& canvas) const
{
    Layout l;
    const QFontMetricsF titleFm(style.font(style.titlePt, true));
    const QFontMetricsF labelFm(style.font(style.labelPt));
    const QFontMetricsF tickFm(style.font(style.tickPt));
    QRectF area = canvas.adjusted(kPad, kPad, -kPad, -kPad);
    if (!title.isEmpty()) {
        l.title = QRectF(area.left(), area.top(), area.width(), titleFm.height());
        area.setTop(l.title.bottom() + kPad);
    }
    double tickWidth = 0.0;
    for (int k = 0; k < kTicks; ++k)
        tickWidth = std::max(tickWidth, tickFm.horizontalAdvance(tickText(vmin + (vmax - vmin) * k / (kTicks - 1))));
    area.setBottom(area.bottom() - std::max(0.0, tickFm.height() / 2.0 - kPad)); // the lowest tick's label
    // Right: bar, ticks, the scale's name turned upwards.
    // The scale's name on two lines when one would not fit beside the bar.
    l.scaleLines = labelFm.horizontalAdvance(scaleTitle) > 0.6 * canvas.height() ? 2 : 1;
    const double right = kBarWidth + 3.0 + tickWidth + kPad + l.scaleLines * labelFm.height();
    area.setRight(area.right() - right - kPad);
    // Class labels on the left and on top when at least one in `step` fits without overlapping.
    const int n = matrix.n;
    double widest = 0.0;
    for (const QString& s : labels)
        widest = std::max(widest, tickFm.horizontalAdvance(s));
    l.labelMargin = std::min(widest + 3.0, 0.3 * canvas.width());
    double side = std::min(area.width() - l.labelMargin, area.height() - l.labelMargin);
    if (n > 0 && side > 0 && labels.size() == n) {
        const double cell = side / n;
        l.labelStep = std::max(1, int(std::ceil(tickFm.height() / cell)));
    } else {
        l.labelMargin = 0.0;
        side = std::min(area.width(), area.height());
    }
    side = std::max(0.0, side);
    l.map = QRectF(area.left() + l.labelMargin, area.top() + l.labelMargin, side, side);
    l.bar = QRectF(l.map.right() + kPad, l.map.top(), kBarWidth, side);
    return l;
}

QRectF HeatmapFigure::mapRect(const QRectF& canvas) const { return layout(canvas).map; }

QRectF HeatmapFigure::barRect(const QRectF& canvas) const { return layout(canvas).bar; }

void HeatmapFigure::paint(QPainter* p, const QRectF& canvas) const
{
    const Layout l = layout(canvas);
    p->save();
    p->fillRect(canvas, Qt::white);
    const QColor ink = Qt::black;
    p->setPen(ink);
    if (!l.title.isEmpty()) {
        p->setFont(style.font(style.titlePt, true));
        p->drawText(l.title, Qt::AlignHCenter | Qt::AlignVCenter, title);
    }
    const int n = matrix.n;
    const double span = vmax > vmin ? vmax - vmin : 1.0;
    auto colourOf = [&](double v) { return ColourScale::rgbAt((v - vmin) / span); };
    if (n > 0 && l.map.width() > 0) {
        const double cell = l.map.width() / n;
        // Exact colours: no antialiasing between cells, no resampling of an image.
        p->setRenderHint(QPainter::Antialiasing, false);
        if (n <= kMaxVectorClasses) {
            p->setPen(Qt::NoPen);
            for (int r = 0; r < n; ++r)
                for (int c = 0; c < n; ++c) {
                    // Each cell overlaps its right and lower neighbours by a hair: no seams.
                    const QRectF rect(l.map.left() + c * cell, l.map.top() + r * cell, cell + (c + 1 < n ? 0.25 : 0.0),
                                      cell + (r + 1 < n ? 0.25 : 0.0));
                    p->fillRect(rect, QColor::fromRgb(colourOf(matrix.at(order[std::size_t(r)], order[std::size_t(c)]))));
                }
        } else {
            QImage image(n, n, QImage::Format_RGB32);
            for (int r = 0; r < n; ++r) {
                auto* line = reinterpret_cast<QRgb*>(image.scanLine(r));
                for (int c = 0; c < n; ++c)
                    line[c] = colourOf(matrix.at(order[std::size_t(r)], order[std::size_t(c)]));
            }
            p->setRenderHint(QPainter::SmoothPixmapTransform, false);
            p->setRenderHint(QPainter::LosslessImageRendering, true);
            p->drawImage(l.map, image);
        }
        if (l.labelStep > 0) {
            p->setFont(style.font(style.tickPt));
            p->setPen(ink);
            const QFontMetricsF fm(p->font());
            const double h = std::max(cell, fm.height());
            for (int k = 0; k < n; k += l.labelStep) {
                const QString text = fm.elidedText(labels.value(order[std::size_t(k)]), Qt::ElideRight, l.labelMargin - 3.0);
                const double centre = k * cell + cell / 2.0;
                p->drawText(QRectF(l.map.left() - l.labelMargin, l.map.top() + centre - h / 2.0, l.labelMargin - 3.0, h),
                            Qt::AlignRight | Qt::AlignVCenter, text);
                p->save();
                p->translate(l.map.left() + centre - h / 2.0, l.map.top() - 3.0);
                p->rotate(-90);
                p->drawText(QRectF(0, 0, l.labelMargin - 3.0, h), Qt::AlignLeft | Qt::AlignVCenter, text);
                p->restore();
            }
        }
    }
    // The colour bar: the same colours as the cells, 256 steps from vmin (bottom) to vmax.
    if (l.bar.height() > 0) {
        p->setRenderHint(QPainter::Antialiasing, false);
        p->setPen(Qt::NoPen);
        constexpr int steps = 256;
        const double h = l.bar.height() / steps;
        for (int i = 0; i < steps; ++i)
            p->fillRect(QRectF(l.bar.left(), l.bar.bottom() - (i + 1) * h, l.bar.width(), h + (i + 1 < steps ? 0.25 : 0.0)),
                        QColor::fromRgb(ColourScale::rgbAt(double(i) / (steps - 1))));
        p->setRenderHint(QPainter::Antialiasing, true);
        p->setFont(style.font(style.tickPt));
        const QFontMetricsF fm(p->font());
        p->setPen(QPen(ink, 0.6));
        double tickRight = l.bar.right();
        for (int k = 0; k < kTicks; ++k) {
            const double f = double(k) / (kTicks - 1);
            const double y = l.bar.bottom() - f * l.bar.height();
            p->drawLine(QPointF(l.bar.right(), y), QPointF(l.bar.right() + 2.5, y));
            const QString text = tickText(vmin + f * (vmax - vmin));
            const QRectF box(l.bar.right() + 3.0, y - fm.height() / 2.0, fm.horizontalAdvance(text) + 1.0, fm.height());
            p->drawText(box, Qt::AlignLeft | Qt::AlignVCenter, text);
            tickRight = std::max(tickRight, box.right());
        }
        p->setFont(style.font(style.labelPt));
        const QFontMetricsF lfm(p->font());
        p->save();
        p->translate(tickRight + kPad, l.bar.bottom());
        p->rotate(-90);
        p->drawText(QRectF(0, 0, l.bar.height(), l.scaleLines * lfm.height()), Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap,
                    scaleTitle);
        p->restore();
    }
    p->restore();
}

} // namespace nofade::ui

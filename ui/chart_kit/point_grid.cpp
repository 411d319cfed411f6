#include "chart_kit/point_grid.h"

#include <algorithm>
#include <cmath>

namespace nofade::ui {

int PointGrid::cellOf(float v, float origin, int cells) const
{
    return std::clamp(int(std::floor((v - origin) / cell_)), 0, cells - 1);
}

void PointGrid::clear()
{
    cols_ = rows_ = 0;
    start_.clear();
    items_.clear();
}

void PointGrid::build(const std::vector<float>& x, const std::vector<float>& y, const QRectF& area, float cell)
{
    clear();
    if (area.isEmpty() || !(cell > 0.0f))
        return;
    area_ = area;
    cell_ = cell;
    cols_ = std::max(1, int(std::ceil(area.width() / cell)));
    rows_ = std::max(1, int(std::ceil(area.height() / cell)));
    const float left = float(area.left());
    const float top = float(area.top());
    const std::size_t n = std::min(x.size(), y.size());
    // Counting sort by cell: count, prefix sums, then place (indices stay ascending per cell).
    std::vector<int> cellOfPoint(n, -1);
    start_.assign(std::size_t(cols_) * std::size_t(rows_) + 1, 0);
    for (std::size_t i = 0; i < n; ++i) {
        if (std::isnan(x[i]) || std::isnan(y[i]) || !area.contains(QPointF(x[i], y[i])))
            continue;
        const int c = cellOf(y[i], top, rows_) * cols_ + cellOf(x[i], left, cols_);
        cellOfPoint[i] = c;
        ++start_[std::size_t(c) + 1];
    }
    for (std::size_t c = 1; c < start_.size(); ++c)
        start_[c] += start_[c - 1];
    items_.resize(std::size_t(start_.back()));
    std::vector<int> fill(start_.begin(), start_.end() - 1);
    for (std::size_t i = 0; i < n; ++i)
        if (cellOfPoint[i] >= 0)
            items_[std::size_t(fill[std::size_t(cellOfPoint[i])]++)] = int(i);
}

int PointGrid::nearest(const std::vector<float>& xs, const std::vector<float>& ys, float x, float y, float radius) const
{
    if (items_.empty() || std::isnan(x) || std::isnan(y))
        return -1;
    const float left = float(area_.left());
    const float top = float(area_.top());
    // Cells that the disc of `radius` around (x, y) can touch (clamped: a cursor just outside the
    // area still finds a point on its edge).
    const int c0 = cellOf(x - radius, left, cols_), c1 = cellOf(x + radius, left, cols_);
    const int r0 = cellOf(y - radius, top, rows_), r1 = cellOf(y + radius, top, rows_);
    int best = -1;
    float bestD2 = radius * radius;
    for (int r = r0; r <= r1; ++r)
        for (int c = c0; c <= c1; ++c) {
            const std::size_t cell = std::size_t(r) * std::size_t(cols_) + std::size_t(c);
            for (int k = start_[cell]; k < start_[cell + 1]; ++k) {
                const int i = items_[std::size_t(k)];
                const float dx = xs[std::size_t(i)] - x, dy = ys[std::size_t(i)] - y;
                const float d2 = dx * dx + dy * dy;
                if (d2 < bestD2 || (d2 == bestD2 && i > best)) {
                    bestD2 = d2;
                    best = i;
                }
            }
        }
    return best;
}

} // namespace nofade::ui

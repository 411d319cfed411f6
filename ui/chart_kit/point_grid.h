#pragma once
// A uniform grid (spatial hash) over points in pixels, so that "which point is under the mouse"
// looks at the few points of the cells around the cursor instead of every point. Built in one
// counting-sort pass; the cells hold point indices in ascending order. Pure, no Qt Widgets.
#include <vector>
#include <QRectF>

namespace nofade::ui {

class PointGrid {
public:
    // Points with a NaN coordinate, or outside `area`, are left out. `cell` is the cell side in
    // the points' unit (pixels); a lookup radius up to a cell visits at most 3 x 3 cells.
    void build(const std::vector<float>& x, const std::vector<float>& y, const QRectF& area, float cell);
    void clear();
    bool isEmpty() const { return items_.empty(); }

    // The point nearest (x, y) within `radius`, or -1. Of equally near points the one with the
    // higher index wins: it is drawn later, on top.
    int nearest(const std::vector<float>& xs, const std::vector<float>& ys, float x, float y, float radius) const;

private:
    int cellOf(float v, float origin, int cells) const;

    QRectF area_;
    float cell_ = 1.0f;
    int cols_ = 0;
    int rows_ = 0;
    std::vector<int> start_; // cols_ * rows_ + 1 offsets into items_
    std::vector<int> items_; // point indices, cell by cell
};

} // namespace nofade::ui

#pragma once
// The parallel coordinates of the Complexity tab as a chart, for the figure export: one category
// per measure, each normalised to the range of its values and intervals (0 at the lowest, 1 at the
// highest), one line per dataset in its colour; a layer draws each interval as a bar with caps and
// each axis's real lowest and highest value at its ends.
#include <vector>
#include <QChart>

#include "complexity/measure_rows.h"

namespace nofade::ui {

class MeasureParallelChart : public QChart {
    Q_OBJECT
public:
    explicit MeasureParallelChart(QGraphicsItem* parent = nullptr);
    // Rows and axes as measureRows() and measureAxes() give them; `markerPx` the points' size.
    void setRows(std::vector<MeasureRow> rows, double markerPx = 7.0);

    const std::vector<MeasureRow>& rows() const { return rows_; }
    const std::vector<MeasureAxis>& measureAxes() const { return axes_; }

private:
    std::vector<MeasureRow> rows_;
    std::vector<MeasureAxis> axes_;
};

} // namespace nofade::ui

#pragma once
// Parallel coordinates of the datasets' complexity measures: one vertical axis per measure,
// normalised to the range of the values and intervals shown on it (its ends labelled with the
// real numbers), one line per dataset in its colour, each interval a bar with caps. Painted,
// so that a grab is the figure.
#include <optional>
#include <vector>
#include <QWidget>

#include "complexity/measure_rows.h"

namespace nofade::ui {

class MeasureParallelWidget : public QWidget {
    Q_OBJECT
public:
    explicit MeasureParallelWidget(QWidget* parent = nullptr);
    void setRows(std::vector<MeasureRow> rows);

    // The columns drawn (measures with a value for at least one dataset), and where a value sits
    // on its axis: 0 at the bottom, 1 at the top; nullopt when the dataset has none.
    QStringList axes() const;
    std::optional<double> position(int row, const QString& column) const;

    QSize sizeHint() const override { return {720, 200}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    using Axis = MeasureAxis;
    static double normalise(const Axis& axis, double v) { return axis.normalise(v); }

    std::vector<MeasureRow> rows_;
    std::vector<Axis> axes_;
};

} // namespace nofade::ui

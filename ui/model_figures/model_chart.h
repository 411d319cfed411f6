#pragma once
// The base of the model charts (saturation curves, NoFADE scatter): a QChart whose points are
// models, named by their table row (ModelResult::row), drawn against training CO2 on a log axis.
// The selection is an overlay series and a set of labels that change without rebuilding the
// chart; hit testing finds the model under a click or inside a drag rectangle.
#include <QChart>
#include <QHash>
#include <QSet>

#include "export/figure_style.h"
#include "models/report.h"

class QGraphicsPathItem;
class QGraphicsSimpleTextItem;
class QGraphicsTextItem;
class QLogValueAxis;
class QScatterSeries;
class QValueAxis;

namespace nofade::ui {

class ModelChart : public QChart {
    Q_OBJECT
public:
    ModelChart(const Report& report, const FigureStyle& style, QGraphicsItem* parent = nullptr);

    const Report& report() const { return report_; }
    const FigureStyle& style() const { return style_; }
    // The models drawn: row -> (CO2 kg, y).
    const QHash<int, QPointF>& points() const { return points_; }
    int pointCount() const { return int(points_.size()); }
    // The footer under the plot: the fit's numbers (stats) and why something is not drawn (note,
    // e.g. too few models to fit). Below the axis, so it never hides a point.
    QString note() const { return noteText_; }
    QString stats() const { return statsText_; }
    // Leaves the footer out of the drawing (a figure at print size whose notes would crowd out the
    // plot: they go to the figure's caption); note() and stats() still say it.
    void setFooterVisible(bool visible);

    // Error bars: each drawn model's 90% CO2 interval (ModelResult::co2Spread) as a horizontal
    // bar through its point; off by default. errorBar() is the interval drawn for a row.
    void setErrorBarsVisible(bool visible);
    bool errorBarsVisible() const { return errorBarsVisible_; }
    std::optional<QPair<double, double>> errorBar(int row) const;
    int errorBarCount() const { return int(intervals_.size()); }

    // Highlights these rows (those drawn here); restyles only the overlay and the labels.
    void setSelectedRows(const QSet<int>& rows);
    const QSet<int>& selectedRows() const { return selected_; }
    QScatterSeries* selectionSeries() const { return selectionSeries_; }
    // Rows whose name is written next to their point (the selection and extremes).
    QStringList labelTexts() const;

    // The row whose point is nearest `chartPos` (chart coordinates) within `radius` px, or -1.
    int rowAt(const QPointF& chartPos, double radius = 8.0) const;
    // The rows whose points lie inside `chartRect` (chart coordinates).
    QSet<int> rowsIn(const QRectF& chartRect) const;
    virtual QString tooltip(int row) const = 0;

    // Value ranges, QRectF(QPointF(x0, y0), QPointF(x1, y1)), x in kg CO2.
    QRectF homeRange() const { return home_; }
    QRectF currentRange() const;
    void setRange(const QRectF& range);
    // Where a value (CO2 kg, y) is drawn, in chart coordinates.
    QPointF positionOf(const QPointF& value) const;

protected:
    // Subclasses: add their series with addModelSeries()/addLineSeries(), record points with
    // addPoint(), then call finish().
    QScatterSeries* addScatter(const QString& name, const QColor& colour, bool hollow);
    void attach(QAbstractSeries* series);
    void addPoint(int row, const QPointF& value, QScatterSeries* series);
    void setNote(const QString& text);
    void setStats(const QString& text);
    // Rows labelled whether or not they are selected (e.g. the extremes of the NoFADE chart).
    void setAlwaysLabelled(const QSet<int>& rows) { alwaysLabelled_ = rows; }
    // Computes the home range (including `extraY` values, e.g. y_max), adds the selection
    // overlay on top and applies the style's fonts.
    void finish(const QString& yTitle, const QList<double>& extraY = {});
    void resizeEvent(QGraphicsSceneResizeEvent* event) override;

    QLogValueAxis* x_;
    QValueAxis* y_;

private:
    // Rings the points of measured rows (the user's runs) and adds their legend entry.
    void addMeasuredKey();
    // A click on a legend entry hides or shows every series of that name (a group's filled and
    // hollow points); the entry stays, dimmed, to be clicked back.
    void toggleSeries(class QLegendMarker* marker);
    void placeLabels();
    void fitLogTicks();
    void placeFooter();
    void placeErrorBars();

    Report report_;
    FigureStyle style_;
    QHash<int, QPointF> points_;
    QSet<int> selected_;
    QSet<int> alwaysLabelled_;
    QScatterSeries* selectionSeries_ = nullptr;
    QHash<int, QGraphicsSimpleTextItem*> labels_;
    QGraphicsTextItem* footer_ = nullptr;
    QHash<int, QPair<double, double>> intervals_; // row -> CO2 kg p05, p95
    QGraphicsPathItem* errorBars_ = nullptr;
    bool errorBarsVisible_ = false;
    QString noteText_;
    QString statsText_;
    bool footerShown_ = true;
    QRectF home_;
};

} // namespace nofade::ui

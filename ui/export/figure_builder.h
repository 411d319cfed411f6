#pragma once
// One export path for every chart kind: the figures a FigureInputs can draw (figureSpecs), each
// built as fresh charts or a painted figure (buildFigure), written as PNG, SVG or PDF at a size in
// inches, with the plotted data as CSV.
#include <memory>
#include <vector>
#include <QByteArray>
#include <QChart>
#include <QStringList>

#include "export/figure_inputs.h"
#include "export/figure_renderer.h"
#include "export/figure_spec.h"
#include "export/figure_style.h"

namespace nofade::ui {

struct HeatmapFigure;

struct BuiltFigure {
    std::vector<std::unique_ptr<QChart>> charts; // a grid of `columns` (0: gridColumns())
    int columns = 0;
    std::shared_ptr<HeatmapFigure> heatmap;      // a painted figure instead of charts
    QByteArray csv;                              // the plotted data
    QString error;                               // set when the spec cannot be drawn

    // PNG, SVG or PDF by extension; false with `error` naming the file and the reason.
    bool write(const FigureSize& size, const QString& file, QString* error) const;
};

// The figures of `kinds` (kindNames(); empty: all) that `inputs` can draw, in a stable order, with
// file base names "<kind>[-<dataset>]". `skipped` gets a line for each one left out and why.
// Small multiples get as many panels per file as fit `size` (about 1.15 × 1.5 in each); more
// classes go into further files ("-2", "-3", ...).
std::vector<FigureSpec> figureSpecs(const FigureInputs& inputs, const QStringList& kinds, const FigureSize& size,
                                    QStringList* skipped);

BuiltFigure buildFigure(const FigureSpec& spec, const FigureInputs& inputs, const FigureStyle& style);

// False when a chart's printed title, legend and notes (publication style) would take more than
// 40 % of its height at `size`: the plot would be too small to read (lays the figure out to find out).
bool legendFits(const BuiltFigure& figure, const FigureSize& size);

// Panels of small multiples that fit a figure: columns × rows.
QSize smallMultiplesGrid(const FigureSize& size);

} // namespace nofade::ui

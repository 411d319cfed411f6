#pragma once
// "Export All Figures": every figure of a report (figure_spec.h allFigures) as PNG, SVG and PDF
// into one folder, with the data as CSV (report.csv), the full report as JSON (report.json) and
// the settings as JSON (settings.json: the report's CO2/NoFADE settings and the figure style,
// size and DPI). Used by the GUI and by the headless `nofade --export-figures DIR`.
#include <QSet>
#include <QStringList>

#include "export/figure_renderer.h"
#include "export/figure_style.h"
#include "model_figures/saturation_chart.h"
#include "models/report.h"

namespace nofade::ui {

struct FolderExport {
    FigureStyle style;
    FigureSize size;
    ColourBy colourBy = ColourBy::Family;
    QSet<int> selected;

    QStringList written; // file names, in the order written
    QStringList skipped; // figures left out, and why

    // False with `error` naming the file and the reason; files written before stay.
    bool run(const Report& report, const QString& directory, QString* error);
};

} // namespace nofade::ui

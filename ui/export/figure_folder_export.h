#pragma once
// "Export All Figures": every figure of the inputs (figure_builder.h figureSpecs), or those of the
// kinds asked for, as PNG, SVG and PDF into one folder, each with its plotted data (<name>.csv);
// with a model table also the report's data (report.csv), the full report (report.json); and the
// settings (settings.json: the report's CO2/NoFADE settings, the figure style, size and DPI, and
// which files each figure wrote). Used by the GUI and by the headless `nofade --export-figures DIR`.
#include <QSet>
#include <QStringList>

#include "export/figure_inputs.h"
#include "export/figure_renderer.h"
#include "export/figure_style.h"
#include "models/report.h"

namespace nofade::ui {

struct FolderExport {
    FigureStyle style;
    FigureSize size;
    ColourBy colourBy = ColourBy::Family;
    QSet<int> selected;
    QStringList kinds;                       // kindNames() to write; empty: all
    QStringList formats{QStringLiteral("png"), QStringLiteral("svg"), QStringLiteral("pdf")};

    QStringList written; // file names, in the order written
    QStringList skipped; // figures left out, and why

    // False with `error` naming the file and the reason; files written before stay.
    bool run(FigureInputs inputs, const QString& directory, QString* error);
    // The model figures of a report only.
    bool run(const Report& report, const QString& directory, QString* error);
};

} // namespace nofade::ui

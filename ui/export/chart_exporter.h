#pragma once
// Renders a view (a chart view, a heatmap, any widget) to PNG (at a DPI), SVG or PDF, chosen by
// the file's extension. Hover decorations are not part of the rendering.
#include <QString>

class QWidget;

namespace nofade::ui {

class ChartExporter {
public:
    // Returns false with `error` naming the file and the reason.
    static bool exportWidget(QWidget* widget, const QString& file, QString* error, int dpi = 200);
    static QString fileFilter();
};

} // namespace nofade::ui

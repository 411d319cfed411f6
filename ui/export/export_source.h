#pragma once
// Implemented by the chart tabs: the widget that Export (Ctrl+E) renders, and a default file name.
// A tab that can draw itself as a figure (a size in inches, a DPI, a style) says so and exports
// through the figure export dialog instead of a screen-size grab.
class QWidget;
class QString;

namespace nofade::ui {

struct FigureSize;
struct FigureStyle;

class ExportSource {
public:
    virtual ~ExportSource() = default;
    virtual QWidget* exportWidget() const = 0;
    virtual QString exportBaseName() const = 0;

    virtual bool hasFigureExport() const { return false; }
    // PNG, SVG or PDF by the file's extension; false with `error` naming the file and the reason.
    virtual bool exportFigure(const QString& /*file*/, const FigureSize& /*size*/, const FigureStyle& /*style*/,
                              QString* /*error*/) const
    {
        return false;
    }
};

} // namespace nofade::ui

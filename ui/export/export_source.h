#pragma once
// Implemented by the chart tabs: the widget that Export (Ctrl+E) renders, and a default file name.
class QWidget;
class QString;

namespace nofade::ui {

class ExportSource {
public:
    virtual ~ExportSource() = default;
    virtual QWidget* exportWidget() const = 0;
    virtual QString exportBaseName() const = 0;
};

} // namespace nofade::ui

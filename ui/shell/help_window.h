#pragma once
// A help document (the user guide, the quick reference) in its own window. It belongs to the main
// window, so quitting closes it too, and Esc or Ctrl+W close it like any viewer.
#include <QTextBrowser>

namespace nofade::ui {

class HelpWindow : public QTextBrowser {
    Q_OBJECT
public:
    HelpWindow(const QString& title, const QUrl& source, QTextDocument::ResourceType type, QWidget* owner);
};

} // namespace nofade::ui

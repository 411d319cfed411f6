#include "shell/help_window.h"

#include <QShortcut>

namespace nofade::ui {

HelpWindow::HelpWindow(const QString& title, const QUrl& source, QTextDocument::ResourceType type, QWidget* owner)
    : QTextBrowser(owner)
{
    setObjectName(QStringLiteral("helpWindow"));
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowFlag(Qt::Window);
    setWindowTitle(title);
    setOpenExternalLinks(true);
    setSource(source, type);
    for (const QKeySequence& key : {QKeySequence(Qt::Key_Escape), QKeySequence(QKeySequence::Close)})
        connect(new QShortcut(key, this), &QShortcut::activated, this, &QWidget::close);
}

} // namespace nofade::ui

#pragma once
// The actions of the panels (datasets, models): text, optional shortcut, and a tooltip that names
// the shortcut, so that toolbar buttons teach the keys.
#include <QAction>
#include <QKeySequence>

namespace nofade::ui {

template <typename Slot>
QAction* makePanelAction(QObject* owner, const QString& text, const QKeySequence& key, const QString& tip, Slot slot)
{
    auto* a = new QAction(text, owner);
    if (!key.isEmpty())
        a->setShortcut(key);
    a->setToolTip(tip + (key.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(key.toString(QKeySequence::NativeText))));
    a->setStatusTip(tip);
    QObject::connect(a, &QAction::triggered, owner, slot);
    return a;
}

} // namespace nofade::ui

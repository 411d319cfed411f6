#include "first_paint_probe.h"

#include <cstdio>
#include <QCoreApplication>
#include <QEvent>
#include <QTimer>
#include <QWidget>
#include <QWindow>

namespace nofade::ui {

namespace {

// A widget window paints while it handles its first Expose event; the next turn of the event
// loop therefore comes after the first complete paint.
class ExposeWatcher : public QObject {
public:
    using QObject::QObject;
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        auto* window = qobject_cast<QWindow*>(watched);
        if (!done_ && event->type() == QEvent::Expose && window && window->isExposed()) {
            done_ = true;
            QTimer::singleShot(0, qApp, [] {
                std::fputs("first-paint\n", stdout);
                std::fflush(stdout);
                QCoreApplication::quit();
            });
        }
        return false;
    }

private:
    bool done_ = false;
};

} // namespace

void quitAfterFirstPaint(QWidget* window)
{
    window->winId(); // creates the native window, so that its QWindow exists before show()
    window->windowHandle()->installEventFilter(new ExposeWatcher(window));
}

} // namespace nofade::ui

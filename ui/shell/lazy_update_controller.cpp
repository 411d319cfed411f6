#include "shell/lazy_update_controller.h"

#include <QEvent>
#include <QWidget>

namespace nofade::ui {

LazyUpdateController::LazyUpdateController(QWidget* widget, std::function<void()> update)
    : QObject(widget), widget_(widget), update_(std::move(update))
{
    widget_->installEventFilter(this);
}

void LazyUpdateController::request()
{
    if (widget_->isVisible()) {
        pending_ = false;
        update_();
    } else {
        pending_ = true;
    }
}

bool LazyUpdateController::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == widget_ && event->type() == QEvent::Show && pending_) {
        pending_ = false;
        update_();
    }
    return QObject::eventFilter(watched, event);
}

} // namespace nofade::ui

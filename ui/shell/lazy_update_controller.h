#pragma once
// Defers a view's rebuild while the view is hidden (a background tab, a closed dock): request()
// runs the update at once when the widget is visible, otherwise when it is next shown. Keeps the
// GUI thread free when a scan result arrives for views nobody is looking at.
#include <functional>
#include <QObject>

class QWidget;

namespace nofade::ui {

class LazyUpdateController : public QObject {
    Q_OBJECT
public:
    LazyUpdateController(QWidget* widget, std::function<void()> update);
    void request();
    bool isPending() const { return pending_; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QWidget* widget_;
    std::function<void()> update_;
    bool pending_ = false;
};

} // namespace nofade::ui

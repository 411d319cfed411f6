#include "shell/presentation_controller.h"

#include <QAbstractAxis>
#include <QApplication>
#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QDockWidget>
#include <QGraphicsScene>
#include <QLegend>
#include <QMainWindow>
#include <QScreen>
#include <QStyle>
#include <QXYSeries>

namespace nofade::ui {

namespace {

QFont scaled(QFont font, double by)
{
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * by);
    else
        font.setPixelSize(int(font.pixelSize() * by));
    return font;
}

// Each enlarged object remembers its own look in two properties: the value it had ("base") and the
// value it was given ("shown"). When the object's owner has set another value since (a rebuild),
// that value is the new base. So enlarging twice changes nothing, and restoring gives back what
// the owner last set.
constexpr const char* kBase = "nofadePresentationBase";
constexpr const char* kShown = "nofadePresentationShown";

template <typename Get, typename Set>
void enlargeFont(QObject* o, const char* key, Get get, Set set)
{
    const QByteArray base = QByteArray(kBase) + key;
    const QByteArray shown = QByteArray(kShown) + key;
    const QFont now = get();
    if (o->property(shown).isValid() && o->property(shown).value<QFont>() == now)
        return; // already enlarged
    o->setProperty(base, now);
    const QFont big = scaled(now, PresentationController::kFontScale);
    set(big);
    o->setProperty(shown, get());
}

template <typename Get, typename Set>
void restoreFont(QObject* o, const char* key, Get get, Set set)
{
    const QByteArray base = QByteArray(kBase) + key;
    const QByteArray shown = QByteArray(kShown) + key;
    if (o->property(shown).isValid() && o->property(shown).value<QFont>() == get())
        set(o->property(base).value<QFont>());
    o->setProperty(base, QVariant());
    o->setProperty(shown, QVariant());
}

template <typename Get, typename Set>
void enlargePen(QObject* o, Get get, Set set)
{
    const QVariant shown = o->property(kShown);
    if (shown.isValid() && shown.toDouble() == get().widthF())
        return; // already enlarged
    o->setProperty(kBase, get().widthF());
    QPen pen = get();
    pen.setWidthF(std::max(1.0, pen.widthF()) * PresentationController::kPenScale);
    set(pen);
    o->setProperty(kShown, get().widthF());
}

template <typename Get, typename Set>
void restorePen(QObject* o, Get get, Set set)
{
    if (!o->property(kShown).isValid())
        return;
    if (o->property(kShown).toDouble() == get().widthF()) {
        QPen pen = get();
        pen.setWidthF(o->property(kBase).toDouble());
        set(pen);
    }
    o->setProperty(kBase, QVariant());
    o->setProperty(kShown, QVariant());
}

} // namespace

PresentationController::PresentationController(QMainWindow* window) : QObject(window), window_(window)
{
    pending_.setSingleShot(true);
    pending_.setInterval(0);
    connect(&pending_, &QTimer::timeout, this, [this] {
        if (on_)
            enlargeCharts();
    });
}

void PresentationController::enlarge(QChart* chart)
{
    enlargeFont(chart, "title", [chart] { return chart->titleFont(); }, [chart](const QFont& f) { chart->setTitleFont(f); });
    QLegend* legend = chart->legend();
    enlargeFont(legend, "legend", [legend] { return legend->font(); }, [legend](const QFont& f) { legend->setFont(f); });
    for (QAbstractAxis* axis : chart->axes()) {
        enlargeFont(axis, "labels", [axis] { return axis->labelsFont(); }, [axis](const QFont& f) { axis->setLabelsFont(f); });
        enlargeFont(axis, "title", [axis] { return axis->titleFont(); }, [axis](const QFont& f) { axis->setTitleFont(f); });
    }
    for (QAbstractSeries* series : chart->series()) {
        if (auto* xy = qobject_cast<QXYSeries*>(series))
            enlargePen(xy, [xy] { return xy->pen(); }, [xy](const QPen& p) { xy->setPen(p); });
        else if (auto* area = qobject_cast<QAreaSeries*>(series))
            enlargePen(area, [area] { return area->pen(); }, [area](const QPen& p) { area->setPen(p); });
    }
}

void PresentationController::restore(QChart* chart)
{
    restoreFont(chart, "title", [chart] { return chart->titleFont(); }, [chart](const QFont& f) { chart->setTitleFont(f); });
    QLegend* legend = chart->legend();
    restoreFont(legend, "legend", [legend] { return legend->font(); }, [legend](const QFont& f) { legend->setFont(f); });
    for (QAbstractAxis* axis : chart->axes()) {
        restoreFont(axis, "labels", [axis] { return axis->labelsFont(); }, [axis](const QFont& f) { axis->setLabelsFont(f); });
        restoreFont(axis, "title", [axis] { return axis->titleFont(); }, [axis](const QFont& f) { axis->setTitleFont(f); });
    }
    for (QAbstractSeries* series : chart->series()) {
        if (auto* xy = qobject_cast<QXYSeries*>(series))
            restorePen(xy, [xy] { return xy->pen(); }, [xy](const QPen& p) { xy->setPen(p); });
        else if (auto* area = qobject_cast<QAreaSeries*>(series))
            restorePen(area, [area] { return area->pen(); }, [area](const QPen& p) { area->setPen(p); });
    }
}

void PresentationController::setOn(bool on)
{
    if (on == on_)
        return;
    on_ = on;
    if (on) {
        appFont_ = QApplication::font();
        QApplication::setFont(scaled(appFont_, kFontScale));
        restyle();
        wasMaximised_ = window_->isMaximized();
        normalGeometry_ = window_->geometry();
        hiddenDocks_.clear();
        for (QDockWidget* dock : window_->findChildren<QDockWidget*>())
            if (dock->isVisible()) {
                hiddenDocks_.emplace_back(dock);
                dock->hide();
            }
        // The screen's size first: without a window manager (a bare X server) full screen is only a request.
        if (const QScreen* where = window_->screen())
            window_->setGeometry(where->geometry());
        window_->showFullScreen();
        enlargeCharts();
        // Charts rebuilt or shown later (another tab, another dataset) get the same look.
        qApp->installEventFilter(this);
    } else {
        qApp->removeEventFilter(this);
        pending_.stop();
        restoreCharts();
        QApplication::setFont(appFont_);
        restyle();
        for (const QPointer<QWidget>& dock : hiddenDocks_)
            if (dock)
                dock->show();
        hiddenDocks_.clear();
        if (wasMaximised_) {
            window_->showMaximized();
        } else {
            window_->showNormal();
            window_->setGeometry(normalGeometry_);
        }
    }
}

bool PresentationController::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::Show && qobject_cast<QChartView*>(watched))
        pending_.start();
    return QObject::eventFilter(watched, event);
}

void PresentationController::restyle()
{
    for (QWidget* w : window_->findChildren<QWidget*>())
        if (!w->styleSheet().isEmpty())
            w->setStyleSheet(w->styleSheet());
}

void PresentationController::enlargeCharts()
{
    for (QChartView* view : window_->findChildren<QChartView*>()) {
        QChart* chart = view->chart();
        if (!chart)
            continue;
        enlarge(chart);
        // A chart whose series or axes are replaced draws again: enlarge what is new.
        if (view->scene() && !view->scene()->property(kShown).toBool()) {
            view->scene()->setProperty(kShown, true);
            connect(view->scene(), &QGraphicsScene::changed, this, [this] {
                if (on_ && !pending_.isActive())
                    pending_.start();
            });
        }
    }
}

void PresentationController::restoreCharts()
{
    for (QChartView* view : window_->findChildren<QChartView*>())
        if (view->chart())
            restore(view->chart());
}

} // namespace nofade::ui

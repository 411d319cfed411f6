#include "shell/presentation_controller.h"

#include <QAbstractAxis>
#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QDockWidget>
#include <QLegend>
#include <QMainWindow>
#include <QXYSeries>

namespace nofade::ui {

namespace {

constexpr double kFontScale = 1.6;
constexpr double kPenScale = 2.5;

QFont scaled(QFont font, double by)
{
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * by);
    else
        font.setPixelSize(int(font.pixelSize() * by));
    return font;
}

} // namespace

PresentationController::PresentationController(QMainWindow* window) : QObject(window), window_(window) {}

void PresentationController::setOn(bool on)
{
    if (on == on_)
        return;
    on_ = on;
    if (on) {
        appFont_ = QApplication::font();
        QApplication::setFont(scaled(appFont_, kFontScale));
        wasMaximised_ = window_->isMaximized();
        hiddenDocks_.clear();
        for (QDockWidget* dock : window_->findChildren<QDockWidget*>())
            if (dock->isVisible()) {
                hiddenDocks_.emplace_back(dock);
                dock->hide();
            }
        window_->showFullScreen();
        enlargeCharts();
    } else {
        restoreCharts();
        QApplication::setFont(appFont_);
        for (const QPointer<QWidget>& dock : hiddenDocks_)
            if (dock)
                dock->show();
        hiddenDocks_.clear();
        if (wasMaximised_)
            window_->showMaximized();
        else
            window_->showNormal();
    }
}

void PresentationController::enlargeCharts()
{
    looks_.clear();
    for (QChartView* view : window_->findChildren<QChartView*>()) {
        QChart* chart = view->chart();
        if (!chart)
            continue;
        ChartLook look{chart, chart->titleFont(), chart->legend()->font(), {}, {}};
        chart->setTitleFont(scaled(look.title, kFontScale));
        chart->legend()->setFont(scaled(look.legend, kFontScale));
        for (QAbstractAxis* axis : chart->axes()) {
            look.axisLabels.insert(axis, axis->labelsFont());
            axis->setLabelsFont(scaled(axis->labelsFont(), kFontScale));
        }
        for (QAbstractSeries* series : chart->series())
            if (auto* xy = qobject_cast<QXYSeries*>(series)) {
                look.penWidths.insert(xy, xy->pen().widthF());
                QPen pen = xy->pen();
                pen.setWidthF(std::max(1.0, pen.widthF()) * kPenScale);
                xy->setPen(pen);
            }
        looks_.push_back(std::move(look));
    }
}

void PresentationController::restoreCharts()
{
    for (const ChartLook& look : looks_) {
        if (!look.chart)
            continue; // rebuilt or closed meanwhile: nothing to restore
        look.chart->setTitleFont(look.title);
        look.chart->legend()->setFont(look.legend);
        for (QAbstractAxis* axis : look.chart->axes())
            if (look.axisLabels.contains(axis))
                axis->setLabelsFont(look.axisLabels.value(axis));
        for (QAbstractSeries* series : look.chart->series())
            if (auto* xy = qobject_cast<QXYSeries*>(series); xy && look.penWidths.contains(xy)) {
                QPen pen = xy->pen();
                pen.setWidthF(look.penWidths.value(xy));
                xy->setPen(pen);
            }
    }
    looks_.clear();
}

} // namespace nofade::ui

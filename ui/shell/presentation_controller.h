#pragma once
// Presentation mode for lectures (View > Presentation Mode, F11): the window goes full screen with
// the charts alone (the docks step aside), the type grows by half and more, and every chart gets
// larger labels and thicker lines, so that the back row can read them. Turning it off restores
// exactly what was there.
#include <QFont>
#include <QHash>
#include <QObject>
#include <QPointer>

class QChart;
class QMainWindow;

namespace nofade::ui {

class PresentationController : public QObject {
    Q_OBJECT
public:
    explicit PresentationController(QMainWindow* window);

    bool isOn() const { return on_; }
    void setOn(bool on);

private:
    void enlargeCharts();
    void restoreCharts();

    QMainWindow* window_;
    bool on_ = false;
    bool wasMaximised_ = false;
    QFont appFont_;
    std::vector<QPointer<QWidget>> hiddenDocks_;
    // What each chart looked like before: its fonts, and the pen width of each of its series.
    struct ChartLook {
        QPointer<QChart> chart;
        QFont title;
        QFont legend;
        QHash<QObject*, QFont> axisLabels;
        QHash<QObject*, qreal> penWidths;
    };
    std::vector<ChartLook> looks_;
};

} // namespace nofade::ui

#pragma once
// Presentation mode for lectures (View > Presentation Mode, F11): the window goes full screen with
// the charts alone (the docks step aside), the type grows by 60 %, and every chart gets larger
// titles, axis titles, tick labels and legends and thicker lines, so that the back row can read
// them. Charts built while the mode is on (a tab rebuilt, a new dataset) get the same look.
// Turning it off restores exactly what was there.
#include <QFont>
#include <QObject>
#include <QRect>
#include <QPointer>
#include <QTimer>

class QChart;
class QMainWindow;

namespace nofade::ui {

class PresentationController : public QObject {
    Q_OBJECT
public:
    explicit PresentationController(QMainWindow* window);

    bool isOn() const { return on_; }
    void setOn(bool on);

    // How much larger the type is in presentation mode.
    static constexpr double kFontScale = 1.6;
    static constexpr double kPenScale = 2.5;
    // Gives `chart` the presentation look (idempotent: what is already enlarged stays), or takes
    // it back to the look it had.
    static void enlarge(QChart* chart);
    static void restore(QChart* chart);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void enlargeCharts();
    void restoreCharts();
    void restyle(); // widgets with a style sheet keep their font unless polished again

    QMainWindow* window_;
    bool on_ = false;
    bool wasMaximised_ = false;
    QRect normalGeometry_;
    QFont appFont_;
    std::vector<QPointer<QWidget>> hiddenDocks_;
    QTimer pending_; // coalesces the re-styling of charts that changed
};

} // namespace nofade::ui

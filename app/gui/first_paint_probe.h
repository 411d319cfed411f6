#pragma once
// For the cold-start benchmark (bench/run.py): with NOFADE_QUIT_AFTER_FIRST_PAINT set, the
// application prints "first-paint" on standard output as soon as its main window has been painted
// for the first time, then quits. The benchmark times the launch to that line.
class QWidget;

namespace nofade::ui {

void quitAfterFirstPaint(QWidget* window);

} // namespace nofade::ui

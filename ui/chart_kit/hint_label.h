#pragma once
// A tab's grey line of help (what the mouse and keys do on its chart, what it needs). Wrapped, and
// placed where it has the tab's width: beside the controls it was cut off on a 1366 px laptop and
// on a projector's larger type.
#include <QString>

class QLabel;

namespace nofade::ui {

QLabel* hintLabel(const QString& text);

} // namespace nofade::ui

#pragma once
// The grey line under a chart that says what the mouse and keys do. Full width and wrapped: beside a
// tab's controls it was cut off on a 1366 px laptop and on a projector's larger type.
#include <QString>

class QLabel;

namespace nofade::ui {

QLabel* hintLabel(const QString& text);

} // namespace nofade::ui

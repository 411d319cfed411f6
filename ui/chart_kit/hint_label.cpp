#include "chart_kit/hint_label.h"

#include <QLabel>

namespace nofade::ui {

QLabel* hintLabel(const QString& text)
{
    auto* hint = new QLabel(text);
    hint->setObjectName(QStringLiteral("chartHint"));
    hint->setStyleSheet(QStringLiteral("color: palette(placeholder-text);"));
    hint->setWordWrap(true);
    return hint;
}

} // namespace nofade::ui

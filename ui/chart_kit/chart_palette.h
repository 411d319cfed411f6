#pragma once
// Colours for datasets and classes: distinguishable, colour-blind-aware (Okabe-Ito first, then
// Tableau 20), and the same colour for the same index everywhere (charts, table, legends, exports).
#include <QColor>

namespace nofade::ui {

class ChartPalette {
public:
    static QColor colour(int index);
    static int size();
};

} // namespace nofade::ui

#pragma once
// The figure of an entropy or complexity tab as the user set it up (its dataset, classes, small
// multiples or overlay; the measures side by side or per image; the measure and outcome plotted),
// drawn through the one export path (figure_builder.h): what Ctrl+E exports from the Entropy
// histograms, Per class, Class distances, Images, Complexity and Which measure predicts? tabs.
#include <optional>
#include <QString>

#include "export/figure_inputs.h"
#include "export/figure_renderer.h"
#include "export/figure_spec.h"

class QWidget;

namespace nofade::ui {

class DatasetStore;

struct TabFigure {
    FigureSpec spec;
    FigureInputs inputs;
};

// The inputs of every dataset of the store that has a profile (in the store's order).
FigureInputs storeInputs(const DatasetStore& store);

// Nullopt for a tab that is not an entropy or complexity tab, or shows nothing yet.
std::optional<TabFigure> tabFigure(QWidget* tab, const DatasetStore& store, const FigureSize& size);

} // namespace nofade::ui

namespace nofade::ui {
// Ctrl+E on an entropy tab: the figure export dialog, then the figure and its data (<name>.csv
// beside it). False when cancelled, or failed (a message box says why), or not an entropy tab.
bool exportTabFigureWithDialog(QWidget* tab, const DatasetStore& store, QWidget* parent);
} // namespace nofade::ui

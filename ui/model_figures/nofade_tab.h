#pragma once
// The NoFADE tab (the paper's Figure 3): NoFADE against training CO2, one panel per task or one
// task; an empty state that says how to get dataset complexities while no model has NoFADE.
#include "model_figures/model_figure_tab.h"

namespace nofade::ui {

class NoFadeTab : public ModelFigureTab {
    Q_OBJECT
public:
    NoFadeTab(ModelStore* workspace, ModelSelectionStore* selection, QWidget* parent = nullptr);

    FigureSpec spec() const override;
    // "all" or a task name.
    void setTask(const QString& task);
    QString task() const;

protected:
    QString emptyMessage() const override;

private:
    QComboBox* task_;
};

} // namespace nofade::ui

#pragma once
// The NoFADE tab (the paper's Figure 3): NoFADE against training CO2, one panel per task or one
// task; an empty state that says how to get dataset complexities while no model has NoFADE.
#include "model_figure_view.h"

namespace nofade::ui {

class NoFadeView : public ModelFigureView {
    Q_OBJECT
public:
    NoFadeView(ModelWorkspace* workspace, ModelSelection* selection, QWidget* parent = nullptr);

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

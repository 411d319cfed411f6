#pragma once
// The Saturation curves tab (the paper's Figure 1): one chart per dataset in a grid, all datasets
// overlaid, or one dataset; points coloured by family, task or dataset.
#include "model_figures/model_figure_tab.h"

namespace nofade::ui {

class SaturationTab : public ModelFigureTab {
    Q_OBJECT
public:
    SaturationTab(ModelStore* workspace, ModelSelectionStore* selection, QWidget* parent = nullptr);

    FigureSpec spec() const override;
    // "grid", "overlay" or a dataset key.
    void setDatasets(const QString& choice);
    void setColourBy(ColourBy colourBy);
    QString datasetsChoice() const;
    ColourBy colourBy() const;

protected:
    QString emptyMessage() const override;

private:
    void fillDatasets();
    QStringList drawableDatasets() const;

    QComboBox* datasets_;
    QComboBox* colourBy_;
};

} // namespace nofade::ui

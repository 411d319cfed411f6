#pragma once
// The What if tab: the selected model's training CO2 had it been trained in every region of the
// carbon table (same energy), and on every accelerator of the hardware table (same training
// FLOPs at that device's peak and the report's utilisation), each ranked from the lowest CO2
// (core/uncertainty/what_if.h). Follows the model selection; a box picks another model.
#include <QWidget>

#include "models/carbon_table.h"
#include "uncertainty/what_if.h"

class QComboBox;
class QLabel;
class QTableWidget;

namespace nofade::ui {

class ModelSelectionStore;
class ModelStore;

class WhatIfTab : public QWidget {
    Q_OBJECT
public:
    WhatIfTab(ModelStore* workspace, ModelSelectionStore* selection, QWidget* parent = nullptr);

    // The table row of the model shown, or -1.
    int modelRow() const;
    void setModelRow(int row);
    const WhatIf& result() const { return result_; }
    QTableWidget* regionTable() const { return regions_; }
    QTableWidget* deviceTable() const { return devices_; }
    QString summary() const;

private:
    void fillModels();
    void followSelection();
    void rebuild();
    void fillTable(QTableWidget* table, const std::vector<WhatIfRow>& rows, bool devices);

    ModelStore* workspace_;
    ModelSelectionStore* selection_;
    CarbonTable carbon_;
    QComboBox* model_;
    QLabel* summary_;
    QTableWidget* regions_;
    QTableWidget* devices_;
    WhatIf result_;
};

} // namespace nofade::ui

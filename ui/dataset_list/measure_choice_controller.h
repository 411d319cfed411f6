#pragma once
// Keeps the Datasets dock's Measure column and the report's per-dataset measure (ReportSettings::
// measures, also set in the Models dock's complexity editor and kept in sessions) one choice: a
// measure picked in the dock is the one NoFADE uses for that dataset, and a choice made in the
// Models dock or restored with a session shows in the dock.
#include <QObject>

namespace nofade::ui {

class DatasetStore;
class DatasetTableModel;
class ModelStore;

class MeasureChoiceController : public QObject {
    Q_OBJECT
public:
    MeasureChoiceController(DatasetStore* store, DatasetTableModel* table, ModelStore* models, QObject* parent = nullptr);

private:
    void toReport(int id);
    void fromReport();

    DatasetStore* store_;
    ModelStore* models_;
};

} // namespace nofade::ui

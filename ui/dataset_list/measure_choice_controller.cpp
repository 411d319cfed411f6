#include "dataset_list/measure_choice_controller.h"

#include "dataset_list/dataset_table_model.h"
#include "dataset_state/dataset_store.h"
#include "model_table/model_store.h"
#include "models/dataset_names.h"

namespace nofade::ui {

MeasureChoiceController::MeasureChoiceController(DatasetStore* store, DatasetTableModel* table, ModelStore* models, QObject* parent)
    : QObject(parent), store_(store), models_(models)
{
    connect(table, &DatasetTableModel::measureChosen, this, &MeasureChoiceController::toReport);
    connect(models_, &ModelStore::settingsChanged, this, &MeasureChoiceController::fromReport);
    // Not on every change of a dataset: a choice just made in the dock is written to the report
    // after the store announced it, and must not be overwritten by the report's older one.
    connect(store_, &DatasetStore::added, this, &MeasureChoiceController::fromReport);
}

void MeasureChoiceController::toReport(int id)
{
    const DatasetEntry* e = store_->find(id);
    if (!e)
        return;
    ReportSettings s = models_->settings();
    const QString key = datasetKey(e->name);
    if (s.measures.contains(key) && s.measures.value(key) == e->measure)
        return;
    s.measures.insert(key, e->measure);
    models_->setSettings(s);
}

void MeasureChoiceController::fromReport()
{
    const ReportSettings& s = models_->settings();
    for (int id : store_->ids()) {
        const DatasetEntry* e = store_->find(id);
        const auto it = e ? s.measures.constFind(datasetKey(e->name)) : s.measures.constEnd();
        if (it != s.measures.constEnd() && it.value() != e->measure) {
            const ComplexityMeasure m = it.value();
            store_->update(id, DatasetStore::MetaChanged, [m](DatasetEntry& entry) { entry.measure = m; });
        }
    }
}

} // namespace nofade::ui

#include "dataset_state/profile_complexity_controller.h"

#include <QSet>

#include "dataset_state/dataset_store.h"
#include "model_table/model_store.h"
#include "models/dataset_names.h"

namespace nofade::ui {

ProfileComplexityController::ProfileComplexityController(const DatasetStore* store, ModelStore* workspace, QObject* parent)
    : QObject(parent), store_(store), workspace_(workspace)
{
    connect(store_, &DatasetStore::changed, this, [this](int, DatasetStore::Changes c) {
        if (c & (DatasetStore::MetaChanged | DatasetStore::ProfileChanged))
            update();
    });
    connect(store_, &DatasetStore::added, this, &ProfileComplexityController::update);
    connect(store_, &DatasetStore::aboutToRemove, this, [this](int id) {
        // A removed dataset takes its restored complexity with it.
        if (const DatasetEntry* e = store_->find(id)) {
            const QString key = datasetKey(e->name);
            std::erase_if(restored_, [&](const ComplexityInput& c) { return datasetKey(c.dataset) == key; });
        }
    });
    connect(store_, &DatasetStore::removed, this, &ProfileComplexityController::update);
}

void ProfileComplexityController::setRestored(std::vector<ComplexityInput> restored)
{
    restored_ = std::move(restored);
    update();
}

void ProfileComplexityController::update()
{
    std::vector<ComplexityInput> inputs;
    QSet<QString> covered;
    for (int row = 0; row < store_->count(); ++row) {
        const DatasetEntry& e = store_->at(row);
        if (!e.profile || !e.jsd)
            continue;
        inputs.push_back(complexityFromProfile(*e.profile, *e.jsd, e.name, e.profileFile.isEmpty() ? e.path : e.profileFile));
        covered.insert(datasetKey(e.name));
    }
    std::vector<ComplexityInput> all;
    for (const ComplexityInput& c : restored_)
        if (!covered.contains(datasetKey(c.dataset)))
            all.push_back(c);
    all.insert(all.end(), inputs.begin(), inputs.end());
    workspace_->setProfileComplexities(std::move(all));
}

} // namespace nofade::ui

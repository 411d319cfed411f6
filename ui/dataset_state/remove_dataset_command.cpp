#include "dataset_state/remove_dataset_command.h"

#include <QCoreApplication>

#include "dataset_state/dataset_controller.h"
#include "dataset_state/dataset_store.h"

namespace nofade::ui {

RemoveDatasetCommand::RemoveDatasetCommand(DatasetController* controller, int id) : controller_(controller), id_(id)
{
    const DatasetEntry* e = controller_->store()->find(id);
    setText(QCoreApplication::translate("RemoveDatasetCommand", "Remove dataset %1").arg(e ? e->name : QString()));
}

void RemoveDatasetCommand::redo()
{
    DatasetStore* store = controller_->store();
    const DatasetEntry* e = store->find(id_);
    if (!e)
        return;
    row_ = store->rowOf(id_);
    entry_ = *e;
    store->remove(id_); // a running scan is cancelled
}

void RemoveDatasetCommand::undo()
{
    DatasetStore* store = controller_->store();
    DatasetEntry e = entry_;
    if (!e.shardFolder.isEmpty()) {
        // Watched again from its folder, which may have grown meanwhile.
        id_ = controller_->openShardFolder(e.shardFolder);
        store->update(id_, DatasetStore::MetaChanged, [&](DatasetEntry& d) {
            d.name = e.name;
            d.task = e.task;
            d.measure = e.measure;
        });
        return;
    }
    if (e.isBusy()) // its scan was cancelled by the removal: what it had is kept, as after a cancel
        e.state = !e.profile ? DatasetState::Added
                  : e.profile->complete ? DatasetState::Scanned
                                        : DatasetState::Partial;
    e.progress = {};
    id_ = store->insert(row_, std::move(e));
    Q_EMIT controller_->selectRequested(id_);
}

} // namespace nofade::ui

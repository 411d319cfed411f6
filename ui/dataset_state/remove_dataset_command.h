#pragma once
// Removing a dataset as an undoable step (Edit ▸ Undo): the dataset comes back at its row with its
// name, colour, settings and profile, so nothing computed is lost to a stray Del.
#include <QUndoCommand>

#include "dataset_state/dataset_entry.h"

namespace nofade::ui {

class DatasetController;

class RemoveDatasetCommand : public QUndoCommand {
public:
    RemoveDatasetCommand(DatasetController* controller, int id);

    void redo() override;
    void undo() override;

private:
    DatasetController* controller_;
    int id_;
    int row_ = -1;
    DatasetEntry entry_;
};

} // namespace nofade::ui

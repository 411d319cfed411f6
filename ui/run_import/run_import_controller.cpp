#include "run_import/run_import_controller.h"

#include <QAction>
#include <QWidget>

#include "run_import/run_import_dialog.h"

namespace nofade::ui {

RunImportController::RunImportController(ModelStore* workspace, ModelEditingController* editing, QWidget* window)
    : QObject(window), workspace_(workspace), editing_(editing), window_(window), action_(new QAction(tr("Import &runs…"), this))
{
    setObjectName(QStringLiteral("runImportController"));
    action_->setObjectName(QStringLiteral("importRunsAction"));
    action_->setStatusTip(tr("Add your own training runs to the model table: CodeCarbon's emissions.csv (measured "
                             "energy and CO₂), Slurm accounting (sacct -P) or Epoch AI's models CSV, with a preview"));
    connect(action_, &QAction::triggered, this, [this] { open(); });
}

RunImportDialog* RunImportController::dialog() const
{
    return dialog_;
}

RunImportDialog* RunImportController::open()
{
    if (!dialog_) {
        dialog_ = new RunImportDialog(workspace_, editing_, window_);
        dialog_->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog_, &RunImportDialog::imported, this, &RunImportController::statusMessage);
    }
    dialog_->open();
    dialog_->raise();
    dialog_->activateWindow();
    return dialog_;
}

} // namespace nofade::ui

#pragma once
// Owns Models ▸ Import runs…: opens the import dialog (RunImportDialog) over the main window and
// reports what was imported.
#include <QObject>
#include <QPointer>

class QAction;
class QWidget;

namespace nofade::ui {

class ModelEditingController;
class ModelStore;
class RunImportDialog;

class RunImportController : public QObject {
    Q_OBJECT
public:
    RunImportController(ModelStore* workspace, ModelEditingController* editing, QWidget* window);

    QAction* importAction() const { return action_; }
    // The open dialog, or null.
    RunImportDialog* dialog() const;
    // Opens the dialog (or raises the open one); window-modal, so the table does not change under it.
    RunImportDialog* open();

Q_SIGNALS:
    void statusMessage(const QString& text);

private:
    ModelStore* workspace_;
    ModelEditingController* editing_;
    QWidget* window_;
    QAction* action_;
    QPointer<RunImportDialog> dialog_;
};

} // namespace nofade::ui

#pragma once
// The Models dock: the model table with its filters (task, dataset, search), row actions (add,
// duplicate, delete), undo/redo, CSV import/export and a summary line. Its selection is the
// shared ModelSelectionStore, both ways, without feedback loops.
#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace nofade::ui {

class ModelEditingController;
class ModelFilterModel;
class ModelSelectionStore;
class ModelTableModel;
class ModelStore;

class ModelsPanel : public QWidget {
    Q_OBJECT
public:
    ModelsPanel(ModelStore* workspace, ModelEditingController* editing, ModelSelectionStore* selection, QWidget* parent = nullptr);

    QTableView* view() const { return view_; }
    ModelTableModel* tableModel() const { return model_; }
    ModelFilterModel* filterModel() const { return filter_; }
    QComboBox* taskFilter() const { return task_; }
    QComboBox* datasetFilter() const { return dataset_; }
    QLineEdit* searchField() const { return search_; }
    QAction* addAction() const { return add_; }
    QAction* duplicateAction() const { return duplicate_; }
    QAction* deleteAction() const { return delete_; }
    QAction* importAction() const { return import_; }
    QAction* exportAction() const { return export_; }
    QAction* undoAction() const { return undo_; }
    QAction* redoAction() const { return redo_; }

    // CSV import (undoable). False, with `message` naming the file and the reason, when the
    // file cannot be read or is not a model table (no header, a required column missing): then
    // nothing changes. A table with bad cells is imported with them marked; `message` then names
    // the first error's file, row, column and reason.
    bool importCsv(const QString& file, QString* message);
    bool exportCsv(const QString& file, QString* error) const;
    // The rows selected in the view (data rows of the model table).
    QList<int> selectedRows() const;

Q_SIGNALS:
    void statusMessage(const QString& text);

private:
    void createActions();
    void updateDatasetFilter();
    void updateSummary();
    void updateActions();
    void pushSelection();
    void pullSelection();

    ModelStore* workspace_;
    ModelEditingController* editing_;
    ModelSelectionStore* selection_;
    ModelTableModel* model_;
    ModelFilterModel* filter_;
    QTableView* view_;
    QComboBox* task_;
    QComboBox* dataset_;
    QLineEdit* search_;
    QLabel* summary_;
    QAction* add_ = nullptr;
    QAction* duplicate_ = nullptr;
    QAction* delete_ = nullptr;
    QAction* import_ = nullptr;
    QAction* export_ = nullptr;
    QAction* undo_ = nullptr;
    QAction* redo_ = nullptr;
    bool syncing_ = false;       // the view's selection is being set from the shared one
    bool tableChanging_ = false; // rows are being inserted or removed
    bool proxyChanging_ = false; // the filter or the sort is moving rows
};

} // namespace nofade::ui

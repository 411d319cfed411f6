#pragma once
// Models ▸ Import runs…: the user's own training runs (CodeCarbon emissions.csv, Slurm sacct,
// Epoch AI's models CSV) previewed as model-table rows before they are added. The format is
// guessed from the file's header (and can be changed); the options are the CLI's (`nofade-cli
// import`: model, task, dataset, score, device, sum runs, count failed jobs). The file is read and
// mapped in a worker thread, again whenever an option changes, so a large file never blocks the
// dialog; the preview shows the rows and, apart, every bad line with its reason. Import adds the
// rows to the model table as one undoable step.
#include <memory>
#include <optional>
#include <QDialog>
#include <QFutureWatcher>

#include "imports/imported_run.h"
#include "imports/run_import.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace nofade::ui {

class ImportIssueModel;
class ImportPreviewModel;
class ModelEditingController;
class ModelStore;

class RunImportDialog : public QDialog {
    Q_OBJECT
public:
    RunImportDialog(ModelStore* workspace, ModelEditingController* editing, QWidget* parent = nullptr);
    ~RunImportDialog() override;

    // Reads `path`, guesses its format from the header and starts the preview.
    void setFile(const QString& path);
    void setFormat(ImportFormat format);
    std::optional<ImportFormat> format() const;
    // The preview shown (null before the first file, or while it is being read).
    std::shared_ptr<const ImportResult> result() const { return shown_; }
    bool isReading() const;
    ImportPreviewModel* previewModel() const { return preview_; }
    ImportIssueModel* issueModel() const { return issues_; }
    // Adds the previewed rows to the model table (one undoable step) and closes; false when there
    // is nothing to import.
    bool importRows();

Q_SIGNALS:
    // A preview is shown (after every file or option change).
    void previewReady();
    // Rows were added to the model table: "Imported N runs from FILE".
    void imported(const QString& message);

private:
    void chooseFile();
    void fileChanged();
    void showFormat(ImportFormat format); // in the combo box, without a new preview
    void schedulePreview();
    void startPreview();
    void showResult();
    void updateSummary();
    // The options of the form; nullopt (with the reason in `error`) when one is invalid.
    std::optional<ImportOptions> options(QString* error) const;

    ModelStore* workspace_;
    ModelEditingController* editing_;
    QLineEdit* file_;
    QComboBox* format_;
    QLabel* formatNote_;
    QLineEdit* model_;
    QComboBox* task_;
    QComboBox* dataset_;
    QLineEdit* score_;
    QComboBox* device_;
    QCheckBox* sumRuns_;
    QCheckBox* includeFailed_;
    QLabel* summary_;
    QTableView* previewView_;
    QTableView* issuesView_;
    QPushButton* import_;
    ImportPreviewModel* preview_;
    ImportIssueModel* issues_;
    QTimer* debounce_;
    QFutureWatcher<std::shared_ptr<const ImportResult>>* watcher_;
    std::shared_ptr<const ImportResult> shown_;
    QString optionsError_;
    int generation_ = 0;       // of the preview asked for last
    int readingGeneration_ = -1; // of the preview the worker is computing
};

} // namespace nofade::ui

#include "run_import/run_import_dialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include "imports/append_imported_rows.h"
#include "imports/import_format_guess.h"
#include "model_table/model_editing_controller.h"
#include "model_table/model_store.h"
#include "models/model_fields.h"
#include "models/text_values.h"
#include "run_import/import_issue_model.h"
#include "run_import/import_preview_model.h"
#include "shell/app_settings.h"

namespace nofade::ui {

namespace {

// Reads and maps the file; runs in a worker thread (`hardware` is the workspace's, which does not
// change while the dialog is open).
std::shared_ptr<const ImportResult> readAndImport(const QString& path, ImportFormat format, ImportOptions options)
{
    auto result = std::make_shared<ImportResult>();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result->fileName = path;
        result->format = importFormatName(format);
        result->issues.push_back({ImportIssue::Severity::Error, 0, QString(),
                                  QObject::tr("cannot be read: %1").arg(file.errorString())});
        return result;
    }
    *result = importRuns(format, file.readAll(), path, options);
    return result;
}

// "1 row", "3 rows" (no translations are loaded, so %n forms would show "row(s)").
QString count(int n, const QString& one, const QString& many)
{
    return QStringLiteral("%1 %2").arg(n).arg(n == 1 ? one : many);
}

QTableView* makeTable(QAbstractItemModel* model, const char* name)
{
    auto* view = new QTableView;
    view->setObjectName(QString::fromLatin1(name));
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 6);
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}

} // namespace

RunImportDialog::RunImportDialog(ModelStore* workspace, ModelEditingController* editing, QWidget* parent)
    : QDialog(parent), workspace_(workspace), editing_(editing), preview_(new ImportPreviewModel(this)),
      issues_(new ImportIssueModel(this)), debounce_(new QTimer(this)),
      watcher_(new QFutureWatcher<std::shared_ptr<const ImportResult>>(this))
{
    setObjectName(QStringLiteral("runImportDialog"));
    setWindowTitle(tr("Import runs"));

    file_ = new QLineEdit;
    file_->setObjectName(QStringLiteral("runImportFile"));
    file_->setPlaceholderText(tr("emissions.csv, a sacct -P listing, or Epoch AI's models CSV"));
    auto* browse = new QPushButton(tr("&Choose…"));
    browse->setObjectName(QStringLiteral("runImportBrowse"));
    format_ = new QComboBox;
    format_->setObjectName(QStringLiteral("runImportFormat"));
    format_->addItem(tr("CodeCarbon emissions.csv (measured energy and CO₂)"), importFormatName(ImportFormat::CodeCarbon));
    format_->addItem(tr("Slurm sacct -P (GPU-hours)"), importFormatName(ImportFormat::Sacct));
    format_->addItem(tr("Epoch AI models CSV (published models)"), importFormatName(ImportFormat::Epoch));
    format_->setCurrentIndex(-1);
    formatNote_ = new QLabel;
    formatNote_->setObjectName(QStringLiteral("runImportFormatNote"));

    model_ = new QLineEdit;
    model_->setObjectName(QStringLiteral("runImportModel"));
    model_->setPlaceholderText(tr("from the file (project, job or model name)"));
    task_ = new QComboBox;
    task_->setObjectName(QStringLiteral("runImportTask"));
    task_->addItem(tr("from the file"), QString());
    for (Task t : {Task::Classification, Task::Detection, Task::Segmentation})
        task_->addItem(taskName(t), taskName(t));
    dataset_ = new QComboBox;
    dataset_->setObjectName(QStringLiteral("runImportDataset"));
    dataset_->setEditable(true);
    dataset_->addItem(QString());
    for (const DatasetResult& d : workspace_->report().datasets)
        dataset_->addItem(d.name);
    dataset_->lineEdit()->setPlaceholderText(tr("from the file"));
    score_ = new QLineEdit;
    score_->setObjectName(QStringLiteral("runImportScore"));
    score_->setPlaceholderText(tr("fill in later"));
    device_ = new QComboBox;
    device_->setObjectName(QStringLiteral("runImportDevice"));
    device_->addItem(tr("from the file"), QString());
    for (const Device& d : workspace_->hardware().devices())
        if (d.kind != QLatin1String("cpu"))
            device_->addItem(d.name, d.name);
    sumRuns_ = new QCheckBox(tr("&Sum the runs of one project/experiment (CodeCarbon) or job name (sacct) into one model"));
    sumRuns_->setObjectName(QStringLiteral("runImportSumRuns"));
    includeFailed_ = new QCheckBox(tr("Count &failed jobs too (sacct: FAILED, CANCELLED, TIMEOUT…)"));
    includeFailed_->setObjectName(QStringLiteral("runImportIncludeFailed"));

    auto* fileRow = new QHBoxLayout;
    fileRow->addWidget(file_, 1);
    fileRow->addWidget(browse);
    auto* formatRow = new QHBoxLayout;
    formatRow->addWidget(format_);
    formatRow->addWidget(formatNote_, 1);
    auto* top = new QFormLayout;
    auto label = [](const QString& text, QWidget* buddy) {
        auto* l = new QLabel(text);
        l->setBuddy(buddy); // the field is a row of widgets: the mnemonic goes to its first
        return l;
    };
    top->addRow(label(tr("&File:"), file_), fileRow);
    top->addRow(label(tr("F&ormat:"), format_), formatRow);

    auto* mapping = new QGroupBox(tr("Every imported row gets"));
    auto* grid = new QGridLayout(mapping);
    auto addField = [grid](int row, int col, const QString& label, QWidget* w) {
        auto* l = new QLabel(label);
        l->setBuddy(w);
        grid->addWidget(l, row, col * 2);
        grid->addWidget(w, row, col * 2 + 1);
    };
    addField(0, 0, tr("&Model:"), model_);
    addField(0, 1, tr("&Task:"), task_);
    addField(0, 2, tr("&Dataset:"), dataset_);
    addField(1, 0, tr("Sco&re:"), score_);
    addField(1, 1, tr("De&vice:"), device_);
    grid->addWidget(sumRuns_, 2, 0, 1, 6);
    grid->addWidget(includeFailed_, 3, 0, 1, 6);
    grid->setColumnStretch(1, 2);
    grid->setColumnStretch(3, 1);
    grid->setColumnStretch(5, 1);

    summary_ = new QLabel;
    summary_->setObjectName(QStringLiteral("runImportSummary"));
    summary_->setWordWrap(true);
    previewView_ = makeTable(preview_, "runImportPreview");
    issuesView_ = makeTable(issues_, "runImportIssues");
    issuesView_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    issuesView_->horizontalHeader()->setStretchLastSection(true);
    auto* previewBox = new QWidget;
    auto* previewLayout = new QVBoxLayout(previewBox);
    previewLayout->setContentsMargins(0, 0, 0, 0);
    previewLayout->addWidget(new QLabel(tr("Rows to add to the model table:")));
    previewLayout->addWidget(previewView_);
    auto* issuesBox = new QWidget;
    auto* issuesLayout = new QVBoxLayout(issuesBox);
    issuesLayout->setContentsMargins(0, 0, 0, 0);
    issuesLayout->addWidget(new QLabel(tr("Lines left out and warnings:")));
    issuesLayout->addWidget(issuesView_);
    auto* split = new QSplitter(Qt::Vertical);
    split->setObjectName(QStringLiteral("runImportSplitter"));
    split->addWidget(previewBox);
    split->addWidget(issuesBox);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    import_ = buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    import_->setObjectName(QStringLiteral("runImportButton"));
    import_->setEnabled(false);
    connect(buttons, &QDialogButtonBox::accepted, this, &RunImportDialog::importRows);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(mapping);
    layout->addWidget(summary_);
    layout->addWidget(split, 1);
    layout->addWidget(buttons);
    resize(1080, 640);

    debounce_->setSingleShot(true);
    debounce_->setInterval(250);
    connect(debounce_, &QTimer::timeout, this, &RunImportDialog::startPreview);
    connect(browse, &QPushButton::clicked, this, &RunImportDialog::chooseFile);
    connect(file_, &QLineEdit::editingFinished, this, [this] {
        if (file_->text().trimmed() != file_->property("shown").toString())
            fileChanged();
    });
    connect(format_, &QComboBox::activated, this, [this] {
        formatNote_->setText(tr("chosen by you"));
        includeFailed_->setEnabled(format() == ImportFormat::Sacct);
        startPreview();
    });
    for (QLineEdit* edit : {model_, score_})
        connect(edit, &QLineEdit::textChanged, this, &RunImportDialog::schedulePreview);
    connect(dataset_, &QComboBox::currentTextChanged, this, &RunImportDialog::schedulePreview);
    for (QComboBox* box : {task_, device_})
        connect(box, &QComboBox::currentIndexChanged, this, &RunImportDialog::startPreview);
    for (QCheckBox* box : {sumRuns_, includeFailed_})
        connect(box, &QCheckBox::toggled, this, &RunImportDialog::startPreview);
    connect(watcher_, &QFutureWatcherBase::finished, this, &RunImportDialog::showResult);
    updateSummary();
}

RunImportDialog::~RunImportDialog()
{
    // The worker reads the workspace's hardware table: let it finish before the dialog goes.
    watcher_->waitForFinished();
}

void RunImportDialog::chooseFile()
{
    const QString dir = file_->text().isEmpty() ? AppSettings::lastDirectory() : QFileInfo(file_->text()).absolutePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Import runs"), dir,
                                                      tr("Run logs (*.csv *.txt *.tsv *.log);;All files (*)"));
    if (path.isEmpty())
        return;
    AppSettings::setLastDirectory(QFileInfo(path).absolutePath());
    setFile(path);
}

void RunImportDialog::setFile(const QString& path)
{
    file_->setText(path);
    fileChanged();
}

void RunImportDialog::fileChanged()
{
    const QString path = file_->text().trimmed();
    file_->setProperty("shown", path);
    QFile file(path);
    if (!path.isEmpty() && file.open(QIODevice::ReadOnly)) {
        // The header is enough to tell the formats apart.
        if (const auto guessed = guessImportFormat(file.read(64 * 1024))) {
            showFormat(*guessed);
            formatNote_->setText(tr("guessed from the header"));
        } else {
            formatNote_->setText(tr("the header is none the importer knows: choose the format"));
        }
    } else {
        formatNote_->clear();
    }
    startPreview();
}

void RunImportDialog::setFormat(ImportFormat format)
{
    showFormat(format);
    formatNote_->clear();
    startPreview();
}

void RunImportDialog::showFormat(ImportFormat format)
{
    const QSignalBlocker block(format_);
    format_->setCurrentIndex(format_->findData(importFormatName(format)));
    includeFailed_->setEnabled(format == ImportFormat::Sacct);
}

std::optional<ImportFormat> RunImportDialog::format() const
{
    return importFormatFromName(format_->currentData().toString());
}

bool RunImportDialog::isReading() const
{
    return readingGeneration_ >= 0;
}

std::optional<ImportOptions> RunImportDialog::options(QString* error) const
{
    ImportOptions o;
    o.model = model_->text().trimmed();
    o.task = task_->currentData().toString();
    o.dataset = dataset_->currentText().trimmed();
    o.device = device_->currentData().toString();
    o.sumRuns = sumRuns_->isChecked();
    o.includeFailed = includeFailed_->isChecked();
    o.hardware = &workspace_->hardware();
    const QString score = score_->text().trimmed();
    if (!score.isEmpty()) {
        const double top = maxScore(workspace_->settings().nofade.scoreScale);
        const auto s = parseNumber(score);
        if (!s || *s < 0.0 || *s > top) {
            *error = tr("Score \"%1\" is not a number from 0 to %2: the preview waits for a valid score.").arg(score).arg(top);
            return std::nullopt;
        }
        o.score = s;
    }
    return o;
}

void RunImportDialog::schedulePreview()
{
    debounce_->start();
}

void RunImportDialog::startPreview()
{
    debounce_->stop();
    ++generation_;
    optionsError_.clear();
    const QString path = file_->text().trimmed();
    const auto f = format();
    const auto o = options(&optionsError_);
    if (path.isEmpty() || !f || !o) {
        if (shown_) {
            shown_.reset();
            preview_->setResult(nullptr);
            issues_->setResult(nullptr);
        }
        updateSummary();
        return;
    }
    if (watcher_->isRunning()) {
        updateSummary(); // showResult() starts again with the newest options
        return;
    }
    readingGeneration_ = generation_;
    watcher_->setFuture(QtConcurrent::run(readAndImport, path, *f, *o));
    updateSummary();
}

void RunImportDialog::showResult()
{
    const bool current = readingGeneration_ == generation_;
    readingGeneration_ = -1;
    if (!current) {
        startPreview(); // the options changed while the file was read
        return;
    }
    shown_ = watcher_->result();
    preview_->setResult(shown_);
    issues_->setResult(shown_);
    previewView_->resizeColumnsToContents();
    for (int c = 0; c < preview_->columnCount(); ++c)
        previewView_->setColumnWidth(c, std::min(previewView_->columnWidth(c), 260));
    updateSummary();
    Q_EMIT previewReady();
}

void RunImportDialog::updateSummary()
{
    QString text;
    const bool reading = isReading();
    if (!optionsError_.isEmpty())
        text = optionsError_;
    else if (file_->text().trimmed().isEmpty())
        text = tr("Choose a file to preview its rows.");
    else if (!format())
        text = tr("Choose the file's format.");
    else if (reading)
        text = tr("Reading %1…").arg(QFileInfo(file_->text()).fileName());
    else if (shown_) {
        int warnings = 0;
        for (const ImportIssue& i : shown_->issues)
            warnings += i.severity == ImportIssue::Severity::Warning ? 1 : 0;
        const int rows = int(shown_->rows.size());
        text = tr("%1 to add to the model table; %2 left out with an error; %3")
                   .arg(count(rows, tr("row"), tr("rows")), count(shown_->linesLeftOut(), tr("line"), tr("lines")),
                        count(warnings, tr("warning"), tr("warnings")));
        if (rows == 0 && !shown_->issues.empty())
            text = tr("Nothing can be imported: %1").arg(shown_->message(shown_->issues.front()));
    }
    summary_->setText(text);
    const bool ready = !reading && optionsError_.isEmpty() && shown_ && !shown_->rows.empty();
    import_->setEnabled(ready);
    import_->setText(ready ? tr("&Import %1").arg(count(int(shown_->rows.size()), tr("row"), tr("rows"))) : tr("&Import"));
}

bool RunImportDialog::importRows()
{
    if (debounce_->isActive()) {
        startPreview(); // an option was just typed (e.g. Enter in the score field): preview it first
        return false;
    }
    if (isReading() || !shown_ || shown_->rows.empty() || !optionsError_.isEmpty())
        return false;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const ModelTable& before = workspace_->table();
    const int first = int(before.rows().size());
    const int added = int(shown_->rows.size());
    ModelTable after = appendImportedRows(before, shown_->rows, workspace_->tableOptions());
    const QString file = QFileInfo(shown_->fileName).fileName();
    const QString rows = count(added, tr("row"), tr("rows"));
    editing_->insertRows(std::move(after), first, added, tr("Import %1 from %2").arg(rows, file));
    QApplication::restoreOverrideCursor();
    Q_EMIT imported(tr("Imported %1 from %2 (%3) into the model table; Edit ▸ Undo removes them").arg(rows, file, shown_->format));
    accept();
    return true;
}

} // namespace nofade::ui

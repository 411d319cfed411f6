#include "export/paper_export.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageBox>
#include <QSaveFile>

#include "export/figure_export_dialog.h"
#include "export/tab_figure.h"
#include "models/co2_statement.h"

namespace nofade::ui {

namespace {
constexpr char kStatementBase[] = "co2-statement";

bool writeFile(const QString& file, const QByteArray& bytes, QString* error)
{
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit()) {
        *error = QStringLiteral("%1: cannot write: %2").arg(file, out.errorString());
        return false;
    }
    return true;
}
} // namespace

bool PaperExport::run(FigureInputs inputs, const QString& directory, QString* error)
{
    written.clear();
    skipped.clear();
    if (!inputs.report) {
        *error = QStringLiteral("no model table: the CO2 paragraph needs one");
        return false;
    }
    // The paragraph first: a model name that matches nothing stops before any file is written.
    const QString base = QString::fromLatin1(kStatementBase);
    const auto statement = co2Statement(*inputs.report, statementModels, base, error);
    if (!statement)
        return false;
    const std::shared_ptr<const Report> report = inputs.report;
    figures.kinds.clear(); // every kind
    if (!figures.run(std::move(inputs), directory, error))
        return false;
    written = figures.written;
    skipped = figures.skipped;
    const QDir dir(directory);
    if (!writeFile(dir.filePath(base + QStringLiteral(".tex")), statement->tex.toUtf8(), error)
        || !writeFile(dir.filePath(base + QStringLiteral(".bib")), statement->bib.toUtf8(), error))
        return false;
    written << base + QStringLiteral(".tex") << base + QStringLiteral(".bib");
    const QString sessionCopy = QString::fromLatin1(kSessionCopy);
    if (session) {
        if (!writeSessionFile(*session, dir.filePath(sessionCopy), error))
            return false;
        written << sessionCopy;
    }
    // settings.json (written by the figures) gains what only the paper export knows.
    const QString settingsFile = dir.filePath(QStringLiteral("settings.json"));
    QFile in(settingsFile);
    if (!in.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: cannot read back: %2").arg(settingsFile, in.errorString());
        return false;
    }
    QJsonObject settings = QJsonDocument::fromJson(in.readAll()).object();
    in.close();
    QJsonObject about;
    about.insert(QStringLiteral("models"), QJsonArray::fromStringList(statementModels));
    about.insert(QStringLiteral("scope"), statementModels.isEmpty() ? QStringLiteral("total") : QStringLiteral("selected"));
    about.insert(QStringLiteral("tex"), QString(base + QStringLiteral(".tex")));
    about.insert(QStringLiteral("bib"), QString(base + QStringLiteral(".bib")));
    about.insert(QStringLiteral("cite_keys"), QJsonArray::fromStringList(statement->citeKeys));
    settings.insert(QStringLiteral("statement"), about);
    settings.insert(QStringLiteral("session_file"), sessionFile);
    if (session)
        settings.insert(QStringLiteral("session_copy"), sessionCopy);
    return writeFile(settingsFile, QJsonDocument(settings).toJson(), error);
}

bool exportForPaperWithDialog(const DatasetStore& store, const Report& report, const QSet<int>& selectedRows,
                              const QString& sessionFile, const SessionData& session, QWidget* parent)
{
    FigureExportDialog dialog(FigureExportDialog::Mode::Folder, FigureStyle::publication(), parent);
    dialog.setWindowTitle(FigureExportDialog::tr("Export for paper"));
    if (dialog.exec() != QDialog::Accepted)
        return false;
    PaperExport job;
    job.figures.style = dialog.style();
    job.figures.size = dialog.size();
    job.figures.selected = selectedRows;
    job.sessionFile = sessionFile;
    job.session = session;
    for (const ModelResult& m : report.models)
        if (selectedRows.contains(m.row) && !job.statementModels.contains(m.model))
            job.statementModels << m.model;
    FigureInputs inputs = storeInputs(store);
    inputs.report = std::make_shared<const Report>(report);
    QString error;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const bool ok = job.run(std::move(inputs), dialog.path(), &error);
    QApplication::restoreOverrideCursor();
    if (!ok) {
        QMessageBox::warning(parent, FigureExportDialog::tr("Export failed"), error);
        return false;
    }
    return true;
}

} // namespace nofade::ui

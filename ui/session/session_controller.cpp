#include "session/session_controller.h"

#include <QAction>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QJsonDocument>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>

#include "dataset_state/dataset_controller.h"
#include "dataset_state/dataset_store.h"
#include "dataset_state/profile_complexity_controller.h"
#include "model_table/model_editing_controller.h"
#include "model_table/model_store.h"
#include "models/bundled_data.h"
#include "session/session_datasets.h"
#include "shell/app_settings.h"

namespace nofade::ui {

namespace {

constexpr int kAutosaveMs = 30000;
const QString kCleanExitKey = QStringLiteral("session/cleanExit");
const QString kLastFileKey = QStringLiteral("session/file");

QString dataFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
}

QString fileFilter()
{
    return QObject::tr("NoFADE Studio sessions (*.nofade-session);;All files (*)");
}

} // namespace

SessionController::SessionController(ModelStore* workspace, ModelEditingController* editing, ProfileComplexityController* feed,
                                     DatasetController* datasets, QObject* parent)
    : QObject(parent), workspace_(workspace), editing_(editing), feed_(feed), datasets_(datasets),
      store_(datasets->store())
{
    auto* owner = qobject_cast<QWidget*>(parent);
    open_ = new QAction(tr("&Open session…"), this);
    open_->setShortcut(QKeySequence::Open);
    open_->setStatusTip(tr("Open a session: the model table with its edits, settings, complexities, datasets and charts"));
    connect(open_, &QAction::triggered, this, [this, owner] { chooseOpen(owner); });
    save_ = new QAction(tr("&Save session"), this);
    save_->setShortcut(QKeySequence::Save);
    save_->setStatusTip(tr("Save the session (model table with edits, settings, complexities, datasets, charts)"));
    connect(save_, &QAction::triggered, this, [this, owner] {
        if (file_.isEmpty()) {
            chooseSaveAs(owner);
            return;
        }
        QString error;
        if (!save(file_, &error))
            QMessageBox::warning(owner, tr("Save failed"), error);
    });
    saveAs_ = new QAction(tr("Save session &as…"), this);
    saveAs_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    connect(saveAs_, &QAction::triggered, this, [this, owner] { chooseSaveAs(owner); });

    autosave_.setInterval(kAutosaveMs);
    connect(&autosave_, &QTimer::timeout, this, [this] {
        QString error;
        if (!autosaveNow(&error))
            Q_EMIT statusMessage(tr("Autosave failed: %1").arg(error));
    });
    autosave_.start();
    for (auto signal : {&ModelStore::settingsChanged, &ModelStore::complexitiesChanged})
        connect(workspace_, signal, this, &SessionController::stateChanged);
    connect(workspace_, &ModelStore::tableChanged, this, &SessionController::stateChanged);
    // Datasets come back one by one after opening: the title follows until the last is in.
    connect(store_, &DatasetStore::added, this, &SessionController::stateChanged);
    connect(store_, &DatasetStore::removed, this, &SessionController::stateChanged);
    connect(store_, &DatasetStore::changed, this, [this](int, DatasetStore::Changes c) {
        if (c & DatasetStore::MetaChanged)
            Q_EMIT stateChanged();
    });
}

void SessionController::setChartsHooks(std::function<QJsonObject()> save, std::function<void(const QJsonObject&)> restore)
{
    saveCharts_ = std::move(save);
    restoreCharts_ = std::move(restore);
}

SessionData SessionController::capture() const
{
    SessionData s;
    s.modelsCsv = workspace_->table().toCsv();
    s.modelsName = workspace_->table().fileName();
    s.modelsBundled = workspace_->isBundledTable();
    s.settings = workspace_->settings();
    s.typedComplexities = workspace_->userComplexities();
    s.profileComplexities = workspace_->profileComplexities();
    s.datasets = captureDatasets(*store_);
    if (saveCharts_)
        s.charts = saveCharts_();
    return s;
}

void SessionController::apply(const SessionData& session, bool withDatasets)
{
    // Settings first: the table is validated with their score scale.
    workspace_->setSettings(session.settings);
    workspace_->setTable(ModelTable::fromCsv(session.modelsBundled ? bundledCorpusCsv() : session.modelsCsv,
                                             session.modelsName, workspace_->tableOptions()));
    editing_->clearHistory();
    workspace_->setComplexities(session.typedComplexities);
    if (withDatasets) {
        for (int id : store_->ids())
            store_->remove(id);
        restoreDatasets(datasets_, session.datasets, profileCacheDirectory());
    }
    feed_->setRestored(session.profileComplexities);
    if (restoreCharts_)
        restoreCharts_(session.charts);
}

QByteArray SessionController::comparable(const SessionData& session) const
{
    // The profiles' complexities follow the datasets as they reload: not a user's change.
    SessionData s = session;
    s.profileComplexities.clear();
    return sessionToJson(s);
}

bool SessionController::isModified() const
{
    return comparable(capture()) != saved_;
}

bool SessionController::save(const QString& file, QString* error)
{
    const SessionData s = capture();
    if (!writeSessionFile(s, file, error))
        return false;
    file_ = file;
    saved_ = comparable(s);
    QSettings().setValue(kLastFileKey, file_);
    Q_EMIT statusMessage(tr("Saved the session to %1").arg(file));
    Q_EMIT stateChanged();
    return true;
}

bool SessionController::open(const QString& file, QString* error)
{
    const std::optional<SessionData> s = readSessionFile(file, error);
    if (!s)
        return false;
    apply(*s, true);
    file_ = file;
    saved_ = comparable(*s);
    QSettings().setValue(kLastFileKey, file_);
    Q_EMIT statusMessage(tr("Opened the session %1").arg(file));
    Q_EMIT stateChanged();
    return true;
}

void SessionController::chooseOpen(QWidget* parent)
{
    const QString file = QFileDialog::getOpenFileName(parent, tr("Open session"), AppSettings::lastDirectory(), fileFilter());
    if (file.isEmpty())
        return;
    AppSettings::setLastDirectory(QFileInfo(file).absolutePath());
    QString error;
    if (!open(file, &error))
        QMessageBox::warning(parent, tr("Cannot open the session"), tr("%1\n\nNothing was changed.").arg(error));
}

bool SessionController::chooseSaveAs(QWidget* parent)
{
    const QString start = file_.isEmpty() ? QDir(AppSettings::lastDirectory()).filePath(QStringLiteral("session.nofade-session")) : file_;
    QString file = QFileDialog::getSaveFileName(parent, tr("Save session as"), start, fileFilter());
    if (file.isEmpty())
        return false;
    if (QFileInfo(file).suffix().isEmpty())
        file += QStringLiteral(".nofade-session");
    AppSettings::setLastDirectory(QFileInfo(file).absolutePath());
    QString error;
    if (!save(file, &error)) {
        QMessageBox::warning(parent, tr("Save failed"), error);
        return false;
    }
    return true;
}

QString SessionController::autosaveFile()
{
    return QDir(dataFolder()).filePath(QStringLiteral("autosave.nofade-session"));
}

QString SessionController::lastSessionFile()
{
    return QDir(dataFolder()).filePath(QStringLiteral("last.nofade-session"));
}

bool SessionController::autosaveNow(QString* error)
{
    const QByteArray json = sessionToJson(capture());
    if (json == autosaved_ && QFileInfo::exists(autosaveFile()))
        return true;
    QDir().mkpath(dataFolder());
    QString why;
    if (!writeSessionFile(capture(), autosaveFile(), &why)) {
        if (error)
            *error = why;
        return false;
    }
    autosaved_ = json;
    return true;
}

QString SessionController::recoverableAutosave()
{
    const QFileInfo info(autosaveFile());
    if (!info.exists())
        return {};
    const QDateTime clean = QSettings().value(kCleanExitKey).toDateTime();
    if (clean.isValid() && info.lastModified() <= clean)
        return {};
    return info.filePath();
}

void SessionController::offerRecovery(QWidget* parent)
{
    const QString file = recoverableAutosave();
    if (file.isEmpty())
        return;
    auto* box = new QMessageBox(QMessageBox::Question, tr("Restore the autosaved session?"),
                                tr("NoFADE Studio did not close cleanly last time. A session was autosaved at %1.\n\n"
                                   "Restore it (model table with edits, settings, complexities, datasets)?")
                                    .arg(QLocale().toString(QFileInfo(file).lastModified(), QLocale::ShortFormat)),
                                QMessageBox::NoButton, parent);
    box->setObjectName(QStringLiteral("recoveryBox"));
    QPushButton* restore = box->addButton(tr("&Restore"), QMessageBox::AcceptRole);
    box->addButton(tr("&Discard"), QMessageBox::DestructiveRole);
    box->setDefaultButton(restore);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, box, restore, file, parent](QAbstractButton* b) {
        if (b == restore) {
            QString error;
            const std::optional<SessionData> s = readSessionFile(file, &error);
            if (!s) {
                QMessageBox::warning(parent, tr("Cannot restore the session"), tr("%1\n\nNothing was changed.").arg(error));
                return;
            }
            apply(*s, true);
            Q_EMIT statusMessage(tr("Restored the autosaved session"));
            Q_EMIT stateChanged();
        } else {
            QFile::remove(file);
        }
        Q_UNUSED(box);
    });
    box->open();
}

QString SessionController::profileCacheDirectory()
{
    return QDir(dataFolder()).filePath(QStringLiteral("session"));
}

void SessionController::cleanExit()
{
    QDir().mkpath(dataFolder());
    // The last session keeps every profile (scanned ones in the cache), so the next start needs
    // no scan.
    SessionData last = capture();
    QString error;
    last.datasets = captureDatasets(*store_, profileCacheDirectory(), &error);
    if (!error.isEmpty())
        qWarning("NoFADE Studio: could not keep a dataset's profile: %s", qPrintable(error));
    error.clear();
    if (!writeSessionFile(last, lastSessionFile(), &error))
        qWarning("NoFADE Studio: could not keep the session: %s", qPrintable(error));
    QFile::remove(autosaveFile());
    QSettings().setValue(kCleanExitKey, QDateTime::currentDateTime());
}

bool SessionController::restoreLastSession()
{
    if (!QFileInfo::exists(lastSessionFile()))
        return false;
    QString error;
    const std::optional<SessionData> s = readSessionFile(lastSessionFile(), &error);
    if (!s) {
        qWarning("NoFADE Studio: the last session was not restored: %s", qPrintable(error));
        return false;
    }
    apply(*s, true);
    // The file the user last saved or opened, and whether the restored state still matches it.
    file_ = QSettings().value(kLastFileKey).toString();
    if (!file_.isEmpty()) {
        QString ignored;
        const std::optional<SessionData> saved = readSessionFile(file_, &ignored);
        if (saved)
            saved_ = comparable(*saved);
        else
            file_.clear();
    }
    Q_EMIT stateChanged();
    return true;
}

} // namespace nofade::ui

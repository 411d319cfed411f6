#pragma once
// Session files for the user (File ▸ Open/Save/Save As session), autosave every 30 s to the
// application data folder, crash recovery (an autosave left by a run that did not exit cleanly
// is offered at the next start) and the last session kept across a clean exit. Opening reads and
// checks the whole file first: a damaged or newer file changes nothing.
#include <functional>
#include <optional>
#include <QByteArray>
#include <QJsonObject>
#include <QObject>
#include <QTimer>

#include "documents/session_file.h"

class QAction;
class QWidget;

namespace nofade::ui {

class DatasetStore;
class DatasetController;
class ModelEditingController;
class ModelStore;
class ProfileComplexityController;

class SessionController : public QObject {
    Q_OBJECT
public:
    SessionController(ModelStore* workspace, ModelEditingController* editing, ProfileComplexityController* feed,
                      DatasetController* datasets, QObject* parent = nullptr);

    // The chart views' choices, stored and restored as an opaque object ("charts").
    void setChartsHooks(std::function<QJsonObject()> save, std::function<void(const QJsonObject&)> restore);

    SessionData capture() const;
    // Applies a checked session. `withDatasets`: replace the Datasets dock's datasets too.
    void apply(const SessionData& session, bool withDatasets);

    bool save(const QString& file, QString* error);
    bool open(const QString& file, QString* error); // false: nothing changed
    QString currentFile() const { return file_; }
    bool isModified() const;

    QAction* openAction() const { return open_; }
    QAction* saveAction() const { return save_; }
    QAction* saveAsAction() const { return saveAs_; }

    // Autosave and crash recovery.
    static QString autosaveFile();
    static QString lastSessionFile();
    bool autosaveNow(QString* error = nullptr); // writes only when something changed since the last autosave
    // The autosave of a run that did not exit cleanly, or empty.
    static QString recoverableAutosave();
    void offerRecovery(QWidget* parent); // non-blocking question box ("recoveryBox")
    // A clean exit: the state is kept as the last session, the autosave removed.
    void cleanExit();
    // At start-up: the last session's model table, settings, complexities and datasets (their
    // profiles kept by the clean exit, in profileCacheDirectory()).
    bool restoreLastSession();
    static QString profileCacheDirectory();

Q_SIGNALS:
    void stateChanged(); // current file or modified flag may have changed
    void statusMessage(const QString& text);

private:
    void chooseOpen(QWidget* parent);
    bool chooseSaveAs(QWidget* parent);
    QByteArray comparable(const SessionData& session) const;

    ModelStore* workspace_;
    ModelEditingController* editing_;
    ProfileComplexityController* feed_;
    DatasetController* datasets_;
    DatasetStore* store_;
    std::function<QJsonObject()> saveCharts_;
    std::function<void(const QJsonObject&)> restoreCharts_;
    QString file_;
    QByteArray saved_;      // comparable() of what the current file holds
    QByteArray autosaved_;  // sessionToJson() of the last autosave
    QTimer autosave_;
    QAction* open_;
    QAction* save_;
    QAction* saveAs_;
};

} // namespace nofade::ui

// Sessions: save -> open gives the same session; a damaged or newer file is refused with a
// message and changes nothing; the autosave of a run that did not exit cleanly is offered and
// restores the edits; a clean exit keeps the edits for the next start.
#include <QAbstractButton>
#include <QJsonDocument>
#include <QMessageBox>
#include <QSaveFile>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

#include "dataset_state/dataset_controller.h"
#include "dataset_state/dataset_store.h"
#include "documents/session_file.h"
#include "model_figures/model_figures_controller.h"
#include "model_figures/nofade_tab.h"
#include "model_figures/saturation_tab.h"
#include "model_table/complexity_editor_widget.h"
#include "model_table/model_editing_controller.h"
#include "model_table/model_selection_store.h"
#include "model_table/model_settings_panel.h"
#include "model_table/model_store.h"
#include "models/report_json.h"
#include "session/session_controller.h"
#include "shell/app_settings.h"
#include "shell/main_window.h"
#include "ui_fixtures.h"

using namespace nofade;
using namespace nofade::ui;

namespace {

QByteArray readAll(const QString& file)
{
    QFile f(file);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void write(const QString& file, const QByteArray& bytes)
{
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(bytes);
}

// Edits of every kind a session holds.
void editEverything(MainWindow& w)
{
    ModelEditingController* e = uitest::part<ModelEditingController>(w, "modelEditingController");
    e->setCell(0, QStringLiteral("score"), QStringLiteral("83.9"));
    e->setCell(2, QStringLiteral("notes"), QStringLiteral("a note, with \"quotes\"\nover two lines"));
    const int row = e->appendRow();
    for (const auto& [column, text] : {std::pair{"model", "My net"}, std::pair{"task", "detection"},
                                       std::pair{"dataset", "COCO"}, std::pair{"score", "not yet"}})
        e->setCell(row, QString::fromLatin1(column), QString::fromLatin1(text));
    e->removeRows({5});
    ReportSettings s = uitest::part<ModelStore>(w, "modelStore")->settings();
    s.pue = 1.58;
    s.kgPerKwh = 0.123456789;
    s.intensitySource = QStringLiteral("custom value");
    s.utilisation = 0.4;
    s.nofade.logBase = LogBase::Two;
    s.measures.insert(QStringLiteral("coco"), nofade::ComplexityMeasure::JensenShannon);
    uitest::part<ModelStore>(w, "modelStore")->setSettings(s);
    uitest::part<ModelStore>(w, "modelStore")->setComplexities({typedComplexity(QStringLiteral("ImageNet"), 2.75, QStringLiteral("my estimate")),
                                         typedComplexity(QStringLiteral("COCO"), 7.1, QStringLiteral("from a scan elsewhere"))});
}

} // namespace

class TestSessions : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

    static void clearState()
    {
        QSettings().clear();
        QFile::remove(SessionController::autosaveFile());
        QFile::remove(SessionController::lastSessionFile());
        AppSettings::setFirstStartDone(true); // a later start: no example dataset to scan
    }

private Q_SLOTS:
    void initTestCase()
    {
        uitest::isolateSettings();
        QVERIFY(dir_.isValid());
    }

    void init() { clearState(); }

    void saveThenOpenIsIdentical()
    {
        MainWindow a;
        QJsonObject charts{{QStringLiteral("panel"), QStringLiteral("overlay")}, {QStringLiteral("log_x"), true}};
        uitest::part<SessionController>(a, "sessionController")->setChartsHooks([charts] { return charts; }, [](const QJsonObject&) {});
        editEverything(a);
        const QString file = dir_.filePath(QStringLiteral("s.nofade-session"));
        QString error;
        QVERIFY2(uitest::part<SessionController>(a, "sessionController")->save(file, &error), qPrintable(error));
        QVERIFY(!uitest::part<SessionController>(a, "sessionController")->isModified());
        QVERIFY(a.windowTitle().startsWith(QStringLiteral("s.nofade-session — ")));

        MainWindow b;
        QJsonObject restored;
        // The charts' state as a chart view would keep it: what was restored is what is saved.
        uitest::part<SessionController>(b, "sessionController")->setChartsHooks([&restored] { return restored; }, [&restored](const QJsonObject& o) { restored = o; });
        uitest::part<ModelEditingController>(b, "modelEditingController")->setCell(1, QStringLiteral("score"), QStringLiteral("1")); // undone history is dropped on open
        QVERIFY2(uitest::part<SessionController>(b, "sessionController")->open(file, &error), qPrintable(error));
        QCOMPARE(uitest::part<ModelStore>(b, "modelStore")->table().toCsv(), uitest::part<ModelStore>(a, "modelStore")->table().toCsv());
        QCOMPARE(uitest::part<ModelStore>(b, "modelStore")->table().fileName(), uitest::part<ModelStore>(a, "modelStore")->table().fileName());
        QVERIFY(uitest::waitForReport(&a));
        QVERIFY(uitest::waitForReport(&b));
        QCOMPARE(reportToJsonBytes(uitest::part<ModelStore>(b, "modelStore")->report()), reportToJsonBytes(uitest::part<ModelStore>(a, "modelStore")->report()));
        QCOMPARE(uitest::part<ModelStore>(b, "modelStore")->settings().kgPerKwh, 0.123456789);
        QCOMPARE(restored, charts);
        QCOMPARE(uitest::part<ModelEditingController>(b, "modelEditingController")->undoStack()->count(), 0);
        QVERIFY(!uitest::part<SessionController>(b, "sessionController")->isModified());
        // Saving the opened session again writes the same file.
        const QString again = dir_.filePath(QStringLiteral("again.nofade-session"));
        QVERIFY(uitest::part<SessionController>(b, "sessionController")->save(again, &error));
        QJsonObject first = QJsonDocument::fromJson(readAll(file)).object();
        QJsonObject second = QJsonDocument::fromJson(readAll(again)).object();
        QCOMPARE(second, first);
        QCOMPARE(first.value(QStringLiteral("schema")).toString(), QStringLiteral("nofade.session/1"));
        // An edit marks the session modified; the NoFADE of the typed complexities is there.
        QVERIFY(uitest::part<ModelStore>(b, "modelStore")->report().models[0].nofade.has_value());
        uitest::part<ModelEditingController>(b, "modelEditingController")->setCell(0, QStringLiteral("score"), QStringLiteral("84"));
        QVERIFY(uitest::part<SessionController>(b, "sessionController")->isModified());
        QVERIFY(b.windowTitle().contains(QLatin1String("*")));
    }

    // A session's datasets come back in their order, so each keeps its colour in every figure,
    // whatever kind each is (a path without a profile, a saved profile loaded in a worker); once
    // they are back the session is not "modified" (no "*" in the title).
    void datasetsComeBackInOrderWithTheirColours()
    {
        QStringList folders;
        for (const char* name : {"first", "second", "third"}) {
            folders << dir_.filePath(QString::fromLatin1(name));
            QVERIFY(uitest::writeKnownDataset(folders.back()));
        }
        const QString file = dir_.filePath(QStringLiteral("order.nofade-session"));
        std::vector<std::pair<QString, QColor>> saved;
        {
            MainWindow a;
            auto* datasets = uitest::part<DatasetController>(a, "datasetController");
            DatasetStore* store = datasets->store();
            datasets->addPath(folders[0], false);
            const int scanned = datasets->addPath(folders[1], true);
            QTRY_VERIFY_WITH_TIMEOUT(store->find(scanned)->state == DatasetState::Scanned, 60000);
            QString error;
            // The middle one is a saved profile: it reloads in a worker, after the others were added.
            QVERIFY2(datasets->saveProfile(scanned, dir_.filePath(QStringLiteral("second.profile.json")), &error), qPrintable(error));
            datasets->addPath(folders[2], false);
            for (int row = 0; row < store->count(); ++row)
                saved.emplace_back(store->at(row).name, store->at(row).colour);
            QVERIFY2(uitest::part<SessionController>(a, "sessionController")->save(file, &error), qPrintable(error));
        }
        MainWindow b;
        b.show();
        auto* datasets = uitest::part<DatasetController>(b, "datasetController");
        datasets->addPath(folders[2], false); // something open before: replaced, its colour not kept
        QString error;
        QVERIFY2(uitest::part<SessionController>(b, "sessionController")->open(file, &error), qPrintable(error));
        DatasetStore* store = datasets->store();
        QTRY_COMPARE_WITH_TIMEOUT(store->count(), 3, 20000);
        QTRY_VERIFY(store->at(1).profile != nullptr);
        for (int row = 0; row < 3; ++row) {
            QCOMPARE(store->at(row).name, saved[std::size_t(row)].first);
            QCOMPARE(store->at(row).colour, saved[std::size_t(row)].second);
        }
        QVERIFY(!uitest::part<SessionController>(b, "sessionController")->isModified());
        QTRY_VERIFY2(!b.windowTitle().contains(QLatin1Char('*')), qPrintable(b.windowTitle()));
    }

    void chartChoicesComeBackWithTheSession()
    {
        // The real chart views (MainWindow wires them to the session): what the user chose is
        // what a new window shows after opening the session.
        MainWindow a;
        editEverything(a); // typed complexities: the NoFADE tab has tasks to choose from
        SaturationTab* sat = uitest::part<ModelFiguresController>(a, "modelFiguresController")->saturationView();
        NoFadeTab* nof = uitest::part<ModelFiguresController>(a, "modelFiguresController")->noFadeView();
        sat->setDatasets(QStringLiteral("overlay"));
        sat->setColourBy(ColourBy::Dataset);
        sat->setStyleName(QStringLiteral("publication"));
        nof->setTask(QStringLiteral("detection"));
        QCOMPARE(sat->datasetsChoice(), QStringLiteral("overlay"));
        QCOMPARE(nof->task(), QStringLiteral("detection"));
        const QString file = dir_.filePath(QStringLiteral("charts.nofade-session"));
        QString error;
        QVERIFY2(uitest::part<SessionController>(a, "sessionController")->save(file, &error), qPrintable(error));

        MainWindow b;
        QCOMPARE(uitest::part<ModelFiguresController>(b, "modelFiguresController")->saturationView()->datasetsChoice(), QStringLiteral("grid")); // the default
        QVERIFY2(uitest::part<SessionController>(b, "sessionController")->open(file, &error), qPrintable(error));
        QCOMPARE(uitest::part<ModelFiguresController>(b, "modelFiguresController")->saturationView()->datasetsChoice(), QStringLiteral("overlay"));
        QCOMPARE(int(uitest::part<ModelFiguresController>(b, "modelFiguresController")->saturationView()->colourBy()), int(ColourBy::Dataset));
        QCOMPARE(uitest::part<ModelFiguresController>(b, "modelFiguresController")->saturationView()->style().name, QStringLiteral("publication"));
        QCOMPARE(uitest::part<ModelFiguresController>(b, "modelFiguresController")->noFadeView()->task(), QStringLiteral("detection"));
        QCOMPARE(uitest::part<ModelFiguresController>(b, "modelFiguresController")->noFadeView()->style().name, QStringLiteral("screen"));
    }

    void damagedOrNewerSessionIsRefusedAndNothingChanges_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("reason");
        MainWindow a;
        editEverything(a);
        const QByteArray good = sessionToJson(uitest::part<SessionController>(a, "sessionController")->capture());
        QTest::newRow("truncated") << good.left(good.size() / 2) << QStringLiteral("not a session file: JSON error");
        QTest::newRow("not json") << QByteArray("PK\x03\x04 binary") << QStringLiteral("not a session file: JSON error");
        QTest::newRow("a profile") << QByteArray("{\"schema\": \"nofade.profile/1\"}")
                                   << QStringLiteral("not a session file (schema \"nofade.profile/1\")");
        QByteArray newer = good;
        newer.replace("nofade.session/1", "nofade.session/2");
        QTest::newRow("newer") << newer << QStringLiteral("written by a newer NoFADE Studio (session version 2; this version reads up to 1)");
        QJsonObject o = QJsonDocument::fromJson(good).object();
        QJsonObject settings = o.value(QStringLiteral("settings")).toObject();
        settings.insert(QStringLiteral("pue"), QStringLiteral("high"));
        o.insert(QStringLiteral("settings"), settings);
        QTest::newRow("bad field") << QJsonDocument(o).toJson() << QStringLiteral("settings.pue: not a number");
        settings.insert(QStringLiteral("pue"), 0.5);
        o.insert(QStringLiteral("settings"), settings);
        QTest::newRow("bad value") << QJsonDocument(o).toJson() << QStringLiteral("settings: PUE must be a number of at least 1");
        o = QJsonDocument::fromJson(good).object();
        QJsonArray typed = o.value(QStringLiteral("typed_complexities")).toArray();
        QJsonObject t = typed.at(1).toObject();
        t.remove(QStringLiteral("typed"));
        typed.replace(1, t);
        o.insert(QStringLiteral("typed_complexities"), typed);
        QTest::newRow("missing key") << QJsonDocument(o).toJson() << QStringLiteral("typed_complexities[1].typed: missing");
    }

    void damagedOrNewerSessionIsRefusedAndNothingChanges()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, reason);
        MainWindow w;
        uitest::part<ModelEditingController>(w, "modelEditingController")->setCell(0, QStringLiteral("score"), QStringLiteral("12"));
        QVERIFY(uitest::waitForReport(&w));
        const QByteArray csv = uitest::part<ModelStore>(w, "modelStore")->table().toCsv();
        const QByteArray report = reportToJsonBytes(uitest::part<ModelStore>(w, "modelStore")->report());
        const QByteArray session = sessionToJson(uitest::part<SessionController>(w, "sessionController")->capture());
        const QString file = dir_.filePath(QStringLiteral("broken.nofade-session"));
        write(file, bytes);
        QString error;
        QVERIFY(!uitest::part<SessionController>(w, "sessionController")->open(file, &error));
        QVERIFY2(error.startsWith(file + QStringLiteral(": ")), qPrintable(error));
        QVERIFY2(error.contains(reason), qPrintable(error));
        QCOMPARE(uitest::part<ModelStore>(w, "modelStore")->table().toCsv(), csv);
        QVERIFY(!uitest::part<ModelStore>(w, "modelStore")->reportPending()); // nothing to rebuild
        QCOMPARE(reportToJsonBytes(uitest::part<ModelStore>(w, "modelStore")->report()), report);
        QCOMPARE(sessionToJson(uitest::part<SessionController>(w, "sessionController")->capture()), session);
        QCOMPARE(uitest::part<ModelEditingController>(w, "modelEditingController")->undoStack()->count(), 1);
        QVERIFY(uitest::part<SessionController>(w, "sessionController")->currentFile().isEmpty());
    }

    void savingIsAtomic()
    {
        // A directory in the way: the save fails with a message, and nothing is left behind.
        MainWindow w;
        const QString file = dir_.filePath(QStringLiteral("taken"));
        QVERIFY(QDir(dir_.path()).mkdir(QStringLiteral("taken")));
        QString error;
        QVERIFY(!uitest::part<SessionController>(w, "sessionController")->save(file, &error));
        QVERIFY2(error.startsWith(file + QStringLiteral(": cannot write")), qPrintable(error));
        QVERIFY(uitest::part<SessionController>(w, "sessionController")->currentFile().isEmpty());
    }

    void autosaveIsOfferedAfterACrash()
    {
        QByteArray edited;
        {
            MainWindow crashed;
            editEverything(crashed);
            QString error;
            QVERIFY2(uitest::part<SessionController>(crashed, "sessionController")->autosaveNow(&error), qPrintable(error));
            edited = uitest::part<ModelStore>(crashed, "modelStore")->table().toCsv();
            QVERIFY(QFileInfo::exists(SessionController::autosaveFile()));
            // No clean exit: the window goes away without closeEvent, as in a crash.
        }
        QCOMPARE(SessionController::recoverableAutosave(), SessionController::autosaveFile());
        MainWindow next;
        next.show();
        QVERIFY(uitest::part<ModelStore>(next, "modelStore")->isBundledTable());
        next.startUp(true);
        QMessageBox* box = nullptr;
        QTRY_VERIFY((box = next.findChild<QMessageBox*>(QStringLiteral("recoveryBox"))) != nullptr);
        QAbstractButton* restore = nullptr;
        for (QAbstractButton* b : box->buttons())
            if (box->buttonRole(b) == QMessageBox::AcceptRole)
                restore = b;
        QVERIFY(restore);
        restore->click();
        QCOMPARE(uitest::part<ModelStore>(next, "modelStore")->table().toCsv(), edited);
        QCOMPARE(uitest::part<ModelStore>(next, "modelStore")->settings().kgPerKwh, 0.123456789);
        QCOMPARE(uitest::part<ModelStore>(next, "modelStore")->userComplexities().size(), std::size_t(2));
        // A clean exit removes the autosave: nothing is offered at the next start, and the
        // edits come back as the last session.
        QVERIFY(next.close());
        QVERIFY(SessionController::recoverableAutosave().isEmpty());
        MainWindow later;
        later.startUp(true);
        QVERIFY(!later.findChild<QMessageBox*>(QStringLiteral("recoveryBox")));
        QCOMPARE(uitest::part<ModelStore>(later, "modelStore")->table().toCsv(), edited);
    }

    void discardingTheAutosaveRemovesIt()
    {
        {
            MainWindow crashed;
            uitest::part<ModelEditingController>(crashed, "modelEditingController")->setCell(0, QStringLiteral("score"), QStringLiteral("50"));
            QVERIFY(uitest::part<SessionController>(crashed, "sessionController")->autosaveNow());
        }
        MainWindow next;
        next.startUp(true);
        QMessageBox* box = next.findChild<QMessageBox*>(QStringLiteral("recoveryBox"));
        QVERIFY(box);
        for (QAbstractButton* b : box->buttons())
            if (box->buttonRole(b) == QMessageBox::DestructiveRole)
                b->click();
        QVERIFY(uitest::part<ModelStore>(next, "modelStore")->isBundledTable());
        QVERIFY(!QFileInfo::exists(SessionController::autosaveFile()));
    }
};

QTEST_MAIN(TestSessions)
#include "test_sessions.moc"

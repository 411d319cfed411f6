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

#include "app_settings.h"
#include "complexity_editor.h"
#include "dataset_store.h"
#include "main_window.h"
#include "model_chart_tabs.h"
#include "model_editing.h"
#include "model_selection.h"
#include "model_settings_panel.h"
#include "model_workspace.h"
#include "models/report_json.h"
#include "nofade_view.h"
#include "saturation_view.h"
#include "session_controller.h"
#include "session_file.h"
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
    ModelEditing* e = w.modelEditing();
    e->setCell(0, QStringLiteral("score"), QStringLiteral("83.9"));
    e->setCell(2, QStringLiteral("notes"), QStringLiteral("a note, with \"quotes\"\nover two lines"));
    const int row = e->appendRow();
    for (const auto& [column, text] : {std::pair{"model", "My net"}, std::pair{"task", "detection"},
                                       std::pair{"dataset", "COCO"}, std::pair{"score", "not yet"}})
        e->setCell(row, QString::fromLatin1(column), QString::fromLatin1(text));
    e->removeRows({5});
    ReportSettings s = w.modelWorkspace()->settings();
    s.pue = 1.58;
    s.kgPerKwh = 0.123456789;
    s.intensitySource = QStringLiteral("custom value");
    s.utilisation = 0.4;
    s.nofade.logBase = LogBase::Two;
    s.measures.insert(QStringLiteral("coco"), nofade::ComplexityMeasure::JensenShannon);
    w.modelWorkspace()->setSettings(s);
    w.modelWorkspace()->setComplexities({typedComplexity(QStringLiteral("ImageNet"), 2.75, QStringLiteral("my estimate")),
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
        a.sessionController()->setChartsHooks([charts] { return charts; }, [](const QJsonObject&) {});
        editEverything(a);
        const QString file = dir_.filePath(QStringLiteral("s.nofade-session"));
        QString error;
        QVERIFY2(a.sessionController()->save(file, &error), qPrintable(error));
        QVERIFY(!a.sessionController()->isModified());
        QVERIFY(a.windowTitle().startsWith(QStringLiteral("s.nofade-session — ")));

        MainWindow b;
        QJsonObject restored;
        // The charts' state as a chart view would keep it: what was restored is what is saved.
        b.sessionController()->setChartsHooks([&restored] { return restored; }, [&restored](const QJsonObject& o) { restored = o; });
        b.modelEditing()->setCell(1, QStringLiteral("score"), QStringLiteral("1")); // undone history is dropped on open
        QVERIFY2(b.sessionController()->open(file, &error), qPrintable(error));
        QCOMPARE(b.modelWorkspace()->table().toCsv(), a.modelWorkspace()->table().toCsv());
        QCOMPARE(b.modelWorkspace()->table().fileName(), a.modelWorkspace()->table().fileName());
        QCOMPARE(reportToJsonBytes(b.modelWorkspace()->report()), reportToJsonBytes(a.modelWorkspace()->report()));
        QCOMPARE(b.modelWorkspace()->settings().kgPerKwh, 0.123456789);
        QCOMPARE(restored, charts);
        QCOMPARE(b.modelEditing()->undoStack()->count(), 0);
        QVERIFY(!b.sessionController()->isModified());
        // Saving the opened session again writes the same file.
        const QString again = dir_.filePath(QStringLiteral("again.nofade-session"));
        QVERIFY(b.sessionController()->save(again, &error));
        QJsonObject first = QJsonDocument::fromJson(readAll(file)).object();
        QJsonObject second = QJsonDocument::fromJson(readAll(again)).object();
        QCOMPARE(second, first);
        QCOMPARE(first.value(QStringLiteral("schema")).toString(), QStringLiteral("nofade.session/1"));
        // An edit marks the session modified; the NoFADE of the typed complexities is there.
        QVERIFY(b.modelWorkspace()->report().models[0].nofade.has_value());
        b.modelEditing()->setCell(0, QStringLiteral("score"), QStringLiteral("84"));
        QVERIFY(b.sessionController()->isModified());
        QVERIFY(b.windowTitle().contains(QLatin1String("*")));
    }

    void chartChoicesComeBackWithTheSession()
    {
        // The real chart views (MainWindow wires them to the session): what the user chose is
        // what a new window shows after opening the session.
        MainWindow a;
        editEverything(a); // typed complexities: the NoFADE tab has tasks to choose from
        SaturationView* sat = a.modelCharts()->saturationView();
        NoFadeView* nof = a.modelCharts()->noFadeView();
        sat->setDatasets(QStringLiteral("overlay"));
        sat->setColourBy(ColourBy::Dataset);
        sat->setStyleName(QStringLiteral("publication"));
        nof->setTask(QStringLiteral("detection"));
        QCOMPARE(sat->datasetsChoice(), QStringLiteral("overlay"));
        QCOMPARE(nof->task(), QStringLiteral("detection"));
        const QString file = dir_.filePath(QStringLiteral("charts.nofade-session"));
        QString error;
        QVERIFY2(a.sessionController()->save(file, &error), qPrintable(error));

        MainWindow b;
        QCOMPARE(b.modelCharts()->saturationView()->datasetsChoice(), QStringLiteral("grid")); // the default
        QVERIFY2(b.sessionController()->open(file, &error), qPrintable(error));
        QCOMPARE(b.modelCharts()->saturationView()->datasetsChoice(), QStringLiteral("overlay"));
        QCOMPARE(int(b.modelCharts()->saturationView()->colourBy()), int(ColourBy::Dataset));
        QCOMPARE(b.modelCharts()->saturationView()->style().name, QStringLiteral("publication"));
        QCOMPARE(b.modelCharts()->noFadeView()->task(), QStringLiteral("detection"));
        QCOMPARE(b.modelCharts()->noFadeView()->style().name, QStringLiteral("screen"));
    }

    void damagedOrNewerSessionIsRefusedAndNothingChanges_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("reason");
        MainWindow a;
        editEverything(a);
        const QByteArray good = sessionToJson(a.sessionController()->capture());
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
        w.modelEditing()->setCell(0, QStringLiteral("score"), QStringLiteral("12"));
        const QByteArray csv = w.modelWorkspace()->table().toCsv();
        const QByteArray report = reportToJsonBytes(w.modelWorkspace()->report());
        const QByteArray session = sessionToJson(w.sessionController()->capture());
        const QString file = dir_.filePath(QStringLiteral("broken.nofade-session"));
        write(file, bytes);
        QString error;
        QVERIFY(!w.sessionController()->open(file, &error));
        QVERIFY2(error.startsWith(file + QStringLiteral(": ")), qPrintable(error));
        QVERIFY2(error.contains(reason), qPrintable(error));
        QCOMPARE(w.modelWorkspace()->table().toCsv(), csv);
        QCOMPARE(reportToJsonBytes(w.modelWorkspace()->report()), report);
        QCOMPARE(sessionToJson(w.sessionController()->capture()), session);
        QCOMPARE(w.modelEditing()->undoStack()->count(), 1);
        QVERIFY(w.sessionController()->currentFile().isEmpty());
    }

    void savingIsAtomic()
    {
        // A directory in the way: the save fails with a message, and nothing is left behind.
        MainWindow w;
        const QString file = dir_.filePath(QStringLiteral("taken"));
        QVERIFY(QDir(dir_.path()).mkdir(QStringLiteral("taken")));
        QString error;
        QVERIFY(!w.sessionController()->save(file, &error));
        QVERIFY2(error.startsWith(file + QStringLiteral(": cannot write")), qPrintable(error));
        QVERIFY(w.sessionController()->currentFile().isEmpty());
    }

    void autosaveIsOfferedAfterACrash()
    {
        QByteArray edited;
        {
            MainWindow crashed;
            editEverything(crashed);
            QString error;
            QVERIFY2(crashed.sessionController()->autosaveNow(&error), qPrintable(error));
            edited = crashed.modelWorkspace()->table().toCsv();
            QVERIFY(QFileInfo::exists(SessionController::autosaveFile()));
            // No clean exit: the window goes away without closeEvent, as in a crash.
        }
        QCOMPARE(SessionController::recoverableAutosave(), SessionController::autosaveFile());
        MainWindow next;
        next.show();
        QVERIFY(next.modelWorkspace()->isBundledTable());
        next.startUp(true);
        QMessageBox* box = nullptr;
        QTRY_VERIFY((box = next.findChild<QMessageBox*>(QStringLiteral("recoveryBox"))) != nullptr);
        QAbstractButton* restore = nullptr;
        for (QAbstractButton* b : box->buttons())
            if (box->buttonRole(b) == QMessageBox::AcceptRole)
                restore = b;
        QVERIFY(restore);
        restore->click();
        QCOMPARE(next.modelWorkspace()->table().toCsv(), edited);
        QCOMPARE(next.modelWorkspace()->settings().kgPerKwh, 0.123456789);
        QCOMPARE(next.modelWorkspace()->userComplexities().size(), std::size_t(2));
        // A clean exit removes the autosave: nothing is offered at the next start, and the
        // edits come back as the last session.
        QVERIFY(next.close());
        QVERIFY(SessionController::recoverableAutosave().isEmpty());
        MainWindow later;
        later.startUp(true);
        QVERIFY(!later.findChild<QMessageBox*>(QStringLiteral("recoveryBox")));
        QCOMPARE(later.modelWorkspace()->table().toCsv(), edited);
    }

    void discardingTheAutosaveRemovesIt()
    {
        {
            MainWindow crashed;
            crashed.modelEditing()->setCell(0, QStringLiteral("score"), QStringLiteral("50"));
            QVERIFY(crashed.sessionController()->autosaveNow());
        }
        MainWindow next;
        next.startUp(true);
        QMessageBox* box = next.findChild<QMessageBox*>(QStringLiteral("recoveryBox"));
        QVERIFY(box);
        for (QAbstractButton* b : box->buttons())
            if (box->buttonRole(b) == QMessageBox::DestructiveRole)
                b->click();
        QVERIFY(next.modelWorkspace()->isBundledTable());
        QVERIFY(!QFileInfo::exists(SessionController::autosaveFile()));
    }
};

QTEST_MAIN(TestSessions)
#include "test_sessions.moc"

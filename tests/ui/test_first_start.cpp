// The first start on a 1280 x 720 projector: the offscreen platform is given one screen of that
// size (its configfile option), and the main window, with no settings yet, must lie wholly on it
// with its Datasets dock and status bar; the place it was given is remembered for the next start.
#include <QDockWidget>
#include <QFile>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QtTest>

#include "shell/main_window.h"
#include "ui_fixtures.h"

using namespace nofade;
using namespace nofade::ui;

class FirstStartTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        uitest::isolateSettings();
        QSettings().clear();
        QCOMPARE(QGuiApplication::primaryScreen()->geometry(), QRect(0, 0, 1280, 720));
    }

    void theWholeWindowIsOnScreen()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QRect screen = window.screen()->availableGeometry();
        QVERIFY2(screen.contains(window.frameGeometry()),
                 qPrintable(QStringLiteral("%1,%2 %3x%4").arg(window.frameGeometry().x()).arg(window.frameGeometry().y())
                                .arg(window.frameGeometry().width()).arg(window.frameGeometry().height())));
        for (QWidget* part : {static_cast<QWidget*>(window.statusBar()), static_cast<QWidget*>(window.findChild<QDockWidget*>(QStringLiteral("datasetsDock"))),
                              window.centralWidget()}) {
            QVERIFY(part && part->isVisible());
            const QRect global(part->mapToGlobal(QPoint(0, 0)), part->size());
            QVERIFY2(screen.contains(global), part->metaObject()->className());
        }
        // The charts keep most of the window.
        QVERIFY(window.centralWidget()->height() >= window.height() / 3);
        QVERIFY(window.close());
        // Remembered: the next start opens where this one was.
        const QRect was = window.geometry();
        MainWindow again;
        QCOMPARE(again.geometry(), was);
    }
};

int main(int argc, char** argv)
{
    // One 1280 x 720 screen, before the application connects to the platform.
    QTemporaryDir dir;
    const QString config = dir.filePath(QStringLiteral("screens.json"));
    QFile file(config);
    if (!file.open(QIODevice::WriteOnly))
        return 1;
    file.write(R"({"screens": [{"name": "projector", "x": 0, "y": 0, "width": 1280, "height": 720,
                   "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]})");
    file.close();
    qputenv("QT_QPA_PLATFORM", QByteArray("offscreen:configfile=") + QFile::encodeName(config));
    QApplication app(argc, argv);
    FirstStartTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_first_start.moc"

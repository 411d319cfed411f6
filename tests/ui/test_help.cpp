// F1 opens the user guide: docs/USER_GUIDE.md compiled into the application, rendered as Markdown
// with its screenshots, and its links to the other documents resolving inside the resources.
#include <QFile>
#include <QAction>
#include <QTextBrowser>
#include <QTextDocument>
#include <QtTest>

#include "shell/main_window.h"
#include "ui_fixtures.h"

using namespace nofade::ui;

class HelpTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { nofade::uitest::isolateSettings(); }

    void f1OpensTheUserGuideWithItsScreenshots()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::keyClick(&window, Qt::Key_F1);
        QTextBrowser* guide = nullptr;
        QTRY_VERIFY((guide = [] {
            for (QWidget* w : QApplication::topLevelWidgets())
                if (auto* b = qobject_cast<QTextBrowser*>(w); b && b->isVisible())
                    return b;
            return static_cast<QTextBrowser*>(nullptr);
        }()) != nullptr);
        // The text is the guide's, as written in docs/USER_GUIDE.md.
        QFile source(QStringLiteral(NOFADE_TEST_DATA_DIR "/../docs/USER_GUIDE.md"));
        QVERIFY(source.open(QIODevice::ReadOnly));
        const QString firstLine = QString::fromUtf8(source.readLine()).remove(QLatin1Char('#')).trimmed();
        QVERIFY2(guide->toPlainText().startsWith(firstLine), qPrintable(guide->toPlainText().left(200)));
        // Every screenshot it shows is in the resources (a missing one renders as a broken image).
        const QString markdown = QString::fromUtf8(source.readAll());
        static const QRegularExpression image(QStringLiteral(R"(!\[[^\]]*\]\(([^)]+\.png)\))"));
        int images = 0;
        for (const QRegularExpressionMatch& m : image.globalMatch(markdown)) {
            // Resolved against the guide's own address, as the browser does when it draws it.
            const QVariant bytes = guide->loadResource(QTextDocument::ImageResource, QUrl(m.captured(1)));
            QVERIFY2(bytes.isValid() && !bytes.toByteArray().isEmpty(), qPrintable(m.captured(1)));
            ++images;
        }
        QVERIFY(images >= 5);
        // A link to another document opens it from the resources.
        QVERIFY(QFile::exists(QStringLiteral(":/nofade/docs/METHODS.md")));
        guide->close();
    }

    // Quit with the guide and the quick reference open closes them too, and the application
    // ends (no window left); Esc and Ctrl+W close a help window by itself.
    void quittingClosesTheHelpWindows()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto helpWindows = [] {
            QList<QWidget*> open;
            for (QWidget* w : QApplication::topLevelWidgets())
                if (qobject_cast<QTextBrowser*>(w) && w->isVisible())
                    open << w;
            return open;
        };
        QTest::keyClick(&window, Qt::Key_F1);
        QTRY_COMPARE(helpWindows().size(), 1);
        QWidget* guide = helpWindows().constFirst();
        QVERIFY(QTest::qWaitForWindowExposed(guide));
        QTest::keyClick(guide, Qt::Key_Escape);
        QTRY_COMPARE(helpWindows().size(), 0);
        window.activateWindow(); // F1 is the main window's shortcut
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::keyClick(&window, Qt::Key_F1);
        QTRY_COMPARE(helpWindows().size(), 1);
        guide = helpWindows().constFirst();
        QVERIFY(QTest::qWaitForWindowExposed(guide));
        QTest::keySequence(guide, QKeySequence::Close);
        QTRY_COMPARE(helpWindows().size(), 0);

        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::keyClick(&window, Qt::Key_F1);
        for (QAction* a : window.findChildren<QAction*>())
            if (a->text().contains(QLatin1String("Quick reference")))
                a->trigger();
        QTRY_COMPARE(helpWindows().size(), 2);
        // File > Quit (Ctrl+Q on desktops; the offscreen platform binds no key to "Quit").
        QAction* quit = nullptr;
        for (QAction* a : window.findChildren<QAction*>())
            if (a->text() == QLatin1String("&Quit"))
                quit = a;
        QVERIFY(quit);
        QCOMPARE(quit->shortcut(), QKeySequence(QKeySequence::Quit));
        quit->trigger();
        QTRY_VERIFY(!window.isVisible());
        QTRY_COMPARE(helpWindows().size(), 0);
        // No window is left open, so the application ends (quitOnLastWindowClosed; QTest runs no
        // event loop of its own to end).
        QVERIFY(QGuiApplication::quitOnLastWindowClosed());
        for (QWidget* w : QApplication::topLevelWidgets())
            QVERIFY2(!w->isVisible(), qPrintable(w->objectName() + QLatin1Char(' ') + w->windowTitle()));
    }
};

QTEST_MAIN(HelpTest)
#include "test_help.moc"

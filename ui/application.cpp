#include "application.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <vector>

#include "dataset_store.h"
#include "first_paint_probe.h"
#include "datasets_panel.h"
#include "figure_export_command.h"
#include "main_window.h"
#include "screenshot_runner.h"

// The resource object of a static library needs an explicit reference to be initialised
// (resources/ui.qrc: the window icon and the quick reference).
static void initUiResources()
{
    Q_INIT_RESOURCE(ui);
}

namespace nofade::ui {

int runApplication(int argc, char** argv)
{
    // The headless figure export draws with the same widgets code, without a display. Its
    // --style (screen|publication) is not QApplication's widget style: hidden from QApplication,
    // which would take it, and parsed from the untouched arguments.
    const bool exportFigures = FigureExportCommand::requested(argc, argv);
    if (exportFigures && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    std::vector<char*> qtArgs = exportFigures ? FigureExportCommand::withoutStyle(argc, argv)
                                              : std::vector<char*>(argv, argv + argc);
    int qtArgc = int(qtArgs.size());
    qtArgs.push_back(nullptr);
    QApplication app(qtArgc, qtArgs.data());
    initUiResources();
    QApplication::setOrganizationName(QStringLiteral("NoFADE"));
    QApplication::setApplicationName(QStringLiteral("NoFADE Studio"));
    QApplication::setApplicationVersion(QStringLiteral(NOFADE_VERSION));
    // Matches packaging/org.nofade.Studio.desktop, so that desktops find the icon and the entry.
    QApplication::setDesktopFileName(QStringLiteral("org.nofade.Studio"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/nofade/ui/org.nofade.Studio.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("NoFADE Studio: entropy and Jensen-Shannon complexity of image datasets."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("PATH"), QStringLiteral("Datasets (folders, IDX or CIFAR files) or profiles (.json) to open."),
                                 QStringLiteral("[PATH...]"));
    const QCommandLineOption example(QStringLiteral("example"), QStringLiteral("Open the bundled example dataset (Fashion-MNIST)."));
    const QCommandLineOption fresh(QStringLiteral("fresh"), QStringLiteral("Do not reopen the datasets of the last session."));
    QCommandLineOption screenshot(QStringLiteral("screenshot"), QStringLiteral("Save screenshots of every view to DIR and quit."),
                                  QStringLiteral("DIR"));
    screenshot.setFlags(QCommandLineOption::HiddenFromHelp);
    const QCommandLineOption shards(QStringLiteral("shards"),
                                    QStringLiteral("Open a folder of shard profiles (a Slurm job array's --out-dir) and "
                                                   "follow it as shards arrive."),
                                    QStringLiteral("DIR"));
    parser.addOptions({example, fresh, shards, screenshot});
    FigureExportCommand::addOptions(&parser);
    if (exportFigures)
        parser.process(arguments);
    else
        parser.process(app);
    if (parser.isSet(QStringLiteral("export-figures")))
        return FigureExportCommand::run(parser);

    MainWindow window;
    if (qEnvironmentVariableIsSet("NOFADE_QUIT_AFTER_FIRST_PAINT"))
        quitAfterFirstPaint(&window);
    window.show();
    const QStringList paths = parser.positionalArguments();
    const bool explicitStart = !paths.isEmpty() || parser.isSet(example) || parser.isSet(shards);
    window.startUp(!explicitStart && !parser.isSet(fresh) && !parser.isSet(screenshot));
    // Screenshots are reproducible: without paths they show the example.
    if ((parser.isSet(example) || (parser.isSet(screenshot) && paths.isEmpty() && !parser.isSet(shards))) && window.datasets()->count() == 0)
        window.openBundledExample();
    for (const QString& p : paths) {
        if (p.endsWith(QLatin1String(".json"), Qt::CaseInsensitive))
            window.datasetsPanel()->loadProfileFile(p);
        else
            window.datasetsPanel()->addPath(p);
    }

    for (const QString& dir : parser.values(shards))
        window.datasetsPanel()->openShardFolder(dir);

    ScreenshotRunner* runner = nullptr;
    if (parser.isSet(screenshot)) {
        runner = new ScreenshotRunner(&window, parser.value(screenshot), &window);
        QObject::connect(runner, &ScreenshotRunner::finished, &app, [](bool ok) { QCoreApplication::exit(ok ? 0 : 1); });
        runner->start();
    }
    return app.exec();
}

} // namespace nofade::ui

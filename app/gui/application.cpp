#include "application.h"

#include <algorithm>
#include <vector>
#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

#include "dataset_state/dataset_controller.h"
#include "dataset_state/dataset_store.h"
#include "export/figure_export_command.h"
#include "first_paint_probe.h"
#include "screenshot_runner.h"
#include "shell/main_window.h"

// The resource object of a static library needs an explicit reference to be initialised
// (resources/ui.qrc: the window icon and the quick reference).
static void initUiResources()
{
    Q_INIT_RESOURCE(ui);
}

namespace nofade::ui {

namespace {

struct Options {
    QCommandLineOption example{QStringLiteral("example"), QStringLiteral("Open the bundled example dataset (Fashion-MNIST).")};
    QCommandLineOption fresh{QStringLiteral("fresh"), QStringLiteral("Do not reopen the datasets of the last session.")};
    QCommandLineOption shards{QStringLiteral("shards"),
                              QStringLiteral("Open a folder of shard profiles (a Slurm job array's --out-dir) and "
                                             "follow it as shards arrive."),
                              QStringLiteral("DIR")};
    QCommandLineOption screenshots{QStringLiteral("screenshots"),
                                   QStringLiteral("Save a screenshot of every view (the user guide's) to DIR and quit."),
                                   QStringLiteral("DIR")};
    QCommandLineOption screenshotSet{QStringLiteral("screenshot-set"),
                                     QStringLiteral("Which screenshots --screenshots takes: guide (the user guide's views, the default) or "
                                                    "screens (every tab, in presentation mode too, and the tour, at the screen's size)."),
                                     QStringLiteral("SET"), QStringLiteral("guide")};
};

void describeApplication()
{
    QCoreApplication::setOrganizationName(QStringLiteral("NoFADE"));
    QCoreApplication::setApplicationName(QStringLiteral("NoFADE Studio"));
    QCoreApplication::setApplicationVersion(QStringLiteral(NOFADE_VERSION));
}

void addOptions(QCommandLineParser& parser, const Options& o)
{
    parser.setApplicationDescription(QStringLiteral("NoFADE Studio: entropy and Jensen-Shannon complexity of image datasets."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("PATH"), QStringLiteral("Datasets (folders, IDX or CIFAR files) or profiles (.json) to open."),
                                 QStringLiteral("[PATH...]"));
    parser.addOptions({o.example, o.fresh, o.shards, o.screenshots, o.screenshotSet});
    FigureExportCommand::addOptions(&parser);
}

// --help and --version need no display: answered before the GUI starts.
bool asksForHelpOrVersion(int argc, char** argv)
{
    static const char* const asks[] = {"-h", "--help", "-?", "--help-all", "-v", "--version"};
    return std::any_of(argv + 1, argv + argc, [](const char* a) {
        return std::any_of(std::begin(asks), std::end(asks), [a](const char* h) { return qstrcmp(a, h) == 0; });
    });
}

} // namespace

int runApplication(int argc, char** argv)
{
    const Options options;
    if (asksForHelpOrVersion(argc, argv)) {
        QCoreApplication core(argc, argv);
        describeApplication();
        QCommandLineParser parser;
        addOptions(parser, options);
        parser.process(core); // prints and exits
        return 0;
    }
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
    describeApplication();
    // Matches packaging/org.nofade.Studio.desktop, so that desktops find the icon and the entry.
    QApplication::setDesktopFileName(QStringLiteral("org.nofade.Studio"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/nofade/ui/org.nofade.Studio.svg")));

    QCommandLineParser parser;
    addOptions(parser, options);
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
    const bool screenshots = parser.isSet(options.screenshots);
    const bool explicitStart = !paths.isEmpty() || parser.isSet(options.example) || parser.isSet(options.shards);
    window.startUp(!explicitStart && !parser.isSet(options.fresh) && !screenshots);
    // Screenshots are reproducible: without paths they show the example.
    auto* datasets = window.findChild<DatasetController*>(QStringLiteral("datasetController"));
    if ((parser.isSet(options.example) || (screenshots && paths.isEmpty() && !parser.isSet(options.shards)))
        && datasets->store()->count() == 0)
        window.openBundledExample();
    for (const QString& p : paths)
        datasets->open(p);
    for (const QString& dir : parser.values(options.shards))
        datasets->openShardFolder(dir);

    if (screenshots) {
        auto* runner = new ScreenshotRunner(&window, parser.value(options.screenshots), parser.value(options.screenshotSet), &window);
        QObject::connect(runner, &ScreenshotRunner::finished, &app, [](bool ok) { QCoreApplication::exit(ok ? 0 : 1); });
        runner->start();
    }
    return app.exec();
}

} // namespace nofade::ui

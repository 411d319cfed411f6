// nofade-cli: the command-line twin of NoFADE Studio. Each command lives in its own file.
#include <QCoreApplication>
#include <opencv2/core/version.hpp>

#include "cli_support.h"
#include "codec_chatter_filter.h"
#include "import_command.h"
#include "merge_command.h"
#include "report_command.h"
#include "scan_command.h"

namespace {

struct Command {
    const char* name;
    const char* summary;
    int (*run)(const QStringList& args);
};

const Command kCommands[] = {
    {"scan", "entropy profile and class JS complexity of an image dataset", nofade::cli::runScanCommand},
    {"merge", "merge shard profiles into the profile of one whole scan", nofade::cli::runMergeCommand},
    {"import", "your own runs (CodeCarbon, Slurm sacct, Epoch AI CSV) as a model table", nofade::cli::runImportCommand},
    {"report", "training energy, CO2, NoFADE and diminishing-returns fits of a model table", nofade::cli::runReportCommand},
};

QString usage()
{
    QString text = QStringLiteral("Usage: nofade-cli COMMAND [options]\n\nCommands:\n");
    for (const Command& c : kCommands)
        text += QStringLiteral("  %1  %2\n").arg(QString::fromLatin1(c.name).leftJustified(8), QString::fromLatin1(c.summary));
    text += QStringLiteral("\n'nofade-cli COMMAND --help' describes a command's options.\n"
                           "Exit status: 0 success (some files may have failed; they are listed), "
                           "1 the input cannot be read, 2 usage error, 130 interrupted.\n");
    return text;
}

} // namespace

int main(int argc, char** argv)
{
    const nofade::cli::CodecChatterFilter quietCodecs; // before any image is decoded
    QCoreApplication app(argc, argv);
    // The same names as the GUI, so both find the same user files (e.g. the user's hardware table).
    QCoreApplication::setOrganizationName(QStringLiteral("NoFADE"));
    QCoreApplication::setApplicationName(QStringLiteral("NoFADE Studio"));
    QCoreApplication::setApplicationVersion(QStringLiteral(NOFADE_VERSION));
    const QStringList args = QCoreApplication::arguments();
    using namespace nofade::cli;
    if (args.size() < 2) {
        printErr(usage());
        return kUsage;
    }
    const QString command = args.at(1);
    if (command == QLatin1String("--help") || command == QLatin1String("-h") || command == QLatin1String("help")) {
        printOut(usage());
        return kOk;
    }
    if (command == QLatin1String("--version") || command == QLatin1String("-v")) {
        printOut(QStringLiteral("nofade-cli %1 (Qt %2, OpenCV %3)\n")
                     .arg(QStringLiteral(NOFADE_VERSION), QString::fromLatin1(qVersion()),
                          QStringLiteral(CV_VERSION)));
        return kOk;
    }
    for (const Command& c : kCommands)
        if (command == QLatin1String(c.name))
            return c.run(QStringList{QStringLiteral("nofade-cli ") + command} + args.mid(2));
    printErr(QStringLiteral("nofade-cli: unknown command \"%1\"\n\n%2").arg(command, usage()));
    return kUsage;
}

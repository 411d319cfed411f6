#include "import_command.h"

#include <QCommandLineParser>
#include <QFileInfo>

#include "cli_support.h"
#include "imports/run_import.h"
#include "models/hardware_table.h"
#include "models/model_fields.h"
#include "models/model_table.h"
#include "models/text_values.h"

namespace nofade::cli {

namespace {

int usageError(const QString& message)
{
    printErr(QStringLiteral("nofade-cli import: %1\n").arg(message));
    return kUsage;
}

} // namespace

int runImportCommand(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Import your own training runs as a model table (docs/MODELS.md): CodeCarbon's emissions.csv\n"
        "(measured energy and CO2), Slurm accounting (sacct -P -o JobID,JobName,ElapsedRaw,AllocTRES,\n"
        "NodeList,State: device-hours) or Epoch AI's models CSV (published models; fill in their scores)."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The file to import."));
    auto option = [&](const QString& name, const QString& help, const QString& value = QString()) {
        const QCommandLineOption o(QStringList{name}, help, value);
        parser.addOption(o);
        return o;
    };
    const auto from = option(QStringLiteral("from"), QStringLiteral("The file's format: codecarbon | sacct | epoch."), QStringLiteral("FORMAT"));
    const auto model = option(QStringLiteral("model"), QStringLiteral("Name of the model (default: the project, job or model name of the file)."), QStringLiteral("NAME"));
    const auto task = option(QStringLiteral("task"), QStringLiteral("classification | detection | segmentation, for every row."), QStringLiteral("TASK"));
    const auto dataset = option(QStringLiteral("dataset"), QStringLiteral("Dataset of every row."), QStringLiteral("NAME"));
    const auto score = option(QStringLiteral("score"), QStringLiteral("Test score of every row (percent)."), QStringLiteral("S"));
    const auto device = option(QStringLiteral("device"), QStringLiteral("Training device of every row (a name of the hardware table)."), QStringLiteral("NAME"));
    const auto sumRuns = option(QStringLiteral("sum-runs"), QStringLiteral("One model per CodeCarbon project/experiment or per Slurm job name, its runs added up."));
    const auto includeFailed = option(QStringLiteral("include-failed"), QStringLiteral("sacct: count jobs that FAILED, were CANCELLED, hit their TIMEOUT... too."));
    const auto hardware = option(QStringLiteral("hardware"), QStringLiteral("Your own devices, overriding the bundled table (default: %1).").arg(userHardwareFile()), QStringLiteral("FILE"));
    const auto out = option(QStringLiteral("out"), QStringLiteral("Write the model table CSV to FILE (- for standard output)."), QStringLiteral("FILE"));
    if (!parser.parse(args))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(commandHelp(parser, QStringLiteral("nofade-cli import")));
        return kOk;
    }
    if (parser.positionalArguments().size() != 1)
        return usageError(QStringLiteral("give exactly one FILE to import; see --help"));
    const auto format = importFormatFromName(parser.value(from));
    if (!format)
        return usageError(parser.isSet(from) ? QStringLiteral("--from \"%1\" is not codecarbon, sacct or epoch").arg(parser.value(from))
                                             : QStringLiteral("--from codecarbon|sacct|epoch is required"));
    if (!parser.isSet(out))
        return usageError(QStringLiteral("--out FILE is required"));
    ImportOptions options;
    options.model = parser.value(model).trimmed();
    options.dataset = parser.value(dataset).trimmed();
    options.device = parser.value(device).trimmed();
    options.sumRuns = parser.isSet(sumRuns);
    options.includeFailed = parser.isSet(includeFailed);
    if (parser.isSet(task)) {
        const auto t = taskFromName(parser.value(task));
        if (!t)
            return usageError(QStringLiteral("--task \"%1\" is not classification, detection or segmentation").arg(parser.value(task)));
        options.task = taskName(*t);
    }
    if (parser.isSet(score)) {
        const auto s = parseNumber(parser.value(score));
        if (!s || *s < 0 || *s > 100)
            return usageError(QStringLiteral("--score \"%1\" is not a score from 0 to 100").arg(parser.value(score)));
        options.score = s;
    }
    if (parser.isSet(hardware) && !QFileInfo::exists(parser.value(hardware))) {
        printErr(QStringLiteral("nofade-cli import: --hardware %1: no such file\n").arg(parser.value(hardware)));
        return kFailed;
    }
    QStringList hardwareErrors;
    const HardwareTable devices = loadHardwareTable(&hardwareErrors, parser.value(hardware));
    for (const QString& e : hardwareErrors)
        printErr(QStringLiteral("nofade-cli import: %1\n").arg(e));
    options.hardware = &devices;
    if (!options.device.isEmpty()) {
        const Device* d = devices.find(options.device);
        if (!d)
            return usageError(QStringLiteral("--device \"%1\" is not in the hardware table").arg(options.device));
        options.device = d->name;
    }

    const QString file = parser.positionalArguments().first();
    QByteArray bytes;
    QString error;
    if (!readInput(file, &bytes, &error)) {
        printErr(QStringLiteral("nofade-cli import: %1\n").arg(error));
        return kFailed;
    }
    const ImportResult result = importRuns(*format, bytes, file, options);
    for (const QString& message : result.messages())
        printErr(QStringLiteral("nofade-cli import: %1\n").arg(message));
    if (result.rows.empty()) {
        printErr(QStringLiteral("nofade-cli import: %1: no row could be imported; nothing written\n").arg(file));
        return kFailed;
    }
    if (!writeOutput(parser.value(out), importedRowsToCsv(result.rows), &error)) {
        printErr(QStringLiteral("nofade-cli import: %1\n").arg(error));
        return kFailed;
    }
    const QString summary = QStringLiteral("Imported %1 models from %2 (%3) into %4; %5 lines left out with an error\n")
                                .arg(result.rows.size()).arg(file, importFormatName(*format), parser.value(out))
                                .arg(result.linesLeftOut());
    if (parser.value(out) == QLatin1String("-"))
        printErr(summary);
    else
        printOut(summary);
    return kOk;
}

} // namespace nofade::cli

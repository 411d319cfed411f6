#include "merge_command.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>

#include "cli_support.h"
#include "profile/profile_json.h"
#include "complexity/measured_scan.h"
#include "profile/profile_merge.h"

namespace nofade::cli {

namespace {

// A folder argument stands for every *.json profile in it (a Slurm array's output folder),
// except the merge's own output, so merging into the folder can be run again.
QStringList expandInputs(const QStringList& inputs, const QString& out)
{
    const QString outPath = QFileInfo(out).absoluteFilePath();
    QStringList files;
    for (const QString& input : inputs) {
        if (QFileInfo(input).isDir()) {
            const QDir dir(input);
            for (const QString& name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
                if (QFileInfo(dir.filePath(name)).absoluteFilePath() != outPath)
                    files << dir.filePath(name);
        } else {
            files << input;
        }
    }
    return files;
}

} // namespace

int runMergeCommand(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Merge profiles of disjoint shards of one dataset into the profile of a single whole scan.\n"
        "Refuses profiles made with different settings or of different datasets, and (unless\n"
        "--allow-partial) a set of shards with some missing."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("PROFILE"), QStringLiteral("Shard profiles (JSON), or folders of them."),
                                 QStringLiteral("PROFILE..."));
    const QCommandLineOption out({QStringLiteral("out"), QStringLiteral("o")},
                                 QStringLiteral("Write the merged profile to FILE (- for standard output)."),
                                 QStringLiteral("FILE"));
    const QCommandLineOption allowPartial({QStringLiteral("allow-partial")},
                                          QStringLiteral("Write the merge of the shards present even when some are "
                                                         "missing (marked \"complete\": false)."));
    parser.addOptions({out, allowPartial});
    if (!parser.parse(args)) {
        printErr(QStringLiteral("nofade-cli merge: %1\n").arg(parser.errorText()));
        return kUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(commandHelp(parser, QStringLiteral("nofade-cli merge")));
        return kOk;
    }
    if (!parser.isSet(out)) {
        printErr(QStringLiteral("nofade-cli merge: --out FILE is required\n"));
        return kUsage;
    }
    const QStringList files = expandInputs(parser.positionalArguments(), parser.value(out));
    if (files.isEmpty()) {
        printErr(QStringLiteral("nofade-cli merge: no profiles given\n"));
        return kUsage;
    }
    std::vector<Profile> parts;
    for (const QString& file : files) {
        QByteArray bytes;
        QString error;
        if (!readInput(file, &bytes, &error)) {
            printErr(QStringLiteral("nofade-cli merge: %1\n").arg(error));
            return kFailed;
        }
        auto profile = profileFromJsonBytes(bytes, &error);
        if (!profile) {
            printErr(QStringLiteral("nofade-cli merge: %1: %2\n").arg(file, error));
            return kFailed;
        }
        parts.push_back(std::move(*profile));
    }
    QString error;
    const auto merged = mergeMeasuredProfiles(parts, &error, files);
    if (!merged) {
        printErr(QStringLiteral("nofade-cli merge: cannot merge: %1\n").arg(error));
        return kFailed;
    }
    // Missing shards (a task that never ran or wrote nothing) and shards stopped before their end
    // (Ctrl+C, a job time limit) both leave a merge that is not the whole dataset.
    QStringList gaps;
    const std::vector<int> missing = missingShards(*merged);
    if (!missing.empty())
        gaps << QStringLiteral("%1 of %2 shards are missing: %3")
                    .arg(QString::number(missing.size()), QString::number(merged->source.shardCount),
                         describeShardList(missing));
    for (std::size_t i = 0; i < parts.size(); ++i)
        if (!parts[i].complete)
            gaps << QStringLiteral("%1 is incomplete (its scan was stopped before the end)").arg(files[qsizetype(i)]);
    if (!gaps.isEmpty()) {
        if (!parser.isSet(allowPartial)) {
            printErr(QStringLiteral("nofade-cli merge: %1 (give --allow-partial to merge them anyway)\n")
                         .arg(gaps.join(QStringLiteral("; "))));
            return kFailed;
        }
        printErr(QStringLiteral("warning: %1; the merge is INCOMPLETE\n").arg(gaps.join(QStringLiteral("; "))));
    }
    const bool perImage = !merged->perImage.empty();
    const auto write = [&](QIODevice& device) { return writeProfileJson(device, *merged, perImage, {}); };
    if (!writeOutputStreamed(parser.value(out), write, &error)) {
        printErr(QStringLiteral("nofade-cli merge: %1\n").arg(error));
        return kFailed;
    }
    const QString summary = QStringLiteral("Merged %1 profiles: %2 images, %3 failed, shards %4 of %5%6\n")
                                .arg(parts.size()).arg(merged->images()).arg(merged->failedItems())
                                .arg(merged->source.shards.size()).arg(merged->source.shardCount)
                                .arg(merged->complete ? QString() : QStringLiteral(" (INCOMPLETE)"));
    if (parser.value(out) == QLatin1String("-"))
        printErr(summary);
    else
        printOut(summary);
    return kOk;
}

} // namespace nofade::cli

#include "scan_command.h"

#include <atomic>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <QCommandLineParser>
#include <QDir>
#include <QProcessEnvironment>

#include "cli_support.h"
#include "datasets/dataset_opener.h"
#include "complexity/measured_scan.h"
#include "profile/profile_json.h"
#include "scan/scan_cache.h"
#include "scan/scanner.h"
#include "scan_measures.h"
#include "scan_sampling.h"
#include "scan/slurm_array.h"
#include "terminal_progress.h"

namespace nofade::cli {

namespace {

constexpr int kHelpShown = -1;

Feedback* g_interruptible = nullptr;
std::atomic<int> g_interrupts{0};
static_assert(std::atomic<int>::is_always_lock_free);

extern "C" void cancelOnInterrupt(int)
{
    g_interrupts.fetch_add(1, std::memory_order_relaxed);
    if (g_interruptible)
        g_interruptible->cancel(); // only atomic stores: safe in a signal handler
}

// How long the workers get to stop after SIGINT/SIGTERM before the scan is abandoned: a worker
// blocked in open() or read() (a dead network mount, a leased file) would never return.
constexpr auto kStopGrace = std::chrono::seconds(2);

struct ScanRequest {
    QString path;
    DatasetFormat format = DatasetFormat::Auto;
    ProfileSettings settings;
    ScanOptions options;
    bool perImage = false;
    QString out;
    QString cache; // checkpoint file; empty: none
    ScanSampling sampling;
    ScanMeasures measures;
    bool settingsGiven = false; // any option that changes the profile's numbers was given
};

// Fills `request` from the command line; returns an exit code other than kOk to stop.
int parseScanArguments(const QStringList& args, ScanRequest& request)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Scan an image dataset: per-image greyscale Shannon entropy, the dataset's entropy profile, and\n"
        "for classification datasets the Jensen-Shannon distance between every pair of classes."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("PATH"),
                                 QStringLiteral("Dataset: a folder of images (classes are sub-folders), "
                                                "an IDX or CIFAR folder or file."));
    const QCommandLineOption format({QStringLiteral("format")}, QStringLiteral("auto|folder|idx|cifar (default auto)."),
                                    QStringLiteral("FORMAT"), QStringLiteral("auto"));
    const QCommandLineOption gray({QStringLiteral("gray")},
                                  QStringLiteral("exact (PIL-identical luma, default) | fast (codec greyscale)."),
                                  QStringLiteral("MODE"), QStringLiteral("exact"));
    const QCommandLineOption bins({QStringLiteral("bins")},
                                  QStringLiteral("Class histogram bins over [0, 8] bits (default 64)."),
                                  QStringLiteral("N"), QStringLiteral("64"));
    const QCommandLineOption classModel({QStringLiteral("class-model")},
                                        QStringLiteral("histogram (default) | gaussian."),
                                        QStringLiteral("MODEL"), QStringLiteral("histogram"));
    const QCommandLineOption minClass({QStringLiteral("min-class-images")},
                                      QStringLiteral("Leave classes with fewer images out of the JS pairs (default 1)."),
                                      QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption maxPixels({QStringLiteral("max-pixels")},
                                       QStringLiteral("Refuse images with more pixels (default 178956970)."),
                                       QStringLiteral("N"), QStringLiteral("178956970"));
    const QCommandLineOption threads({QStringLiteral("threads")},
                                     QStringLiteral("Worker threads (default: one per core)."),
                                     QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption shard({QStringLiteral("shard")},
                                   QStringLiteral("Scan shard K of N (0 <= K < N): items whose index mod N is K. "
                                                  "auto: the shard of this Slurm job-array task; auto/N: "
                                                  "shard SLURM_ARRAY_TASK_ID of N (re-running chosen shards)."),
                                   QStringLiteral("K/N|auto|auto/N"), QStringLiteral("0/1"));
    const QCommandLineOption perImage({QStringLiteral("per-image")},
                                      QStringLiteral("Include every image's path, class and entropy in the JSON."));
    const QCommandLineOption out({QStringLiteral("out"), QStringLiteral("o")},
                                 QStringLiteral("Write the profile JSON to FILE (- for standard output)."),
                                 QStringLiteral("FILE"));
    const QCommandLineOption cache({QStringLiteral("cache")},
                                   QStringLiteral("Save results to FILE as they come, and take unchanged images "
                                                  "from it instead of decoding them again (resumes a killed scan)."),
                                   QStringLiteral("FILE"));
    const QCommandLineOption outDir({QStringLiteral("out-dir")},
                                    QStringLiteral("Write the profile JSON to DIR/shard-K-of-N.json (the folder a "
                                                   "job array's tasks share; created if missing)."),
                                    QStringLiteral("DIR"));
    parser.addOptions({format, gray, bins, classModel, minClass, maxPixels, threads, shard, perImage, out, outDir, cache});
    request.sampling.addTo(parser);
    request.measures.addTo(parser);
    if (!parser.parse(args)) {
        printErr(QStringLiteral("nofade-cli scan: %1\n").arg(parser.errorText()));
        return kUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(commandHelp(parser, QStringLiteral("nofade-cli scan")));
        return kHelpShown;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        printErr(QStringLiteral("nofade-cli scan: expected exactly one PATH (got %1); see --help\n").arg(positional.size()));
        return kUsage;
    }
    request.path = positional.first();

    auto usage = [](const QString& message) {
        printErr(QStringLiteral("nofade-cli scan: %1\n").arg(message));
        return kUsage;
    };
    auto positiveInt = [&](const QCommandLineOption& o, int min, int* into) {
        bool ok = false;
        const int v = parser.value(o).toInt(&ok);
        if (!ok || v < min)
            return false;
        *into = v;
        return true;
    };
    const auto f = datasetFormatFromName(parser.value(format));
    if (!f)
        return usage(QStringLiteral("--format must be auto, folder, idx or cifar (got \"%1\")").arg(parser.value(format)));
    request.format = *f;
    const auto g = grayModeFromName(parser.value(gray));
    if (!g)
        return usage(QStringLiteral("--gray must be exact or fast (got \"%1\")").arg(parser.value(gray)));
    request.settings.gray = *g;
    const auto m = classModelFromName(parser.value(classModel));
    if (!m)
        return usage(QStringLiteral("--class-model must be histogram or gaussian (got \"%1\")").arg(parser.value(classModel)));
    request.settings.classModel = *m;
    if (!positiveInt(bins, 1, &request.settings.bins) || request.settings.bins > ProfileSettings::kMaxBins)
        return usage(QStringLiteral("--bins must be a whole number from 1 to %1").arg(ProfileSettings::kMaxBins));
    if (!positiveInt(minClass, 1, &request.settings.minClassImages))
        return usage(QStringLiteral("--min-class-images must be a whole number >= 1"));
    bool ok = false;
    request.settings.limits.maxPixels = parser.value(maxPixels).toLongLong(&ok);
    if (!ok || request.settings.limits.maxPixels < 1)
        return usage(QStringLiteral("--max-pixels must be a whole number >= 1"));
    if (!positiveInt(threads, 0, &request.options.threads))
        return usage(QStringLiteral("--threads must be a whole number >= 0 (0: one per core)"));
    QString error;
    const auto s = resolveShardOption(parser.value(shard), QProcessEnvironment::systemEnvironment(), &error);
    if (!s)
        return usage(error.startsWith(QLatin1String("--shard")) ? error : QStringLiteral("--shard: %1").arg(error));
    request.options.shard = *s;
    request.perImage = parser.isSet(perImage);
    request.out = parser.value(out);
    if (parser.isSet(outDir)) {
        if (parser.isSet(out))
            return usage(QStringLiteral("give --out or --out-dir, not both"));
        const QString dir = parser.value(outDir);
        if (!QDir().mkpath(dir)) { // before the scan, so a long scan never ends with nowhere to go
            printErr(QStringLiteral("nofade-cli scan: --out-dir %1: the folder cannot be created\n").arg(dir));
            return kFailed;
        }
        request.out = QDir(dir).filePath(request.options.shard.fileName());
    }
    request.cache = parser.value(cache);
    request.settingsGiven = parser.isSet(gray) || parser.isSet(bins) || parser.isSet(classModel)
                            || parser.isSet(minClass) || parser.isSet(maxPixels);
    if (!request.sampling.read(parser, request.options.shard, !request.cache.isEmpty(), &error))
        return usage(error);
    if (!request.measures.read(parser, !request.cache.isEmpty(), &error))
        return usage(error);
    return kOk;
}

QString formatBits(double v)
{
    return std::isfinite(v) ? QString::number(v, 'f', 4) : QStringLiteral("n/a");
}

QString summaryText(const Profile& p, const ScanRequest& request, const QStringList& warnings)
{
    QString s;
    s += QStringLiteral("Dataset     %1 (%2%3)\n")
             .arg(p.source.path, datasetFormatName(p.source.format),
                  request.options.shard.isWhole() ? QString()
                                                  : QStringLiteral(", shard %1").arg(request.options.shard.toString()));
    if (!p.source.notice.isEmpty())
        s += QStringLiteral("Layout      %1\n").arg(p.source.notice);
    s += QStringLiteral("Images      %1 analysed, %2 failed%3\n")
             .arg(p.images()).arg(p.failedItems())
             .arg(p.complete ? QString()
                  : p.sample    ? QStringLiteral(" - a random sample (see below)")
                                : QStringLiteral(" - INCOMPLETE (cancelled)"));
    s += QStringLiteral("Entropy     mean %1 +- %2 bits (population std), median %3, min %4, max %5\n")
             .arg(formatBits(p.moments.mean()), formatBits(p.moments.stdDev()), formatBits(p.median()),
                  formatBits(p.moments.count() ? p.moments.min() : NAN),
                  formatBits(p.moments.count() ? p.moments.max() : NAN));
    s += QStringLiteral("C_H         %1 bits (gray %2)\n").arg(formatBits(p.entropyComplexity()), grayModeName(p.settings.gray));
    const JsdSummary jsd = p.jsd();
    if (jsd.complexity)
        s += QStringLiteral("C_JS        %1 = ln(%2, the sum of %3 pairwise JS distances over %4 classes; %5 model)\n")
                 .arg(QString::number(*jsd.complexity, 'f', 6), QString::number(jsd.sum, 'f', 6))
                 .arg(jsd.pairs.size()).arg(p.usableClasses().size()).arg(classModelName(p.settings.classModel));
    else if (!p.labelled())
        s += QStringLiteral("C_JS        %1\n").arg(jsd.reason);
    else
        s += QStringLiteral("C_JS        none: %1\n").arg(jsd.reason);
    if (const QString note = negativeComplexityReason(jsd); !note.isEmpty())
        s += QStringLiteral("Note        %1\n").arg(note);
    s += request.sampling.summary(p);
    s += request.measures.summary(p);
    for (const QString& w : warnings)
        s += QStringLiteral("Warning     %1\n").arg(w);
    return s;
}

void reportFailures(const Profile& p)
{
    constexpr int shown = 20;
    for (int i = 0; i < int(p.failed.size()) && i < shown; ++i)
        printErr(QStringLiteral("failed: %1: %2\n").arg(p.failed[std::size_t(i)].path, p.failed[std::size_t(i)].reason));
    if (int(p.failed.size()) > shown)
        printErr(QStringLiteral("failed: ... and %1 more (all are listed in the profile JSON)\n")
                     .arg(p.failed.size() - shown));
}

int finishScan(const Profile& profile, const ScanRequest& request, const OpenedDataset& dataset, ScanCache* cache,
               bool interrupted, const ItemOutcomes* outcomes = nullptr);

// Ends the process without joining the workers: what is settled is written as a partial profile,
// the files still held by workers are named, and the exit code says the scan was interrupted.
[[noreturn]] void abandonScan(const ScanLive& live, const ScanRequest& request, const OpenedDataset& dataset,
                              ScanCache* cache, TerminalProgress& progress)
{
    progress.finish();
    const QStringList stuck = live.inFlight();
    printErr(QStringLiteral("nofade-cli scan: interrupted; %1 file(s) still being read did not return within %2 s "
                            "and are left out:\n")
                 .arg(stuck.size()).arg(std::chrono::seconds(kStopGrace).count()));
    for (const QString& path : stuck)
        printErr(QStringLiteral("in flight: %1\n").arg(path));
    if (cache)
        cache->flush(true);
    const int code = finishScan(live.snapshot(), request, dataset, cache, true);
    std::fflush(nullptr);
    std::_Exit(code); // no destructors, no joins: a blocked worker would hold exit() forever
}

// Prints the summary and writes the profile: after the scan, or from the tick when it is abandoned.
// `outcomes`: the per-image rows not in profile.perImage, streamed into the JSON with their paths.
int finishScan(const Profile& profile, const ScanRequest& request, const OpenedDataset& dataset, ScanCache* cache,
               bool interrupted, const ItemOutcomes* outcomes)
{
    reportFailures(profile);
    const bool jsonToStdout = request.out == QLatin1String("-");
    QString summary = summaryText(profile, request, dataset.warnings);
    if (cache) {
        // "analysed now" counts the images decoded by this run: what a resumed scan saved.
        summary += QStringLiteral("Cache       %1: %2 images from the cache, %3 analysed now\n")
                       .arg(cache->file()).arg(cache->reused()).arg(cache->analysed());
        if (!cache->writeError().isEmpty())
            printErr(QStringLiteral("warning: %1: results could not be saved to the scan cache: %2\n")
                         .arg(cache->file(), cache->writeError()));
    }
    if (jsonToStdout)
        printErr(summary);
    else
        printOut(summary);
    if (!request.out.isEmpty()) {
        QString error;
        std::int64_t next = 0;
        const auto moreRows = [&](ImageEntropy& row) {
            const std::int64_t items = outcomes ? std::int64_t(outcomes->entropy.size()) : 0;
            while (next < items && !outcomes->analysed(next))
                ++next;
            if (next >= items)
                return false;
            const PathText path = dataset.source->itemPath(next);
            row = {next, path.text, path.escaped, outcomes->classIndex[std::size_t(next)],
                   outcomes->entropy[std::size_t(next)]};
            ++next;
            return true;
        };
        const auto write = [&](QIODevice& out) {
            return writeProfileJson(out, profile, request.perImage,
                                    outcomes ? std::function<bool(ImageEntropy&)>(moreRows) : nullptr);
        };
        if (!writeOutputStreamed(request.out, write, &error)) {
            printErr(QStringLiteral("nofade-cli scan: %1\n").arg(error));
            return kFailed;
        }
        if (!jsonToStdout)
            printOut(QStringLiteral("Profile     %1\n").arg(request.out));
    }
    if (interrupted)
        return kInterrupted;
    if (profile.images() == 0) {
        printErr(QStringLiteral("nofade-cli scan: %1: none of the %2 images could be analysed\n")
                     .arg(request.path).arg(profile.failedItems()));
        return kFailed;
    }
    return kOk;
}

} // namespace

int runScanCommand(const QStringList& args)
{
    ScanRequest request;
    const int parsed = parseScanArguments(args, request);
    if (parsed == kHelpShown)
        return kOk;
    if (parsed != kOk)
        return parsed;

    OpenedDataset dataset = openDataset(request.path, request.format);
    if (!dataset.source) {
        printErr(QStringLiteral("nofade-cli scan: %1\n").arg(dataset.error));
        return kFailed;
    }
    if (dataset.source->itemCount() == 0) {
        printErr(QStringLiteral("nofade-cli scan: %1: no images found (looked for jpg, jpeg, png, bmp, tif, "
                                "tiff, webp, pgm, ppm, pbm files)\n").arg(request.path));
        return kFailed;
    }

    QString sampleError;
    if (!request.sampling.prepare(*dataset.source, request.settings, request.settingsGiven, request.options,
                                  &sampleError)) {
        printErr(QStringLiteral("nofade-cli scan: %1\n").arg(sampleError));
        return kFailed;
    }

    // The cache is opened before scanning: a long scan the user wants protected must not start
    // unprotected because the cache file cannot be written.
    std::unique_ptr<ScanCache> cache;
    if (!request.cache.isEmpty()) {
        QString error, notice;
        cache = ScanCache::open(request.cache, &error, &notice);
        if (!cache) {
            printErr(QStringLiteral("nofade-cli scan: %1\n").arg(error));
            return kFailed;
        }
        if (!notice.isEmpty())
            printErr(QStringLiteral("warning: %1\n").arg(notice));
        request.options.resume = cache->prepare(*dataset.source, request.settings, request.options.shard);
        request.options.checkpoint = cache.get();
    }

    Feedback feedback;
    ScanLive live;
    request.options.live = &live;
    // Per-image rows are kept as two compact columns and streamed into the JSON (a sample keeps
    // them in the profile: its estimate reads them; so do the complexity measures, which join
    // their per-image values and draw their samples by them).
    ItemOutcomes outcomes;
    request.options.keepPerImage = request.measures.requested();
    if (request.perImage)
        request.options.outcomes = &outcomes;
    g_interruptible = &feedback;
    std::signal(SIGINT, cancelOnInterrupt);
    std::signal(SIGTERM, cancelOnInterrupt);
    TerminalProgress progress(stderrIsTerminal());
    std::optional<std::chrono::steady_clock::time_point> cancelSeen;
    const auto tick = [&] {
        if (feedback.isCancelled() && live.running()) {
            const auto now = std::chrono::steady_clock::now();
            if (!cancelSeen)
                cancelSeen = now;
            // A second signal, or workers still busy after the grace: they cannot be joined.
            if (now - *cancelSeen >= kStopGrace || g_interrupts.load(std::memory_order_relaxed) > 1)
                abandonScan(live, request, dataset, cache.get(), progress);
        }
        // A sampled scan counts its C_JS replicates first; without one, only the measures count.
        if (feedback.replicatesTotal() > 0)
            progress.updateInterval(feedback.replicatesDone(), feedback.replicatesTotal(),
                                    request.measures.requested() && !request.options.sample
                                        ? QStringLiteral("complexity measures")
                                        : QStringLiteral("C_JS interval"));
        else
            progress.update(feedback.done(), feedback.total(), feedback.failed());
    };
    const Profile profile = request.measures.requested()
                                ? scanWithMeasures(*dataset.source, request.settings, request.options,
                                                   request.measures.settings(), feedback, tick)
                                : scanDataset(*dataset.source, request.settings, request.options, feedback, tick);
    progress.finish();
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    g_interruptible = nullptr;

    return finishScan(profile, request, dataset, cache.get(), feedback.isCancelled(),
                      request.perImage && profile.perImage.empty() ? &outcomes : nullptr);
}

} // namespace nofade::cli

#include "dataset_state/scan_controller.h"

#include <algorithm>
#include <QDir>
#include <QStandardPaths>
#include <QtConcurrent/QtConcurrentRun>

#include "complexity/measure_names.h"
#include "complexity/measured_scan.h"
#include "dataset_state/dataset_store.h"
#include "datasets/dataset_opener.h"
#include "sampling/sample_plan.h"
#include "scan/scan_cache.h"
#include "scan/scanner.h"

namespace nofade::ui {

namespace {

// Null when there is no cache file or it cannot be used; a scan then runs unprotected and says so.
std::unique_ptr<ScanCache> openCache(const QString& file, QStringList& warnings)
{
    if (file.isEmpty())
        return nullptr;
    QString error, notice;
    std::unique_ptr<ScanCache> cache = ScanCache::open(file, &error, &notice);
    if (!notice.isEmpty())
        warnings << notice;
    if (!cache)
        warnings << QStringLiteral("%1; this scan's results are not saved as they come (a crash would lose them).").arg(error);
    return cache;
}

// Passes results on to the scan cache but leaves its final commit to the scan's worker, which
// makes it after handing the profile to the GUI: on a short scan of small images that commit
// (about 5 us per image) would otherwise be a wait of its own between the last image and the
// charts.
class CommitAfterDelivery final : public ScanCheckpoint {
public:
    explicit CommitAfterDelivery(ScanCheckpoint& cache) : cache_(cache) {}
    void itemAnalysed(std::int64_t item, int classIndex, double entropyBits, const FileStamp& stamp) override
    {
        cache_.itemAnalysed(item, classIndex, entropyBits, stamp);
    }
    void flush(bool final) override
    {
        if (!final)
            cache_.flush(false);
    }

private:
    ScanCheckpoint& cache_;
};

} // namespace

MeasureSettings ScanSettings::entropyOnly()
{
    MeasureSettings m;
    m.names = QStringList{QStringLiteral("entropy")};
    return m;
}

bool ScanSettings::measuresBeyondEntropy(const MeasureSettings& measures)
{
    return std::any_of(measures.names.begin(), measures.names.end(),
                       [](const QString& name) { return name != QLatin1String("entropy"); });
}

struct ScanController::Result {
    std::shared_ptr<const DatasetSource> source;
    std::shared_ptr<const Profile> profile;
    std::shared_ptr<const JsdSummary> jsd;
    QString error;
    QStringList warnings;
    bool opened = false;        // this scan opened the dataset: sourceWarnings replace the entry's
    QStringList sourceWarnings;
    std::int64_t fromScanCache = 0;
};

struct ScanController::Running {
    int id = 0;
    std::shared_ptr<Feedback> feedback = std::make_shared<Feedback>();
    QFutureWatcher<Result> watcher;
    QElapsedTimer clock;
    qint64 lastMs = 0;
    std::int64_t lastDone = 0;
    double rate = 0.0;
    bool primed = false;
    ScanStep step = ScanStep::Images;
    ScanStep afterImages = ScanStep::Interval; // what the replicates after the images compute
    bool delivered = false; // the profile is in the store; the worker may still be committing the cache
};

ScanController::ScanController(DatasetStore* store, QObject* parent) : QObject(parent), store_(store)
{
    pool_.setMaxThreadCount(2);
    pollTimer_.setInterval(100);
    connect(&pollTimer_, &QTimer::timeout, this, &ScanController::poll);
    connect(store_, &DatasetStore::aboutToRemove, this, [this](int id) { cancel(id); });
}

ScanController::~ScanController()
{
    pending_.clear();
    if (running_) {
        running_->feedback->cancel();
        running_->watcher.disconnect(this);
        running_->watcher.waitForFinished();
    }
    for (const auto& run : committing_) { // their last commits: nothing analysed is lost on quit
        run->watcher.disconnect(this);
        run->watcher.waitForFinished();
    }
}

QString ScanController::defaultCacheFile()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(folder);
    return QDir(folder).filePath(QStringLiteral("scan-cache.sqlite"));
}

int ScanController::runningId() const { return running_ ? running_->id : 0; }

bool ScanController::canContinue() { return true; }

void ScanController::enqueue(int id, Mode mode)
{
    const DatasetEntry* e = store_->find(id);
    // A shard folder's profile comes from its files (the images are usually on a cluster).
    if (!e || e->isBusy() || e->path.isEmpty() || !e->shardFolder.isEmpty())
        return;
    pending_.push_back({id, mode});
    store_->update(id, DatasetStore::StateChanged | DatasetStore::ProgressChanged, [](DatasetEntry& d) {
        d.state = DatasetState::Queued;
        d.progress = {};
        d.error.clear();
    });
    startNext();
}

void ScanController::cancel(int id)
{
    const auto it = std::find_if(pending_.begin(), pending_.end(), [id](const Pending& p) { return p.id == id; });
    if (it != pending_.end()) {
        pending_.erase(it);
        store_->update(id, DatasetStore::StateChanged, [](DatasetEntry& d) {
            d.state = !d.profile ? DatasetState::Added
                      : d.profile->complete ? DatasetState::Scanned : DatasetState::Partial;
        });
        if (isIdle())
            Q_EMIT idle();
        return;
    }
    if (running_ && running_->id == id && !running_->feedback->isCancelled()) {
        running_->feedback->cancel();
        store_->update(id, DatasetStore::StateChanged, [](DatasetEntry& d) { d.state = DatasetState::Cancelling; });
    }
}

void ScanController::cancelAll()
{
    while (!pending_.empty())
        cancel(pending_.back().id);
    if (running_)
        cancel(running_->id);
}

void ScanController::startNext()
{
    if (running_ || pending_.empty())
        return;
    const Pending next = pending_.front();
    pending_.pop_front();
    const DatasetEntry* e = store_->find(next.id);
    if (!e) {
        startNext();
        return;
    }

    running_ = std::make_unique<Running>();
    running_->id = next.id;
    running_->clock.start();

    ScanOptions options;
    options.threads = settings_.threads;
    ProfileSettings settings = settings_.profile;
    const bool sample = next.mode == Mode::Sample;
    MeasureSettings measures = settings_.measures;
    QStringList measureWarnings;
    // The dataset measures draw their own per-class sample: a Quick estimate's random sample
    // measures SI and bpp only.
    if (sample && std::any_of(measures.names.begin(), measures.names.end(), isDatasetMeasure)) {
        QStringList kept;
        for (const QString& name : measures.names)
            if (!isDatasetMeasure(name))
                kept << name;
        measures.names = kept;
        measureWarnings << QStringLiteral("A quick estimate measures no ID, F1, N1 or CSG (they draw their own sample): "
                                          "scan the whole dataset for them");
    }
    // Images taken from a partial profile or the scan cache are not decoded again, so they could
    // not be measured: a scan with measures decodes every image.
    const bool measured = ScanSettings::measuresBeyondEntropy(measures);
    if (next.mode == Mode::Continue && e->profile && !e->profile->complete) {
        if (measured) {
            measureWarnings << QStringLiteral("Continue with complexity measures analyses every image again (images kept "
                                              "from the partial scan would not be measured)");
        } else {
            options.resume = e->profile;
            settings = e->profile->settings; // a continued profile keeps the settings it was started with
        }
    }

    const SampleRequest quickEstimate = settings_.quickEstimate;
    const QString path = e->path;
    const DatasetFormat format = e->format;
    std::shared_ptr<const DatasetSource> source = e->source;
    std::shared_ptr<Feedback> feedback = running_->feedback;
    // A sample is not worth saving image by image: it is quick to redo, and Continue completes it.
    const QString cacheFile = sample ? QString() : cacheFile_;
    const bool readCache = next.mode != Mode::Reanalyse && !options.resume && !measured;
    running_->afterImages = measured && !sample ? ScanStep::Measures : ScanStep::Interval;

    Running* run = running_.get();
    connect(&run->watcher, &QFutureWatcher<Result>::resultReadyAt, this, [this, run] { deliver(run); });
    connect(&run->watcher, &QFutureWatcher<Result>::finished, this, [this, run] { finish(run); });
    run->watcher.setFuture(QtConcurrent::run(&pool_, [=](QPromise<Result>& promise) mutable {
        // Opened in the worker: a cache belongs to the thread that scans (Qt SQL connections are
        // per thread). Declared out here: its last commit is made after the result is delivered.
        std::unique_ptr<ScanCache> cache;
        std::unique_ptr<CommitAfterDelivery> checkpoint;
        promise.addResult([&]() -> Result {
            Result r;
            if (!source) { // opening may walk a large folder: it belongs in the worker too
                OpenedDataset opened = openDataset(path, format);
                r.opened = true;
                r.sourceWarnings = opened.warnings;
                if (!opened.source) {
                    r.error = opened.error;
                    return r;
                }
                source = std::shared_ptr<const DatasetSource>(std::move(opened.source));
            }
            r.source = source;
            r.warnings << measureWarnings;
            if (options.resume) {
                const QString why = resumeMismatch(*options.resume, *source, settings, options.shard);
                if (!why.isEmpty())
                    r.warnings << QStringLiteral("The incomplete profile could not be continued (%1): every image was "
                                                 "analysed again.").arg(why);
            }
            if (source->itemCount() == 0) {
                r.error = QStringLiteral("%1: no images found (looked for jpg, jpeg, png, bmp, tif, tiff, webp, pgm, "
                                         "ppm, pbm files, IDX and CIFAR batches)").arg(path);
                return r;
            }
            if (sample) // drawing walks the item list: in the worker too
                options.sample = std::make_shared<const SamplePlan>(planSample(*source, quickEstimate));
            cache = openCache(cacheFile, r.warnings);
            if (cache) {
                std::shared_ptr<const Profile> cached = cache->prepare(*source, settings, options.shard);
                if (readCache)
                    options.resume = std::move(cached);
                checkpoint = std::make_unique<CommitAfterDelivery>(*cache);
                options.checkpoint = checkpoint.get();
            }
            auto profile = std::make_shared<Profile>(
                measured ? scanWithMeasures(*source, settings, options, measures, *feedback)
                         : scanDataset(*source, settings, options, *feedback));
            if (cache) {
                r.fromScanCache = readCache ? cache->reused() : 0;
                if (!cache->writeError().isEmpty())
                    r.warnings << QStringLiteral("%1: results could not be saved to the scan cache (%2); a crash "
                                                 "would lose this scan's work.").arg(cache->file(), cache->writeError());
            }
            // Class distances can be heavy (1000 classes: half a million pairs): computed here too.
            r.jsd = std::make_shared<const JsdSummary>(profile->jsd());
            r.profile = std::move(profile);
            return r;
        }());
        cache.reset(); // commits the rest and closes; a commit that fails now costs a later re-scan only
    }));

    store_->update(next.id, DatasetStore::StateChanged, [](DatasetEntry& d) { d.state = DatasetState::Scanning; });
    pollTimer_.start();
    Q_EMIT scanStarted(next.id);
}

void ScanController::poll()
{
    if (!running_)
        return;
    Running& r = *running_;
    const qint64 now = r.clock.elapsed();
    // A Quick estimate ends with its C_JS interval, counted in replicates: a step of its own,
    // with its own rate.
    const ScanStep step = r.feedback->replicatesTotal() > 0 ? r.afterImages : ScanStep::Images;
    if (step != r.step) {
        r.step = step;
        r.primed = false;
        r.rate = 0.0;
    }
    const std::int64_t done = step != ScanStep::Images ? r.feedback->replicatesDone() : r.feedback->done();
    const double dt = double(now - r.lastMs) / 1000.0;
    if (!r.primed) {
        // The first look only sets the baseline: a continued scan starts with the images it kept,
        // which must not count as speed.
        r.primed = true;
        r.lastMs = now;
        r.lastDone = done;
    } else if (dt > 0.05) {
        const double instant = double(done - r.lastDone) / dt;
        // Smoothed, but quick to follow.
        r.rate = r.rate <= 0 ? instant : 0.7 * r.rate + 0.3 * instant;
        r.lastMs = now;
        r.lastDone = done;
    }
    ScanProgress p;
    p.step = step;
    p.done = done;
    p.total = step != ScanStep::Images ? r.feedback->replicatesTotal() : r.feedback->total();
    p.failed = r.feedback->failed();
    p.imagesPerSecond = r.rate;
    p.etaSeconds = r.rate > 0 && p.total >= done ? double(p.total - done) / r.rate : -1.0;
    store_->update(r.id, DatasetStore::ProgressChanged, [&p](DatasetEntry& d) { d.progress = p; });
}

void ScanController::deliver(Running* run)
{
    if (run->delivered)
        return;
    run->delivered = true;
    if (run == running_.get()) {
        poll();
        pollTimer_.stop();
    }
    Result r = run->watcher.result();
    const int id = run->id;
    store_->update(id, DatasetStore::StateChanged | DatasetStore::ProfileChanged, [&r](DatasetEntry& d) {
        if (r.opened)
            d.sourceWarnings = r.sourceWarnings;
        d.warnings = d.sourceWarnings + r.warnings;
        d.fromScanCache = r.fromScanCache;
        if (r.source)
            d.source = r.source;
        if (!r.error.isEmpty() || !r.profile) {
            d.error = r.error.isEmpty() ? QStringLiteral("the scan ended without a profile") : r.error;
            d.state = DatasetState::Failed;
            return;
        }
        d.error.clear();
        const bool first = !d.profile;
        d.profile = r.profile;
        d.jsd = r.jsd;
        d.state = r.profile->complete ? DatasetState::Scanned : DatasetState::Partial;
        if (!r.profile->source.notice.isEmpty())
            d.warnings.prepend(r.profile->source.notice);
        // A dataset without classes is not a classification dataset: C_JS does not apply.
        if (first && !r.profile->labelled() && d.task == DatasetTask::Classification) {
            d.task = DatasetTask::Detection;
            d.measure = ComplexityMeasure::Entropy;
            d.warnings << QStringLiteral("No classes (no class sub-folders): read as an unlabelled dataset, so its "
                                         "complexity is C_H; the task was set to detection (change it in the Task column)");
        }
    });
    if (run == running_.get()) // the next scan need not wait for this one's last commit
        committing_.push_back(std::move(running_));
    Q_EMIT scanFinished(id);
    startNext();
}

void ScanController::finish(Running* run)
{
    deliver(run); // when its result has not come on its own
    const auto it = std::find_if(committing_.begin(), committing_.end(),
                                 [run](const std::unique_ptr<Running>& c) { return c.get() == run; });
    if (it == committing_.end())
        return;
    // The watcher is destroyed outside of its own signal emission; kept in a member, not in the
    // timer's lambda, so that it is freed even when the queue goes before the timer fires.
    retired_.push_back(std::move(*it));
    committing_.erase(it);
    QTimer::singleShot(0, this, [this] { retired_.clear(); });
    if (isIdle())
        Q_EMIT idle();
}

} // namespace nofade::ui

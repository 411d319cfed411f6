#include "scan/scanner.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <limits>
#include <mutex>
#include <vector>

#include "parallel/parallel_for.h"
#include "sampling/sample_estimate.h"

namespace nofade {

namespace {

constexpr double kNotDone = std::numeric_limits<double>::quiet_NaN();

// Collects outcomes from the workers into per-item slots; aggregation happens afterwards in item
// order, on one thread, so the profile does not depend on thread timing.
class CollectingSink final : public ItemSink {
public:
    CollectingSink(const DatasetSource& source, const Shard& shard, Feedback& feedback)
        : source_(source), shard_(shard), feedback_(feedback),
          entropy_(std::size_t(source.itemCount()), kNotDone),
          classOf_(std::size_t(source.itemCount()), -1)
    {
    }

    void imageDone(std::int64_t item, int classIndex, double entropyBits, const FileStamp& stamp) override
    {
        // Atomic (relaxed, as cheap as a plain store) so that a snapshot taken while workers run
        // reads whole values: the class before the entropy that marks the item as done.
        std::atomic_ref(classOf_[std::size_t(item)]).store(classIndex, std::memory_order_relaxed);
        std::atomic_ref(entropy_[std::size_t(item)]).store(entropyBits, std::memory_order_release);
        if (checkpoint_)
            checkpoint_->itemAnalysed(item, classIndex, entropyBits, stamp);
        feedback_.addDone(1);
    }

    void imageFailed(std::int64_t item, const QString& reason) override
    {
        const PathText path = source_.itemPath(item);
        std::lock_guard lock(mutex_);
        failed_.push_back({path.text, reason, item, 1});
        feedback_.addDone(1);
        feedback_.addFailed(1);
    }

    void rangeFailed(std::int64_t first, std::int64_t last, const QString& reason) override
    {
        std::int64_t wanted = 0;
        for (std::int64_t i = first; i <= last; ++i)
            wanted += (wanted_ ? wanted_(i) : shard_.contains(i)) ? 1 : 0;
        if (wanted == 0)
            return;
        QString path = source_.itemPath(first).text;
        if (last > first)
            path += QStringLiteral("-%1").arg(source_.itemPath(last).text.section(QLatin1Char('#'), -1));
        std::lock_guard lock(mutex_);
        failed_.push_back({path, reason, first, wanted});
        feedback_.addDone(wanted);
        feedback_.addFailed(wanted);
    }

    // The items this scan still has to settle (shard and resume); all of the shard when unset.
    void setWanted(std::function<bool(std::int64_t)> wanted) { wanted_ = std::move(wanted); }
    void setCheckpoint(ScanCheckpoint* checkpoint) { checkpoint_ = checkpoint; }

    // Seeds the outcome of an item from a previous scan (single-threaded, before workers start).
    void preset(const ImageEntropy& image)
    {
        entropy_[std::size_t(image.index)] = image.entropy;
        classOf_[std::size_t(image.index)] = image.classIndex;
        feedback_.addDone(1);
    }
    void presetFailure(const FailedItem& failure)
    {
        failed_.push_back(failure);
        feedback_.addDone(failure.items);
        feedback_.addFailed(failure.items);
    }

    double entropyOf(std::int64_t item) const
    {
        return std::atomic_ref(const_cast<double&>(entropy_[std::size_t(item)])).load(std::memory_order_acquire);
    }
    int classOf(std::int64_t item) const
    {
        return std::atomic_ref(const_cast<int&>(classOf_[std::size_t(item)])).load(std::memory_order_relaxed);
    }
    // The failures so far, in item order, while workers may still add to them.
    std::vector<FailedItem> failuresSoFar() const
    {
        std::vector<FailedItem> copy;
        {
            std::lock_guard lock(mutex_);
            copy = failed_;
        }
        sortByItem(copy);
        return copy;
    }
    // The per-item columns, once the workers have stopped.
    void moveOutcomesTo(ItemOutcomes& out)
    {
        const int classCount = int(source_.classNames().size());
        for (int& c : classOf_)
            if (c >= classCount)
                c = -1;
        out.entropy = std::move(entropy_);
        out.classIndex = std::move(classOf_);
    }

    std::vector<FailedItem> takeFailures()
    {
        sortByItem(failed_);
        return std::move(failed_);
    }

private:
    static void sortByItem(std::vector<FailedItem>& failures)
    {
        std::sort(failures.begin(), failures.end(),
                  [](const FailedItem& a, const FailedItem& b) { return a.index < b.index; });
    }

    const DatasetSource& source_;
    Shard shard_;
    std::function<bool(std::int64_t)> wanted_;
    ScanCheckpoint* checkpoint_ = nullptr;
    Feedback& feedback_;
    std::vector<double> entropy_; // NaN until the item is analysed
    std::vector<std::int32_t> classOf_;
    mutable std::mutex mutex_;
    std::vector<FailedItem> failed_;
};

// Which unit each worker is working on (-1: none), so that a caller can name the files a
// worker blocked in I/O holds.
class UnitsInFlight {
public:
    explicit UnitsInFlight(int workers) : unit_(std::size_t(workers))
    {
        for (auto& u : unit_)
            u.store(-1, std::memory_order_relaxed);
    }
    void start(int worker, int unit) { unit_[std::size_t(worker)].store(unit, std::memory_order_relaxed); }
    void end(int worker) { unit_[std::size_t(worker)].store(-1, std::memory_order_relaxed); }

    QStringList files(const DatasetSource& source) const
    {
        std::vector<int> units;
        for (const auto& u : unit_)
            if (const int unit = u.load(std::memory_order_relaxed); unit >= 0)
                units.push_back(unit);
        std::sort(units.begin(), units.end());
        QStringList files;
        for (int unit : units) {
            const auto [first, end] = source.unitItems(unit);
            const QString path = source.itemPath(first).text;
            // A unit of many records is one container file: "file#record" -> "file".
            files << (end - first > 1 ? path.section(QLatin1Char('#'), 0, 0) : path);
        }
        return files;
    }

private:
    std::vector<std::atomic<int>> unit_;
};

// Adds every analysed item, in item order, to `profile` (laid out empty, with its classes), and
// to its perImage list when `perImage`.
void aggregateInItemOrder(Profile& profile, const CollectingSink& sink, const DatasetSource& source, bool perImage)
{
    const int classCount = int(profile.classes.size());
    for (std::int64_t item = 0; item < source.itemCount(); ++item) {
        const double h = sink.entropyOf(item);
        if (std::isnan(h))
            continue;
        int c = sink.classOf(item);
        if (c >= classCount)
            c = -1;
        profile.moments.add(h);
        profile.fine.add(h);
        if (c >= 0) {
            profile.classes[std::size_t(c)].moments.add(h);
            profile.classes[std::size_t(c)].histogram.add(h);
        }
        if (perImage) {
            const PathText path = source.itemPath(item);
            profile.perImage.push_back({item, path.text, path.escaped, c, h});
        }
    }
}

// The units that hold at least one item of the shard.
std::vector<int> unitsOfShard(const DatasetSource& source, const Shard& shard)
{
    std::vector<int> units;
    for (int u = 0; u < source.unitCount(); ++u) {
        const auto [first, end] = source.unitItems(u);
        const std::int64_t firstWanted =
            shard.isWhole() ? first : first + ((shard.index - first % shard.count) + shard.count) % shard.count;
        if (firstWanted < end)
            units.push_back(u);
    }
    return units;
}

// Marks the items a previous scan already settled, and seeds their outcomes into the sink.
std::vector<bool> seedFromPrevious(const Profile& previous, CollectingSink& sink, std::int64_t itemCount)
{
    std::vector<bool> settled(std::size_t(itemCount), false);
    for (const ImageEntropy& image : previous.perImage) {
        if (image.index < 0 || image.index >= itemCount || settled[std::size_t(image.index)])
            continue;
        settled[std::size_t(image.index)] = true;
        sink.preset(image);
    }
    for (const FailedItem& failure : previous.failed) {
        const std::int64_t first = failure.index;
        if (first < 0 || first + failure.items > itemCount)
            continue;
        for (std::int64_t i = first; i < first + failure.items; ++i)
            settled[std::size_t(i)] = true;
        sink.presetFailure(failure);
    }
    return settled;
}

} // namespace

// Connects a ScanLive to the scan's state for as long as the workers run.
class ScanLiveAttachment {
public:
    ScanLiveAttachment(ScanLive* live, std::function<QStringList()> inFlight, std::function<Profile()> snapshot)
        : live_(live)
    {
        if (live_) {
            live_->inFlight_ = std::move(inFlight);
            live_->snapshot_ = std::move(snapshot);
        }
    }
    ~ScanLiveAttachment() { detach(); }
    ScanLiveAttachment(const ScanLiveAttachment&) = delete;
    ScanLiveAttachment& operator=(const ScanLiveAttachment&) = delete;
    void detach()
    {
        if (live_) {
            live_->inFlight_ = {};
            live_->snapshot_ = {};
        }
        live_ = nullptr;
    }

private:
    ScanLive* live_;
};

bool ItemOutcomes::analysed(std::int64_t item) const { return !std::isnan(entropy[std::size_t(item)]); }

QString resumeMismatch(const Profile& previous, const DatasetSource& source,
                       const ProfileSettings& settings, const Shard& shard)
{
    if (!(previous.settings == settings))
        return QStringLiteral("the settings changed since the previous scan");
    if (previous.source.format != source.format() || previous.source.items != source.itemCount()
        || previous.classes.size() != std::size_t(source.classNames().size()))
        return QStringLiteral("the dataset changed since the previous scan");
    if (previous.source.shardCount != shard.count || previous.source.shards != std::vector<int>{shard.index})
        return QStringLiteral("the previous scan was of another shard");
    if (previous.images() > 0 && previous.perImage.empty())
        return QStringLiteral("the previous scan kept no per-image results");
    return {};
}

Profile scanDataset(const DatasetSource& source, const ProfileSettings& settings,
                    const ScanOptions& options, Feedback& feedback, const std::function<void()>& tick)
{
    const std::int64_t itemCount = source.itemCount();
    const Shard shard = options.shard;
    ProfileSource info{source.rootPath(), source.format(), itemCount, shard.count, {shard.index}, source.layoutNotice()};
    Profile profile = makeEmptyProfile(settings, info, source.classNames());
    std::vector<bool> sampled; // empty: no sample, every item of the shard
    std::int64_t wantedTotal = shard.itemsOf(itemCount);
    if (options.sample) {
        sampled.assign(std::size_t(itemCount), false);
        wantedTotal = 0;
        for (std::int64_t item : options.sample->items)
            if (item >= 0 && item < itemCount && shard.contains(item)) {
                sampled[std::size_t(item)] = true;
                ++wantedTotal;
            }
    }
    feedback.setTotal(wantedTotal);

    const std::vector<int> units = unitsOfShard(source, shard);
    CollectingSink sink(source, shard, feedback);
    UnitContext ctx;
    ctx.gray = settings.gray;
    ctx.limits = settings.limits;
    std::vector<bool> settled;
    if (options.resume && resumeMismatch(*options.resume, source, settings, shard).isEmpty())
        settled = seedFromPrevious(*options.resume, sink, itemCount);
    if (!settled.empty() || !sampled.empty())
        ctx.wanted = [shard, &settled, &sampled](std::int64_t item) {
            return shard.contains(item) && (settled.empty() || !settled[std::size_t(item)])
                   && (sampled.empty() || sampled[std::size_t(item)]);
        };
    else if (!shard.isWhole())
        ctx.wanted = [shard](std::int64_t item) { return shard.contains(item); };
    sink.setWanted(ctx.wanted);
    sink.setCheckpoint(options.checkpoint);
    ctx.cancel = &feedback.cancelFlag();
    ctx.grayHook = options.grayHook;

    // Scan workers are throughput work: batch priority keeps the GUI's thread responsive.
    ParallelRun run(options.threads, &feedback);
    run.batchPriority = true;
    if (tick || options.checkpoint)
        run.tick = [&] {
            if (tick)
                tick();
            if (options.checkpoint)
                options.checkpoint->flush(false);
        };
    UnitsInFlight inFlight(parallelWorkers(units.size(), run));
    const Profile laidOut = options.live ? profile : Profile{};
    ScanLiveAttachment attached(options.live,
                                [&] { return inFlight.files(source); },
                                [&] {
                                    Profile snapshot = laidOut;
                                    aggregateInItemOrder(snapshot, sink, source, true);
                                    snapshot.failed = sink.failuresSoFar();
                                    snapshot.complete = false;
                                    if (options.sample) {
                                        Feedback stopped; // no C_JS replicates for a snapshot
                                        stopped.cancel();
                                        snapshot.sample = ProfileSample{
                                            options.sample->design,
                                            estimateFromSample(snapshot, options.sample->design,
                                                               ParallelRun(1, &stopped))};
                                    }
                                    return snapshot;
                                });
    parallelFor(units.size(), run, [&](std::size_t i, int worker) {
        inFlight.start(worker, units[i]);
        try {
            source.scanUnit(units[i], ctx, sink);
        } catch (const std::exception& e) { // e.g. out of memory: lose the unit, not the scan
            const auto [first, end] = source.unitItems(units[i]);
            sink.rangeFailed(first, end - 1, QStringLiteral("internal error: %1").arg(QString::fromLocal8Bit(e.what())));
        }
        inFlight.end(worker);
    });
    attached.detach();
    if (options.checkpoint)
        options.checkpoint->flush(true);

    aggregateInItemOrder(profile, sink, source, options.keepPerImage || options.sample);
    profile.failed = sink.takeFailures();
    if (options.outcomes)
        sink.moveOutcomesTo(*options.outcomes);
    profile.complete = !feedback.isCancelled()
                       && profile.images() + profile.failedItems() == shard.itemsOf(itemCount);
    if (options.sample) {
        // The C_JS interval can take seconds for many classes: it reports its own progress, and a
        // cancel stops it too (the profile then says the C_JS estimate was not computed).
        if (!feedback.isCancelled())
            feedback.setReplicates(0, options.sample->design.request.bootstrapRounds);
        const ParallelRun replicates(options.threads, &feedback, tick);
        profile.sample = ProfileSample{options.sample->design,
                                       estimateFromSample(profile, options.sample->design, replicates)};
    }
    if (tick)
        tick();
    return profile;
}

} // namespace nofade

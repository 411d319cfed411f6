// The scan engine on its own, with a synthetic source: results independent of thread count and
// shard order, progress counted, cancel prompt with a partial profile, resume decodes only what
// is left.
#include "timing_slack.h"
#include <chrono>
#include <thread>
#include <QtTest>

#include "scan/scanner.h"

using namespace nofade;

namespace {

// Items are "images" whose entropy is a fixed function of their index; one unit per item (like
// a folder) or a few multi-item units (like IDX files). Counts what it analyses.
class SyntheticSource final : public DatasetSource {
public:
    SyntheticSource(std::int64_t items, int itemsPerUnit, std::chrono::microseconds costPerItem = {})
        : items_(items), perUnit_(itemsPerUnit), cost_(costPerItem)
    {
        rootPath_ = QStringLiteral("synthetic");
        classNames_ = {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};
    }

    static double entropyOf(std::int64_t i) { return double((i * 7919) % 8000) / 1000.0; }

    DatasetFormat format() const override { return DatasetFormat::Folder; }
    std::int64_t itemCount() const override { return items_; }
    int knownClassOf(std::int64_t i) const override { return int(i % 4) - 1; } // -1: unlabelled
    PathText itemPath(std::int64_t i) const override { return {QStringLiteral("item%1").arg(i), false}; }
    int unitCount() const override { return int((items_ + perUnit_ - 1) / perUnit_); }
    std::pair<std::int64_t, std::int64_t> unitItems(int u) const override
    {
        return {std::int64_t(u) * perUnit_, std::min(items_, std::int64_t(u + 1) * perUnit_)};
    }
    void scanUnit(int unit, const UnitContext& ctx, ItemSink& sink) const override
    {
        const auto [first, end] = unitItems(unit);
        for (std::int64_t i = first; i < end; ++i) {
            if (ctx.cancelled())
                return;
            if (ctx.wanted && !ctx.wanted(i))
                continue;
            if (cost_.count() > 0)
                std::this_thread::sleep_for(cost_);
            analysed_.fetch_add(1);
            if (i % 97 == 13)
                sink.imageFailed(i, QStringLiteral("synthetic failure"));
            else
                sink.imageDone(i, knownClassOf(i), entropyOf(i), FileStamp{});
        }
    }
    DecodedImage loadForDisplay(std::int64_t, const DecodeLimits&) const override { return {}; }

    std::int64_t analysed() const { return analysed_.load(); }

private:
    std::int64_t items_;
    std::int64_t perUnit_;
    std::chrono::microseconds cost_;
    mutable std::atomic<std::int64_t> analysed_{0};
};

Profile run(const DatasetSource& source, int threads, Shard shard = {}, std::shared_ptr<const Profile> resume = {})
{
    Feedback feedback;
    ScanOptions options;
    options.threads = threads;
    options.shard = shard;
    options.resume = std::move(resume);
    return scanDataset(source, ProfileSettings{}, options, feedback);
}

} // namespace

class ScanEngineTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void resultsDoNotDependOnThreads()
    {
        SyntheticSource source(5000, 1);
        const Profile one = run(source, 1);
        for (int threads : {2, 4, 16}) {
            const Profile many = run(source, threads);
            QVERIFY(many.moments == one.moments);
            QVERIFY(many.fine == one.fine);
            QCOMPARE(many.failed.size(), one.failed.size());
            for (std::size_t i = 0; i < one.perImage.size(); ++i)
                QCOMPARE(many.perImage[i].entropy, one.perImage[i].entropy);
        }
        // 5000 items; failures at i % 97 == 13: i = 13, 110, ..., the last below 5000 is 13 + 97 * 51 = 4960.
        const std::int64_t failures = (4960 - 13) / 97 + 1; // 52
        QCOMPARE(one.failedItems(), failures);
        QCOMPARE(one.images(), 5000 - failures);
        QVERIFY(one.complete);
    }

    void everyItemInExactlyOneShard()
    {
        SyntheticSource source(1001, 50); // multi-item units, like container files
        const Profile whole = run(source, 2);
        std::int64_t images = 0, failed = 0;
        for (int k = 0; k < 4; ++k) {
            const Profile part = run(source, 2, Shard{k, 4});
            QVERIFY(part.complete);
            QCOMPARE(part.images() + part.failedItems(), (Shard{k, 4}.itemsOf(1001)));
            for (const ImageEntropy& e : part.perImage)
                QCOMPARE(e.index % 4, std::int64_t(k));
            images += part.images();
            failed += part.failedItems();
        }
        QCOMPARE(images, whole.images());
        QCOMPARE(failed, whole.failedItems());
    }

    void progressIsCountedToTheEnd()
    {
        SyntheticSource source(3000, 7);
        Feedback feedback;
        int ticks = 0;
        scanDataset(source, ProfileSettings{}, ScanOptions{}, feedback, [&] { ++ticks; });
        QCOMPARE(feedback.total(), 3000);
        QCOMPARE(feedback.done(), 3000);
        QCOMPARE(feedback.failed(), 31); // i % 97 == 13 below 3000: 13 .. 2923
        QVERIFY(ticks >= 1);
    }

    void cancelReturnsPromptlyWithAPartialProfile()
    {
        // 20,000 items of 1 ms each on 2 threads would take 10 s.
        SyntheticSource source(20000, 1, std::chrono::microseconds(1000));
        Feedback feedback;
        std::thread canceller([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(300));
            feedback.cancel();
        });
        QElapsedTimer clock;
        clock.start();
        const Profile partial = scanDataset(source, ProfileSettings{}, ScanOptions{2, {}, {}}, feedback);
        const qint64 elapsed = clock.elapsed();
        canceller.join();
        QVERIFY2(elapsed < 300 + 200 * nofade::test::kTimingSlack, qPrintable(QStringLiteral("cancel took %1 ms after the request").arg(elapsed - 300)));
        QVERIFY(!partial.complete);
        QVERIFY(partial.images() > 0);
        QVERIFY(partial.images() < 20000);
        QCOMPARE(partial.images() + partial.failedItems(), feedback.done());
    }

    void resumeDecodesOnlyWhatIsLeft()
    {
        SyntheticSource slow(4000, 1, std::chrono::microseconds(200));
        Feedback feedback;
        std::thread canceller([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(150));
            feedback.cancel();
        });
        auto partial = std::make_shared<Profile>(scanDataset(slow, ProfileSettings{}, ScanOptions{2, {}, {}}, feedback));
        canceller.join();
        QVERIFY(!partial->complete);
        const std::int64_t firstRun = slow.analysed();
        QVERIFY(firstRun > 0 && firstRun < 4000);

        const Profile resumed = run(slow, 2, {}, partial);
        QVERIFY(resumed.complete);
        QCOMPARE(slow.analysed(), 4000); // the second run analysed only the rest
        SyntheticSource fresh(4000, 1);
        const Profile whole = run(fresh, 2);
        QVERIFY(resumed.moments == whole.moments);
        QVERIFY(resumed.fine == whole.fine);
        QCOMPARE(resumed.failedItems(), whole.failedItems());
        for (std::size_t c = 0; c < whole.classes.size(); ++c)
            QVERIFY(resumed.classes[c].moments == whole.classes[c].moments);
    }

    void resumeWithOtherSettingsRunsAFullScan()
    {
        SyntheticSource source(100, 1);
        auto previous = std::make_shared<Profile>(run(source, 1));
        ProfileSettings other;
        other.bins = 32;
        QVERIFY(!resumeMismatch(*previous, source, other, Shard{}).isEmpty());
        QVERIFY(resumeMismatch(*previous, source, ProfileSettings{}, Shard{}).isEmpty());
        QVERIFY(!resumeMismatch(*previous, source, ProfileSettings{}, Shard{1, 2}).isEmpty());
    }

    void classesOutsideTheListAreUnlabelled()
    {
        SyntheticSource source(40, 1);
        const Profile p = run(source, 2);
        std::int64_t labelled = 0;
        for (const ClassProfile& c : p.classes)
            labelled += c.moments.count();
        QCOMPARE(labelled + p.unlabelledImages(), p.images());
        QVERIFY(p.unlabelledImages() > 0);
    }

    void shardParsing()
    {
        QString error;
        QCOMPARE(Shard::parse(QStringLiteral("2/5"), &error)->index, 2);
        QVERIFY(!Shard::parse(QStringLiteral("5/5"), &error));
        QVERIFY(!Shard::parse(QStringLiteral("-1/5"), &error));
        QVERIFY(!Shard::parse(QStringLiteral("1"), &error));
        QVERIFY(error.contains(QLatin1String("K/N")));
        QCOMPARE(Shard({3, 4}).itemsOf(10), 2); // items 3 and 7
        QCOMPARE(Shard({0, 4}).itemsOf(10), 3); // 0, 4, 8
        QCOMPARE(Shard({5, 8}).itemsOf(3), 0);
    }
};

QTEST_GUILESS_MAIN(ScanEngineTest)
#include "test_scan_engine.moc"

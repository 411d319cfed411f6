// `--shard auto` and shard folders: which shard a Slurm array task scans (from the variables
// Slurm sets; expected indices worked out by hand from the array layouts in the sbatch manual),
// the file a shard's profile gets, and how missing shards are found and described.
#include <QtTest>

#include "profile/profile_merge.h"
#include "scan/slurm_array.h"

using namespace nofade;

namespace {

QProcessEnvironment slurmEnv(const QList<QPair<QString, QString>>& vars)
{
    QProcessEnvironment env;
    for (const auto& [k, v] : vars)
        env.insert(k, v);
    return env;
}

QProcessEnvironment arrayTask(int id, int min, int max, int count, int step = 1)
{
    return slurmEnv({{QStringLiteral("SLURM_JOB_ID"), QStringLiteral("77")},
                     {QStringLiteral("SLURM_ARRAY_JOB_ID"), QStringLiteral("70")},
                     {QStringLiteral("SLURM_ARRAY_TASK_ID"), QString::number(id)},
                     {QStringLiteral("SLURM_ARRAY_TASK_MIN"), QString::number(min)},
                     {QStringLiteral("SLURM_ARRAY_TASK_MAX"), QString::number(max)},
                     {QStringLiteral("SLURM_ARRAY_TASK_COUNT"), QString::number(count)},
                     {QStringLiteral("SLURM_ARRAY_TASK_STEP"), QString::number(step)}});
}

} // namespace

class SlurmShardsTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void arrayTaskNamesItsShard_data()
    {
        QTest::addColumn<QProcessEnvironment>("env");
        QTest::addColumn<int>("index");
        QTest::addColumn<int>("count");
        // --array=0-15: task 0 is shard 0/16, task 15 is shard 15/16.
        QTest::newRow("0-15 first") << arrayTask(0, 0, 15, 16) << 0 << 16;
        QTest::newRow("0-15 last") << arrayTask(15, 0, 15, 16) << 15 << 16;
        // --array=1-4: ids start at 1, shards at 0.
        QTest::newRow("1-4 id 1") << arrayTask(1, 1, 4, 4) << 0 << 4;
        QTest::newRow("1-4 id 4") << arrayTask(4, 1, 4, 4) << 3 << 4;
        // --array=100-102 (an offset, e.g. a resubmission numbered after the first run).
        QTest::newRow("100-102 id 101") << arrayTask(101, 100, 102, 3) << 1 << 3;
        // --array=0-30:10 gives ids 0, 10, 20, 30: id 20 is the third of four.
        QTest::newRow("0-30:10 id 20") << arrayTask(20, 0, 30, 4, 10) << 2 << 4;
        // An old Slurm without SLURM_ARRAY_TASK_COUNT: derived from MIN/MAX (1-8 -> 8 tasks).
        QProcessEnvironment noCount = arrayTask(8, 1, 8, 8);
        noCount.remove(QStringLiteral("SLURM_ARRAY_TASK_COUNT"));
        noCount.remove(QStringLiteral("SLURM_ARRAY_TASK_STEP"));
        QTest::newRow("no COUNT, 1-8 id 8") << noCount << 7 << 8;
        // COUNT without MAX is enough.
        QProcessEnvironment noMax = arrayTask(2, 0, 4, 5);
        noMax.remove(QStringLiteral("SLURM_ARRAY_TASK_MAX"));
        QTest::newRow("no MAX, 0-4 id 2") << noMax << 2 << 5;
        // A single-task array is the whole dataset.
        QTest::newRow("0-0") << arrayTask(0, 0, 0, 1) << 0 << 1;
    }

    void arrayTaskNamesItsShard()
    {
        QFETCH(QProcessEnvironment, env);
        QFETCH(int, index);
        QFETCH(int, count);
        QString error;
        const auto shard = resolveShardOption(QStringLiteral("auto"), env, &error);
        QVERIFY2(shard, qPrintable(error));
        QCOMPARE(shard->index, index);
        QCOMPARE(shard->count, count);
    }

    void refusalsSayWhatIsWrong_data()
    {
        QTest::addColumn<QProcessEnvironment>("env");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not in Slurm") << QProcessEnvironment() << QStringLiteral("not running in a Slurm job array");
        QTest::newRow("a plain job") << slurmEnv({{QStringLiteral("SLURM_JOB_ID"), QStringLiteral("12")}})
                                     << QStringLiteral("Slurm job 12 is not a job array");
        QTest::newRow("garbage id") << slurmEnv({{QStringLiteral("SLURM_ARRAY_TASK_ID"), QStringLiteral("x1")},
                                                 {QStringLiteral("SLURM_ARRAY_TASK_MIN"), QStringLiteral("0")},
                                                 {QStringLiteral("SLURM_ARRAY_TASK_COUNT"), QStringLiteral("2")}})
                                    << QStringLiteral("SLURM_ARRAY_TASK_ID=\"x1\" is not a whole number");
        QTest::newRow("no MIN") << slurmEnv({{QStringLiteral("SLURM_ARRAY_TASK_ID"), QStringLiteral("1")},
                                             {QStringLiteral("SLURM_ARRAY_TASK_COUNT"), QStringLiteral("2")}})
                                << QStringLiteral("SLURM_ARRAY_TASK_MIN is not");
        QTest::newRow("no COUNT, no MAX") << slurmEnv({{QStringLiteral("SLURM_ARRAY_TASK_ID"), QStringLiteral("1")},
                                                       {QStringLiteral("SLURM_ARRAY_TASK_MIN"), QStringLiteral("0")}})
                                          << QStringLiteral("number of shards cannot be told");
        // --array=1,5,7: 3 tasks whose ids span 7 - 1 + 1 = 7 values; no shard numbering fits.
        QTest::newRow("a list") << arrayTask(5, 1, 7, 3) << QStringLiteral("not one evenly spaced range");
        QTest::newRow("id beyond MAX") << arrayTask(9, 0, 7, 8) << QStringLiteral("outside the array's range");
        QTest::newRow("id off the step") << arrayTask(5, 0, 30, 4, 10) << QStringLiteral("outside the array's range");
    }

    void refusalsSayWhatIsWrong()
    {
        QFETCH(QProcessEnvironment, env);
        QFETCH(QString, expected);
        QString error;
        QVERIFY(!resolveShardOption(QStringLiteral("auto"), env, &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("--shard K/N")) || error.contains(QLatin1String("range")), qPrintable(error));
    }

    void explicitShardIgnoresTheEnvironment()
    {
        QString error;
        const auto shard = resolveShardOption(QStringLiteral("2/5"), arrayTask(0, 0, 1, 2), &error);
        QVERIFY(shard);
        QCOMPARE(shard->index, 2);
        QCOMPARE(shard->count, 5);
        QVERIFY(!resolveShardOption(QStringLiteral("5/5"), QProcessEnvironment(), &error));
    }

    void autoWithACountTakesTheTaskIdAsTheShard()
    {
        // Re-running shards 3 and 7 of a 16-task array: sbatch --array=3,7 ... --shard auto/16.
        QString error;
        auto shard = resolveShardOption(QStringLiteral("auto/16"), arrayTask(7, 3, 7, 2), &error);
        QVERIFY2(shard, qPrintable(error));
        QCOMPARE(shard->index, 7);
        QCOMPARE(shard->count, 16);
        QVERIFY(!resolveShardOption(QStringLiteral("auto/16"), arrayTask(16, 16, 16, 1), &error));
        QVERIFY2(error.contains(QLatin1String("SLURM_ARRAY_TASK_ID=16 is not a shard of 16 (0 to 15)")), qPrintable(error));
        QVERIFY(!resolveShardOption(QStringLiteral("auto/0"), arrayTask(0, 0, 0, 1), &error));
        QVERIFY(!resolveShardOption(QStringLiteral("auto/4"), QProcessEnvironment(), &error));
        QVERIFY2(error.contains(QLatin1String("not running in a Slurm job array")), qPrintable(error));
    }

    void shardFileNamesSortInShardOrder()
    {
        QCOMPARE((Shard{3, 16}).fileName(), QStringLiteral("shard-03-of-16.json"));
        QCOMPARE((Shard{0, 1}).fileName(), QStringLiteral("shard-0-of-1.json"));
        QCOMPARE((Shard{7, 10}).fileName(), QStringLiteral("shard-07-of-10.json"));
        QCOMPARE((Shard{99, 100}).fileName(), QStringLiteral("shard-099-of-100.json"));
    }

    void missingShardsAreListedAsRanges()
    {
        Profile p;
        p.source.shardCount = 10;
        p.source.shards = {1, 3, 4, 8};
        const std::vector<int> missing = missingShards(p);
        QCOMPARE(missing, (std::vector<int>{0, 2, 5, 6, 7, 9}));
        QCOMPARE(describeShardList(missing), QStringLiteral("0, 2, 5-7, 9"));
        p.source.shards = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        QVERIFY(missingShards(p).empty());
        QCOMPARE(describeShardList({}), QString());
    }
};

QTEST_GUILESS_MAIN(SlurmShardsTest)
#include "test_slurm_shards.moc"

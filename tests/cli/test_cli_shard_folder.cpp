// A Slurm job array as nofade-cli sees it: every task runs `scan --shard auto --out-dir DIR` with
// the variables Slurm sets, and `merge DIR` gives the whole scan; missing shards, mixed settings
// and `auto` outside an array are refused with a message saying which. (tests/slurm runs the same
// under a real slurmctld + slurmd.)
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include "test_support.h"

using nofade::test::runCli;

namespace {

const QStringList kArrayVariables = {
    QStringLiteral("SLURM_JOB_ID"), QStringLiteral("SLURM_ARRAY_JOB_ID"), QStringLiteral("SLURM_ARRAY_TASK_ID"),
    QStringLiteral("SLURM_ARRAY_TASK_MIN"), QStringLiteral("SLURM_ARRAY_TASK_MAX"),
    QStringLiteral("SLURM_ARRAY_TASK_COUNT"), QStringLiteral("SLURM_ARRAY_TASK_STEP")};

// Sets the array variables for one task (nofade-cli inherits them), and clears them again.
class ArrayTaskEnvironment {
public:
    ArrayTaskEnvironment(int id, int min, int max)
    {
        set("SLURM_JOB_ID", 500 + id);
        set("SLURM_ARRAY_JOB_ID", 500);
        set("SLURM_ARRAY_TASK_ID", id);
        set("SLURM_ARRAY_TASK_MIN", min);
        set("SLURM_ARRAY_TASK_MAX", max);
        set("SLURM_ARRAY_TASK_COUNT", max - min + 1);
        set("SLURM_ARRAY_TASK_STEP", 1);
    }
    ~ArrayTaskEnvironment() { clear(); }
    static void clear()
    {
        for (const QString& v : kArrayVariables)
            qunsetenv(v.toLatin1().constData());
    }

private:
    static void set(const char* name, int value) { qputenv(name, QByteArray::number(value)); }
};

} // namespace

using nofade::test::readJson;

class CliShardFolderTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    QString dataset_;
    QString whole_;

    // Runs the array --array=min-max over the dataset into `outDir`, skipping task `skip`.
    void runArray(int min, int max, const QString& outDir, const QStringList& extra = {}, int skip = -1)
    {
        for (int id = min; id <= max; ++id) {
            if (id == skip)
                continue;
            ArrayTaskEnvironment env(id, min, max);
            const auto r = runCli(QStringList{QStringLiteral("scan"), dataset_, QStringLiteral("--per-image"), QStringLiteral("--shard"),
                                              QStringLiteral("auto"), QStringLiteral("--out-dir"), outDir} + extra);
            QVERIFY2(r.exitCode == 0, r.err.constData());
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        ArrayTaskEnvironment::clear(); // even when the suite itself runs inside a Slurm job
        dataset_ = dir_.filePath(QStringLiteral("data"));
        for (int c = 0; c < 3; ++c)
            for (int i = 0; i < 9; ++i)
                QVERIFY(nofade::test::writeImage(QStringLiteral("%1/c%2/i%3.png").arg(dataset_).arg(c).arg(i),
                                                 nofade::test::randomImage(9 + i, 7 + c, 1 + 2 * (i % 2), std::uint32_t(c * 31 + i))));
        QVERIFY(nofade::test::writeFile(dataset_ + QStringLiteral("/c2/broken.png"), "not a png"));
        whole_ = dir_.filePath(QStringLiteral("whole.json"));
        const auto r = runCli({QStringLiteral("scan"), dataset_, QStringLiteral("--per-image"), QStringLiteral("--out"), whole_});
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

    void arrayStartingAtOneMergesIntoTheWholeScan()
    {
        const QString out = dir_.filePath(QStringLiteral("array-1-4"));
        runArray(1, 4, out);
        QCOMPARE(QDir(out).entryList(QDir::Files, QDir::Name),
                 (QStringList{QStringLiteral("shard-0-of-4.json"), QStringLiteral("shard-1-of-4.json"),
                              QStringLiteral("shard-2-of-4.json"), QStringLiteral("shard-3-of-4.json")}));
        // Task id 3 of 1-4 is shard 2: its file holds exactly that shard.
        const QJsonObject third = readJson(QDir(out).filePath(QStringLiteral("shard-2-of-4.json")));
        QCOMPARE(third[QStringLiteral("source")].toObject()[QStringLiteral("shards")].toVariant().toList(), QVariantList{2});

        // The merge written into the array's own folder, merged again: its own output is skipped.
        const QString merged = QDir(out).filePath(QStringLiteral("merged.json"));
        for (int run = 0; run < 2; ++run) {
            const auto r = runCli({QStringLiteral("merge"), out, QStringLiteral("--out"), merged});
            QVERIFY2(r.exitCode == 0, r.err.constData());
            QVERIFY(r.out.contains("Merged 4 profiles: 27 images, 1 failed, shards 4 of 4"));
        }
        QJsonObject a = readJson(merged);
        QJsonObject b = readJson(whole_);
        QVERIFY(!b.isEmpty());
        QCOMPARE(a[QStringLiteral("source")].toObject()[QStringLiteral("shard_count")].toInt(), 4);
        a.remove(QStringLiteral("source"));
        b.remove(QStringLiteral("source"));
        QCOMPARE(a, b);
    }

    void missingShardsAreNamed()
    {
        const QString out = dir_.filePath(QStringLiteral("array-0-5"));
        runArray(0, 5, out, {}, 3);
        QFile::remove(QDir(out).filePath(QStringLiteral("shard-4-of-6.json")));
        const QString merged = dir_.filePath(QStringLiteral("partial.json"));
        auto r = runCli({QStringLiteral("merge"), out, QStringLiteral("--out"), merged});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("2 of 6 shards are missing: 3-4"), r.err.constData());
        QVERIFY(r.err.contains("--allow-partial"));
        QVERIFY(!QFile::exists(merged));
        r = runCli({QStringLiteral("merge"), out, QStringLiteral("--allow-partial"), QStringLiteral("--out"), merged});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.err.contains("warning: 2 of 6 shards are missing: 3-4"));
        const QJsonObject j = readJson(merged);
        QCOMPARE(j[QStringLiteral("complete")].toBool(true), false);
        QCOMPARE(j[QStringLiteral("source")].toObject()[QStringLiteral("shards")].toVariant().toList(),
                 (QVariantList{0, 1, 2, 5}));
    }

    void mixedSettingsAreRefusedNamingTheFile()
    {
        const QString out = dir_.filePath(QStringLiteral("mixed"));
        runArray(0, 1, out, {QStringLiteral("--bins"), QStringLiteral("32")});
        // Task 1 re-run by hand with other settings overwrites its shard file.
        {
            ArrayTaskEnvironment env(1, 0, 1);
            QCOMPARE(runCli({QStringLiteral("scan"), dataset_, QStringLiteral("--shard"), QStringLiteral("auto"),
                             QStringLiteral("--out-dir"), out}).exitCode, 0);
        }
        const auto r = runCli({QStringLiteral("merge"), out, QStringLiteral("--out"), dir_.filePath(QStringLiteral("m.json"))});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("shard-1-of-2.json was made with different settings"), r.err.constData());
        QVERIFY(r.err.contains("bins=64") && r.err.contains("bins=32"));
        QVERIFY(!QFile::exists(dir_.filePath(QStringLiteral("m.json"))));
    }

    void autoOutsideAnArrayIsAUsageError()
    {
        ArrayTaskEnvironment::clear();
        auto r = runCli({QStringLiteral("scan"), dataset_, QStringLiteral("--shard"), QStringLiteral("auto")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("not running in a Slurm job array (SLURM_ARRAY_TASK_ID is not set)"), r.err.constData());
        qputenv("SLURM_JOB_ID", "41");
        r = runCli({QStringLiteral("scan"), dataset_, QStringLiteral("--shard"), QStringLiteral("auto")});
        ArrayTaskEnvironment::clear();
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("Slurm job 41 is not a job array"), r.err.constData());
    }

    void outAndOutDirExcludeEachOther()
    {
        const auto r = runCli({QStringLiteral("scan"), dataset_, QStringLiteral("--out"), dir_.filePath(QStringLiteral("x.json")),
                               QStringLiteral("--out-dir"), dir_.filePath(QStringLiteral("x"))});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("--out or --out-dir"));
    }
};

QTEST_GUILESS_MAIN(CliShardFolderTest)
#include "test_cli_shard_folder.moc"

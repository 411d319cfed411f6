// nofade-cli scan --sample / --resume as a user runs them: the intervals printed and written to
// the profile JSON, usage errors for clashing options, a sample completed by --resume giving
// the same profile file as a full scan, and Ctrl+C during the C_JS interval.
#include <csignal>
#include <unistd.h>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "test_support.h"
#include "timing_slack.h"

using nofade::test::runCli;

namespace {

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// CPU seconds a Linux process has used (utime + stime of /proc/PID/stat); -1 when it is gone.
double cpuSeconds(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return -1.0;
    const QByteArray line = stat.readAll();
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' '); // fields from 3 on
    if (fields.size() < 13)
        return -1.0;
    return double(fields[11].toLongLong() + fields[12].toLongLong()) / double(::sysconf(_SC_CLK_TCK));
}

} // namespace

class CliSampleTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    QString dataset_;

private Q_SLOTS:
    void initTestCase()
    {
        dataset_ = dir_.filePath(QStringLiteral("data"));
        for (int c = 0; c < 3; ++c)
            for (int i = 0; i < 10; ++i)
                QVERIFY(nofade::test::writeImage(QStringLiteral("%1/c%2/i%3.png").arg(dataset_).arg(c).arg(i),
                                                 nofade::test::randomImage(6 + i, 5 + 3 * c, 1, std::uint32_t(c * 10 + i))));
    }

    void sampleIntervalsArePrintedAndWritten()
    {
        const QString out = dir_.filePath(QStringLiteral("sample.json"));
        const auto r = runCli({QStringLiteral("scan"), dataset_, QStringLiteral("--sample"), QStringLiteral("0.4"),
                               QStringLiteral("--seed"), QStringLiteral("3"), QStringLiteral("-o"), out});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QString text = QString::fromUtf8(r.out);
        QVERIFY2(text.contains(QStringLiteral("Sample      12 of 30 images (40.00%), stratified by class (3 strata), seed 3")),
                 qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("a random sample")));
        const QJsonObject json = QJsonDocument::fromJson(readAll(out)).object();
        const QJsonObject sample = json.value(QStringLiteral("sample")).toObject();
        QCOMPARE(sample.value(QStringLiteral("seed")).toInt(), 3);
        QCOMPARE(sample.value(QStringLiteral("size")).toInt(), 12);
        QCOMPARE(sample.value(QStringLiteral("fraction")).toDouble(), 0.4);
        QCOMPARE(json.value(QStringLiteral("complete")).toBool(true), false);
        QCOMPARE(json.value(QStringLiteral("per_image")).toArray().size(), 12); // kept for --resume
        for (const QJsonValue& s : sample.value(QStringLiteral("strata")).toArray())
            QCOMPARE(s.toObject().value(QStringLiteral("size")).toInt(), 4);

        // The printed intervals are the ones in the file.
        const QJsonArray mean = sample.value(QStringLiteral("mean")).toObject().value(QStringLiteral("ci95")).toArray();
        const QJsonArray js = sample.value(QStringLiteral("js_complexity")).toObject().value(QStringLiteral("ci95")).toArray();
        QCOMPARE(mean.size(), 2);
        QCOMPARE(js.size(), 2);
        QVERIFY(mean[0].toDouble() < mean[1].toDouble());
        const double estimate = sample.value(QStringLiteral("mean")).toObject().value(QStringLiteral("estimate")).toDouble();
        QVERIFY(mean[0].toDouble() <= estimate && estimate <= mean[1].toDouble());
        QVERIFY2(text.contains(QStringLiteral("mean entropy ~= %1 bits (95% CI %2-%3), sample of 12")
                                   .arg(estimate, 0, 'f', 4).arg(mean[0].toDouble(), 0, 'f', 4).arg(mean[1].toDouble(), 0, 'f', 4)),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("(95% CI %1-%2), sample of 12").arg(js[0].toDouble(), 0, 'f', 4).arg(js[1].toDouble(), 0, 'f', 4)),
                 qPrintable(text));

        // Same seed, same file.
        const QString again = dir_.filePath(QStringLiteral("again.json"));
        QCOMPARE(runCli({QStringLiteral("scan"), dataset_, QStringLiteral("--sample"), QStringLiteral("0.4"),
                         QStringLiteral("--seed"), QStringLiteral("3"), QStringLiteral("-o"), again}).exitCode, 0);
        QCOMPARE(readAll(again), readAll(out));
    }

    void resumeCompletesTheSampleExactly()
    {
        const QString sample = dir_.filePath(QStringLiteral("s.json"));
        const QString completed = dir_.filePath(QStringLiteral("completed.json"));
        const QString full = dir_.filePath(QStringLiteral("full.json"));
        QCOMPARE(runCli({QStringLiteral("scan"), dataset_, QStringLiteral("--sample"), QStringLiteral("7"),
                         QStringLiteral("-o"), sample}).exitCode, 0);
        const auto r = runCli({QStringLiteral("scan"), dataset_, QStringLiteral("--resume"), sample,
                               QStringLiteral("--per-image"), QStringLiteral("-o"), completed});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QString resumed = QStringLiteral("Resumed     %1: 7 items kept from it, 23 analysed now").arg(sample);
        QVERIFY2(QString::fromUtf8(r.out).contains(resumed), r.out.constData());
        QCOMPARE(runCli({QStringLiteral("scan"), dataset_, QStringLiteral("--per-image"), QStringLiteral("-o"), full}).exitCode, 0);
        QCOMPARE(readAll(completed), readAll(full));
    }

    void interruptDuringTheIntervalLeavesNoInterval()
    {
        // 300 classes of 4 tiny images, half of them sampled, 100,000 replicates: the images take
        // a fraction of a second, the interval would take minutes.
        QTemporaryDir big;
        for (int c = 0; c < 300; ++c)
            for (int i = 0; i < 4; ++i)
                QVERIFY(nofade::test::writeImage(QStringLiteral("%1/c%2/i%3.png").arg(big.path()).arg(c).arg(i),
                                                 nofade::test::randomImage(5, 6, 1, std::uint32_t(4 * c + i))));
        const QString out = big.filePath(QStringLiteral("interrupted.json"));
        QProcess p;
        p.start(QStringLiteral(NOFADE_CLI_PATH),
                {QStringLiteral("scan"), big.path(), QStringLiteral("--sample"), QStringLiteral("600"),
                 QStringLiteral("--bootstrap"), QStringLiteral("100000"), QStringLiteral("--threads"), QStringLiteral("2"),
                 QStringLiteral("--out"), out});
        QVERIFY(p.waitForStarted());
        // In the interval step: the process has used more CPU than 600 tiny images can take (a few
        // hundredths of a second), a measure that a loaded machine does not stretch.
        QTRY_VERIFY_WITH_TIMEOUT(cpuSeconds(p.processId()) > 1.5 || p.state() != QProcess::Running,
                                 int(60000 * nofade::test::kTimingSlack));
        QVERIFY(p.state() == QProcess::Running);
        QElapsedTimer clock;
        clock.start();
        ::kill(pid_t(p.processId()), SIGINT);
        QVERIFY(p.waitForFinished(int(10000 * nofade::test::kTimingSlack)));
        qInfo("stopped %lld ms after SIGINT", static_cast<long long>(clock.elapsed()));
        QCOMPARE(p.exitCode(), 130);

        // What an interrupted scan leaves: the profile, incomplete, with every sampled image, and
        // no C_JS estimate or interval, saying why.
        const QJsonObject json = QJsonDocument::fromJson(readAll(out)).object();
        QCOMPARE(json.value(QStringLiteral("complete")).toBool(true), false);
        QCOMPARE(json.value(QStringLiteral("per_image")).toArray().size(), 600);
        const QJsonObject js = json.value(QStringLiteral("sample")).toObject().value(QStringLiteral("js_complexity")).toObject();
        QVERIFY(js.value(QStringLiteral("estimate")).isNull());
        QVERIFY(js.value(QStringLiteral("ci95")).isNull());
        QCOMPARE(js.value(QStringLiteral("rounds")).toInt(-1), 0);
        QVERIFY2(js.value(QStringLiteral("reason")).toString().startsWith(QStringLiteral("cancelled")),
                 qPrintable(js.value(QStringLiteral("reason")).toString()));
        QVERIFY(js.value(QStringLiteral("plug_in")).isDouble()); // the sample's own C_JS is known
        const QByteArray text = p.readAllStandardOutput();
        QVERIFY2(text.contains("Estimate    C_JS none: cancelled"), text.constData());
    }

    void clashesAndBadValuesAreUsageErrors()
    {
        const QStringList scan{QStringLiteral("scan"), dataset_};
        const std::pair<QStringList, const char*> cases[] = {
            {{QStringLiteral("--sample"), QStringLiteral("0")}, "--sample"},
            {{QStringLiteral("--sample"), QStringLiteral("1.5")}, "--sample"},
            {{QStringLiteral("--seed"), QStringLiteral("4")}, "only apply to --sample"},
            {{QStringLiteral("--sample"), QStringLiteral("5"), QStringLiteral("--seed"), QStringLiteral("-1")}, "--seed"},
            {{QStringLiteral("--sample"), QStringLiteral("5"), QStringLiteral("--bootstrap"), QStringLiteral("3")}, "--bootstrap"},
            {{QStringLiteral("--sample"), QStringLiteral("5"), QStringLiteral("--shard"), QStringLiteral("0/2")}, "--shard"},
            {{QStringLiteral("--sample"), QStringLiteral("5"), QStringLiteral("--resume"), QStringLiteral("x.json")}, "--resume"},
        };
        for (const auto& [args, message] : cases) {
            const auto r = runCli(scan + args);
            QVERIFY2(r.exitCode == 2, qPrintable(args.join(QLatin1Char(' '))));
            QVERIFY2(r.err.contains(message), r.err.constData());
        }
        // A profile that cannot be read, or belongs to another dataset: exit 1, naming the file.
        const QString missing = dir_.filePath(QStringLiteral("missing.json"));
        auto r = runCli(scan + QStringList{QStringLiteral("--resume"), missing});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(missing.toUtf8()));
        const QString other = dir_.filePath(QStringLiteral("other"));
        QVERIFY(nofade::test::writeImage(other + QStringLiteral("/a/x.png"), nofade::test::randomImage(4, 4, 1, 1)));
        const QString otherProfile = dir_.filePath(QStringLiteral("other.json"));
        QCOMPARE(runCli({QStringLiteral("scan"), other, QStringLiteral("-o"), otherProfile}).exitCode, 0);
        r = runCli(scan + QStringList{QStringLiteral("--resume"), otherProfile});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("dataset changed"), r.err.constData());
    }
};

QTEST_GUILESS_MAIN(CliSampleTest)
#include "test_cli_sample.moc"

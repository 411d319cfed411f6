// nofade-cli as a user runs it: exit codes, messages naming the path and the reason, JSON on
// stdout or in a file, shards merged into the whole scan, Ctrl+C keeps a partial profile.
#include "timing_slack.h"
#include <csignal>
#include <unistd.h>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "test_support.h"

using nofade::test::runCli;

namespace {

// Whether a Linux process has a handler for SIGINT (bit 2 of SigCgt in /proc/PID/status).
bool catchesSigint(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return false;
    for (const QByteArray& line : status.readAll().split('\n'))
        if (line.startsWith("SigCgt:"))
            return (line.mid(7).trimmed().toULongLong(nullptr, 16) >> (SIGINT - 1)) & 1;
    return false;
}

} // namespace

using nofade::test::readJson;

class CliTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    QString dataset_;

private Q_SLOTS:
    void initTestCase()
    {
        dataset_ = dir_.filePath(QStringLiteral("data"));
        for (int c = 0; c < 3; ++c)
            for (int i = 0; i < 8; ++i)
                QVERIFY(nofade::test::writeImage(QStringLiteral("%1/c%2/i%3.png").arg(dataset_).arg(c).arg(i),
                                                 nofade::test::randomImage(10 + i, 10 + c, 1 + 2 * (i % 2), std::uint32_t(c * 10 + i))));
        QVERIFY(nofade::test::writeFile(dataset_ + QStringLiteral("/c1/broken.jpg"), "not a jpeg"));
    }

    void versionAndHelp()
    {
        auto r = runCli({QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith("nofade-cli " NOFADE_VERSION));
        QVERIFY(r.out.contains("Qt 6.") && r.out.contains("OpenCV 4."));
        r = runCli({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("scan") && r.out.contains("merge"));
        r = runCli({QStringLiteral("scan"), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("--class-model") && r.out.contains("--shard"));
    }

    void usageErrorsExitTwo()
    {
        QCOMPARE(runCli({}).exitCode, 2);
        auto r = runCli({QStringLiteral("frobnicate")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("unknown command"));
        r = runCli({QStringLiteral("scan"), dataset_, QStringLiteral("--bins"), QStringLiteral("0")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("--bins"));
        r = runCli({QStringLiteral("scan"), dataset_, QStringLiteral("--gray"), QStringLiteral("sepia")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("--gray") && r.err.contains("sepia"));
        r = runCli({QStringLiteral("scan"), dataset_, QStringLiteral("--shard"), QStringLiteral("3/3")});
        QCOMPARE(r.exitCode, 2);
        r = runCli({QStringLiteral("scan"), dataset_, QStringLiteral("--no-such-option")});
        QCOMPARE(r.exitCode, 2);
        r = runCli({QStringLiteral("scan")});
        QCOMPARE(r.exitCode, 2);
        r = runCli({QStringLiteral("merge"), QStringLiteral("a.json")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("--out"));
    }

    void unreadableDatasetExitsOneNamingThePath()
    {
        auto r = runCli({QStringLiteral("scan"), QStringLiteral("/no/such/place")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("/no/such/place: no such file or folder"));
        QTemporaryDir empty;
        r = runCli({QStringLiteral("scan"), empty.path()});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(empty.path().toUtf8()) && r.err.contains("no images found"));
        QVERIFY(nofade::test::writeFile(empty.filePath(QStringLiteral("a.png")), "junk"));
        r = runCli({QStringLiteral("scan"), empty.path()});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("a.png"));
        QVERIFY(r.err.contains("none of the 1 images could be analysed"));
    }

    void scanSummarisesAndListsFailures()
    {
        const QString out = dir_.filePath(QStringLiteral("profile.json"));
        auto r = runCli({QStringLiteral("scan"), dataset_, QStringLiteral("--out"), out});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("24 analysed, 1 failed"));
        QVERIFY(r.out.contains("C_JS"));
        QVERIFY(r.err.contains("failed: c1/broken.jpg: not a supported image"));
        QVERIFY(!r.err.contains('\r')); // no progress bar when stderr is not a terminal
        const QJsonObject j = readJson(out);
        QCOMPARE(j[QStringLiteral("schema")].toString(), QStringLiteral("nofade.profile/1"));
        QCOMPARE(j[QStringLiteral("images")].toInt(), 24);
        QVERIFY(!j.contains(QStringLiteral("per_image")));
    }

    void jsonToStandardOutput()
    {
        auto r = runCli({QStringLiteral("scan"), dataset_, QStringLiteral("--out"), QStringLiteral("-"), QStringLiteral("--per-image"),
                         QStringLiteral("--class-model"), QStringLiteral("gaussian"), QStringLiteral("--bins"), QStringLiteral("32")});
        QCOMPARE(r.exitCode, 0);
        QJsonParseError e{};
        const QJsonObject j = QJsonDocument::fromJson(r.out, &e).object();
        QCOMPARE(e.error, QJsonParseError::NoError);
        QCOMPARE(j[QStringLiteral("per_image")].toArray().size(), 24);
        QCOMPARE(j[QStringLiteral("settings")].toObject()[QStringLiteral("class_model")].toString(), QStringLiteral("gaussian"));
        QCOMPARE(j[QStringLiteral("settings")].toObject()[QStringLiteral("bins")].toInt(), 32);
        QVERIFY(r.err.contains("24 analysed")); // the summary moved to stderr
    }

    void unwritableOutputExitsOne()
    {
        auto r = runCli({QStringLiteral("scan"), dataset_, QStringLiteral("--out"), QStringLiteral("/no/such/folder/p.json")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("/no/such/folder/p.json"));
    }

    void shardsMergeIntoTheWholeScan()
    {
        const QString shardDir = dir_.filePath(QStringLiteral("shards"));
        QDir().mkpath(shardDir);
        for (int k = 0; k < 3; ++k) {
            auto r = runCli({QStringLiteral("scan"), dataset_, QStringLiteral("--per-image"), QStringLiteral("--shard"),
                             QStringLiteral("%1/3").arg(k), QStringLiteral("--out"), QStringLiteral("%1/shard%2.json").arg(shardDir).arg(k)});
            QCOMPARE(r.exitCode, 0);
        }
        const QString merged = dir_.filePath(QStringLiteral("merged.json"));
        auto r = runCli({QStringLiteral("merge"), shardDir, QStringLiteral("--out"), merged});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("Merged 3 profiles"));
        const QString whole = dir_.filePath(QStringLiteral("whole.json"));
        QCOMPARE(runCli({QStringLiteral("scan"), dataset_, QStringLiteral("--per-image"), QStringLiteral("--out"), whole}).exitCode, 0);
        QJsonObject a = readJson(merged);
        QJsonObject b = readJson(whole);
        QCOMPARE(a[QStringLiteral("complete")].toBool(), true);
        a.remove(QStringLiteral("source"));
        b.remove(QStringLiteral("source"));
        QCOMPARE(a, b);
    }

    void mergeRefusesDifferentSettings()
    {
        const QString a = dir_.filePath(QStringLiteral("exact.json"));
        const QString b = dir_.filePath(QStringLiteral("fast.json"));
        QCOMPARE(runCli({QStringLiteral("scan"), dataset_, QStringLiteral("--shard"), QStringLiteral("0/2"), QStringLiteral("--out"), a}).exitCode, 0);
        QCOMPARE(runCli({QStringLiteral("scan"), dataset_, QStringLiteral("--shard"), QStringLiteral("1/2"), QStringLiteral("--gray"),
                         QStringLiteral("fast"), QStringLiteral("--out"), b}).exitCode, 0);
        auto r = runCli({QStringLiteral("merge"), a, b, QStringLiteral("--out"), dir_.filePath(QStringLiteral("m.json"))});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("different settings"));
        QVERIFY(!QFile::exists(dir_.filePath(QStringLiteral("m.json"))));
        QVERIFY(nofade::test::writeFile(dir_.filePath(QStringLiteral("bad.json")), "{\"schema\": \"something/else\"}"));
        r = runCli({QStringLiteral("merge"), a, dir_.filePath(QStringLiteral("bad.json")), QStringLiteral("--out"), dir_.filePath(QStringLiteral("m.json"))});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("bad.json") && r.err.contains("not a NoFADE profile"));
    }

    void codecChatterIsFilteredOtherMessagesKept()
    {
        // skimage's astronaut.png carries an sRGB profile libpng complains about on every decode
        // ("libpng warning: iCCP: known incorrect sRGB profile", printed by libpng itself).
        if (nofade::test::kSanitized)
            QSKIP("the codec chatter filter is off in sanitizer builds, so that sanitizer reports reach stderr");
        QTemporaryDir noisy;
        QVERIFY(QFile::copy(QStringLiteral("/usr/lib/python3/dist-packages/skimage/data/astronaut.png"),
                            noisy.filePath(QStringLiteral("astronaut.png"))));
        QVERIFY(nofade::test::writeFile(noisy.filePath(QStringLiteral("broken.png")), "junk"));
        const auto r = runCli({QStringLiteral("scan"), noisy.path()});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(!r.err.contains("libpng"), r.err.constData());
        QVERIFY(r.err.contains("failed: broken.png")); // our own messages still arrive
        QVERIFY(r.out.contains("1 analysed, 1 failed"));
    }

    void helpNamesTheCommand()
    {
        for (const char* command : {"scan", "merge", "report"}) {
            const auto r = runCli({QString::fromLatin1(command), QStringLiteral("--help")});
            QCOMPARE(r.exitCode, 0);
            const QByteArray expected = QByteArray("Usage: nofade-cli ") + command + " [options]";
            QVERIFY2(r.out.startsWith(expected), r.out.left(80).constData());
        }
    }

    void interruptKeepsAPartialProfile()
    {
        // 3000 links to one 700x700 noise PNG: several seconds of decoding on one thread.
        QTemporaryDir big;
        const QString original = big.filePath(QStringLiteral("noise.png"));
        QVERIFY(nofade::test::writeImage(original, nofade::test::randomImage(700, 700, 3, 4)));
        for (int i = 0; i < 3000; ++i)
            QVERIFY(::link(QFile::encodeName(original).constData(),
                           QFile::encodeName(big.filePath(QStringLiteral("copy%1.png").arg(i, 4, 10, QLatin1Char('0')))).constData()) == 0);
        const QString out = big.filePath(QStringLiteral("partial.json"));
        QProcess p;
        p.start(QStringLiteral(NOFADE_CLI_PATH), {QStringLiteral("scan"), big.path(), QStringLiteral("--threads"), QStringLiteral("1"),
                                                  QStringLiteral("--per-image"), QStringLiteral("--out"), out});
        QVERIFY(p.waitForStarted());
        // Interrupt once nofade-cli catches SIGINT (it installs its handler after listing the
        // dataset, which on a loaded machine can take longer than any fixed wait), and a bit later.
        QTRY_VERIFY_WITH_TIMEOUT(catchesSigint(p.processId()) || p.state() != QProcess::Running,
                                 int(20000 * nofade::test::kTimingSlack));
        QTest::qWait(300);
        QVERIFY(p.state() == QProcess::Running);
        ::kill(pid_t(p.processId()), SIGINT);
        QVERIFY(p.waitForFinished(5000));
        QCOMPARE(p.exitCode(), 130);
        const QJsonObject j = readJson(out);
        QCOMPARE(j[QStringLiteral("complete")].toBool(true), false);
        QVERIFY(j[QStringLiteral("images")].toInt() > 0);
        QVERIFY(j[QStringLiteral("images")].toInt() < 3001);
        QVERIFY(p.readAllStandardOutput().contains("INCOMPLETE"));
    }
};

QTEST_GUILESS_MAIN(CliTest)
#include "test_cli.moc"

// Nothing lost, end to end with nofade-cli: a scan killed with SIGKILL midway resumes from its
// --cache and gives exactly the profile of an uninterrupted scan, decoding only the remaining
// files; a failed write (read-only folder, disk full) leaves the previous output file intact
// and says so.
#include <csignal>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include "scan_cache_probe.h"
#include "test_support.h"

using namespace nofade;

namespace {

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The "Cache ...: R images from the cache, A analysed now" summary line.
bool cacheCounts(const QByteArray& out, qint64* reused, qint64* analysed)
{
    const QRegularExpression re(QStringLiteral("(\\d+) images from the cache, (\\d+) analysed now"));
    const auto m = re.match(QString::fromUtf8(out));
    if (!m.hasMatch())
        return false;
    *reused = m.captured(1).toLongLong();
    *analysed = m.captured(2).toLongLong();
    return true;
}

} // namespace

class CliCheckpointTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    QString data_;
    static constexpr int kImages = 900;

private Q_SLOTS:
    void initTestCase()
    {
        // Large, well-compressed images: each takes a few milliseconds to decode, so one thread
        // needs seconds for the set and the kill lands midway; the files stay small.
        data_ = dir_.filePath(QStringLiteral("data"));
        for (int i = 0; i < kImages; ++i) {
            cv::Mat img = test::gradientImage(1024, 768, 1, 1 + i % 13);
            img(cv::Rect(i % 900, 0, 64, 64)) = test::randomImage(64, 64, 1, std::uint32_t(i));
            QVERIFY(test::writeImage(QStringLiteral("%1/class%2/%3.png").arg(data_).arg(i % 3).arg(i, 4, 10, QLatin1Char('0')), img));
        }
    }

    void killedScanResumesAndEqualsAnUninterruptedOne()
    {
        const QString whole = dir_.filePath(QStringLiteral("whole.json"));
        test::ProcessResult r = test::runCli({QStringLiteral("scan"), data_, QStringLiteral("--per-image"), QStringLiteral("--out"), whole});
        QVERIFY2(r.finished && r.exitCode == 0, r.err.constData());

        const QString cache = dir_.filePath(QStringLiteral("scan.cache"));
        const QString resumed = dir_.filePath(QStringLiteral("resumed.json"));
        const QStringList args{QStringLiteral("scan"), data_, QStringLiteral("--per-image"), QStringLiteral("--threads"),
                               QStringLiteral("1"), QStringLiteral("--cache"), cache, QStringLiteral("--out"), resumed};
        QProcess p;
        p.start(QStringLiteral(NOFADE_CLI), args);
        QVERIFY(p.waitForStarted());
        // Kill as soon as some results are committed, long before the end.
        QElapsedTimer timer;
        timer.start();
        qsizetype saved = 0;
        while (p.state() == QProcess::Running && timer.elapsed() < 120000) {
            if (QFileInfo::exists(cache) && (saved = test::cachedPaths(cache).size()) > 0)
                break;
            QThread::msleep(20);
        }
        QVERIFY2(p.state() == QProcess::Running, "the scan ended before it could be killed: make the dataset bigger");
        QVERIFY(::kill(pid_t(p.processId()), SIGKILL) == 0);
        QVERIFY(p.waitForFinished());
        QCOMPARE(p.exitStatus(), QProcess::CrashExit);
        QVERIFY(!QFileInfo::exists(resumed)); // killed before writing anything

        const QStringList survived = test::cachedPaths(cache);
        qInfo() << survived.size() << "of" << kImages << "results survived the kill";
        QVERIFY(survived.size() >= saved);
        QVERIFY(survived.size() < kImages);

        // Proof that cached files are not decoded again, independent of the counters: three of them
        // are overwritten with zeros of the same size and given back their modification time. Were
        // they decoded, they would fail and the profile would differ from the uninterrupted one.
        for (int k = 0; k < 3 && k < survived.size(); ++k)
            QVERIFY(test::spoilKeepingStamp(data_ + QLatin1Char('/') + survived[k * survived.size() / 3]));

        r = test::runCli(args);
        QVERIFY2(r.finished && r.exitCode == 0, r.err.constData());
        qint64 reused = -1, analysed = -1;
        QVERIFY2(cacheCounts(r.out, &reused, &analysed), r.out.constData());
        QCOMPARE(reused, qint64(survived.size()));
        QCOMPARE(analysed, qint64(kImages) - reused); // only the remaining files were decoded
        QCOMPARE(readAll(resumed), readAll(whole));   // byte for byte, per-image list included
    }

    void unwritableFolderKeepsThePreviousOutput()
    {
        QTemporaryDir dir;
        QVERIFY(::chmod(QFile::encodeName(dir.path()).constData(), 0755) == 0);
        const QString data = dir.filePath(QStringLiteral("data"));
        QVERIFY(test::writeImage(data + QStringLiteral("/a.png"), test::randomImage(16, 16, 1, 1)));
        const QString outDir = dir.filePath(QStringLiteral("out"));
        QVERIFY(QDir().mkpath(outDir));
        const QString out = outDir + QStringLiteral("/profile.json");
        QVERIFY(test::writeFile(out, "previous profile\n"));
        for (const QString& p : QStringList{data, data + QStringLiteral("/a.png"), out})
            QVERIFY(::chmod(QFile::encodeName(p).constData(), QFileInfo(p).isDir() ? 0755 : 0644) == 0);
        QVERIFY(::chmod(QFile::encodeName(outDir).constData(), 0555) == 0); // read-only folder

        test::ProcessResult r;
        if (::geteuid() == 0) {
            // root writes anywhere: run as "nobody" so that the folder's permissions apply
            if (QStandardPaths::findExecutable(QStringLiteral("setpriv")).isEmpty())
                QSKIP("running as root without setpriv (util-linux): cannot drop privileges");
            r = test::runProcess(QStringLiteral("setpriv"), {QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                                 QStringLiteral("--clear-groups"), QStringLiteral(NOFADE_CLI), QStringLiteral("scan"), data,
                                 QStringLiteral("--out"), out});
            if (r.err.startsWith("setpriv:"))
                QSKIP(qPrintable(QStringLiteral("setpriv cannot drop privileges here: ") + QString::fromUtf8(r.err)));
        } else {
            r = test::runCli({QStringLiteral("scan"), data, QStringLiteral("--out"), out});
        }
        QVERIFY(r.finished);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QFile::encodeName(out)) && r.err.contains("cannot write"), r.err.constData());
        QCOMPARE(readAll(out), QByteArray("previous profile\n"));
        QCOMPARE(QDir(outDir).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("profile.json")}); // no temporary left
    }

    void diskFullKeepsThePreviousOutputAndTheScanGoesOn()
    {
        // RLIMIT_FSIZE makes every write past the limit fail with EFBIG, as a full disk fails with
        // ENOSPC; SIGXFSZ is ignored here so that the child inherits it ignored and sees the error.
        if (QStandardPaths::findExecutable(QStringLiteral("prlimit")).isEmpty())
            QSKIP("prlimit (util-linux) is missing");
        std::signal(SIGXFSZ, SIG_IGN);
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("data"));
        for (int i = 0; i < 200; ++i)
            QVERIFY(test::writeImage(QStringLiteral("%1/%2.png").arg(data).arg(i), test::randomImage(8, 8, 1, std::uint32_t(i))));
        const QString out = dir.filePath(QStringLiteral("profile.json"));
        QVERIFY(test::writeFile(out, "previous profile\n"));
        const QString limit = QStringLiteral("--fsize=8192"); // the per-image profile is larger
        test::ProcessResult r = test::runProcess(QStringLiteral("prlimit"), {limit, QStringLiteral(NOFADE_CLI), QStringLiteral("scan"),
                                                 data, QStringLiteral("--per-image"), QStringLiteral("--out"), out});
        QVERIFY(r.finished);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QFile::encodeName(out)) && r.err.contains("cannot write"), r.err.constData());
        QCOMPARE(readAll(out), QByteArray("previous profile\n"));

        // A cache that cannot grow: the user is told, and the profile itself is still right. A long
        // folder name makes each saved row long, so the cache is created within the limit but its
        // results outgrow it.
        const QString longData = dir.filePath(QString(150, QLatin1Char('d')));
        for (int i = 0; i < 1000; ++i)
            QVERIFY(test::writeImage(QStringLiteral("%1/%2.png").arg(longData).arg(i), test::randomImage(4, 4, 1, std::uint32_t(i))));
        const QString cache = dir.filePath(QStringLiteral("cache.sqlite"));
        r = test::runProcess(QStringLiteral("prlimit"), {QStringLiteral("--fsize=65536"), QStringLiteral(NOFADE_CLI), QStringLiteral("scan"),
                             longData, QStringLiteral("--cache"), cache, QStringLiteral("--out"), QStringLiteral("-")});
        std::signal(SIGXFSZ, SIG_DFL);
        QVERIFY(r.finished);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.err.contains("could not be saved to the scan cache"), r.err.constData());
        QCOMPARE(QJsonDocument::fromJson(r.out).object()[QStringLiteral("images")].toInt(), 1000);
    }
};

QTEST_GUILESS_MAIN(CliCheckpointTest)
#include "test_cli_checkpoint.moc"

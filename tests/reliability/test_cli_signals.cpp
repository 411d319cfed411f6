// SIGTERM and SIGINT end `nofade-cli scan` within a few seconds even while a worker is blocked in
// the kernel on a file: the partial profile of what finished is written, the file still in flight
// is named, and the exit status is 130 (docs/CLI.md).
//
// The blocked worker is real, without FUSE or hooks in the program: the test holds a write lease
// (fcntl F_SETLEASE) on one image, so the kernel holds any other process's open() of it until the
// lease is given up or /proc/sys/fs/lease-break-time (45 s by default) passes - the same
// uninterruptible wait in a system call as a read on a dead network mount.
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include "test_support.h"

using namespace nofade;

namespace {

constexpr int kGoodImages = 6;

// Holds a write lease on a file for the life of the object (released, fd closed, at the end).
class WriteLease {
public:
    explicit WriteLease(const QString& path)
    {
        fd_ = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
        if (fd_ >= 0 && ::fcntl(fd_, F_SETLEASE, F_WRLCK) != 0) {
            error_ = QString::fromLocal8Bit(std::strerror(errno));
            ::close(fd_);
            fd_ = -1;
        }
    }
    ~WriteLease()
    {
        if (fd_ >= 0) {
            ::fcntl(fd_, F_SETLEASE, F_UNLCK);
            ::close(fd_);
        }
    }
    bool held() const { return fd_ >= 0; }
    QString error() const { return error_; }
    // True once another process's open() of the file waits for the lease to be given up.
    bool breaking() const { return fd_ >= 0 && ::fcntl(fd_, F_GETLEASE) != F_WRLCK; }

private:
    int fd_ = -1;
    QString error_;
};

} // namespace

class CliSignalsTest : public QObject {
    Q_OBJECT

private:
    void endsPromptlyOn(int signal)
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        for (int i = 0; i < kGoodImages; ++i)
            QVERIFY(test::writeImage(dir.filePath(QStringLiteral("data/a%1.png").arg(i)),
                                     test::randomImage(16, 12, 1, std::uint32_t(i + 1))));
        // Last in name order, so the other images are done when a worker blocks on it.
        const QString stuck = dir.filePath(QStringLiteral("data/zz-stuck.png"));
        QVERIFY(test::writeImage(stuck, test::randomImage(16, 12, 1, 99)));

        // A lease break signals the holder with SIGIO, which would end this test process.
        std::signal(SIGIO, SIG_IGN);
        WriteLease lease(stuck);
        if (!lease.held())
            QSKIP(qPrintable(QStringLiteral("file leases are not available here (%1): no way to block a worker")
                                 .arg(lease.error())));

        const QString out = dir.filePath(QStringLiteral("partial.json"));
        QProcess cli;
        cli.start(QStringLiteral(NOFADE_CLI),
                  {QStringLiteral("scan"), dir.filePath(QStringLiteral("data")), QStringLiteral("--threads"),
                   QStringLiteral("2"), QStringLiteral("--out"), out});
        QVERIFY(cli.waitForStarted());

        // Wait until a worker is blocked on the leased file (the kernel has started breaking it).
        QElapsedTimer waited;
        waited.start();
        while (!lease.breaking() && waited.elapsed() < 60000 && cli.state() == QProcess::Running)
            QThread::msleep(20);
        QVERIFY2(lease.breaking(), "the scan never opened the leased file");
        QThread::msleep(500); // the other worker finishes the small images meanwhile

        QElapsedTimer sinceSignal;
        sinceSignal.start();
        QVERIFY(::kill(pid_t(cli.processId()), signal) == 0);
        const bool ended = cli.waitForFinished(5000);
        const qint64 took = sinceSignal.elapsed();
        if (!ended) {
            cli.kill();
            cli.waitForFinished();
        }
        const QString err = QString::fromUtf8(cli.readAllStandardError());
        qInfo().noquote() << "ended" << took << "ms after the signal; stderr:\n" << err;
        QVERIFY2(ended, "nofade-cli scan did not end within 5 s of the signal");
        QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
        QCOMPARE(cli.exitCode(), 130);
        QVERIFY2(err.contains(QLatin1String("in flight: zz-stuck.png")), qPrintable(err));

        const QJsonObject profile = test::readJson(out);
        QVERIFY2(!profile.isEmpty(), "no partial profile was written");
        QCOMPARE(profile.value(QStringLiteral("complete")).toBool(true), false);
        QCOMPARE(profile.value(QStringLiteral("images")).toInteger(), qint64(kGoodImages));
    }

private Q_SLOTS:
    void sigtermEndsAScanWithAWorkerBlockedInTheKernel() { endsPromptlyOn(SIGTERM); }
    void sigintEndsAScanWithAWorkerBlockedInTheKernel() { endsPromptlyOn(SIGINT); }
};

QTEST_GUILESS_MAIN(CliSignalsTest)
#include "test_cli_signals.moc"

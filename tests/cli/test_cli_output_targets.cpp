// --out to something that is not a regular file (a named pipe, /dev/null) is written to, never
// replaced: the atomic save (a temporary file renamed over the target) is for regular files. As
// root, a rename over /dev/null turns the machine's /dev/null into a regular file; a named pipe
// in a temporary folder shows the same without touching the machine's /dev.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "test_support.h"

using namespace nofade;

class CliOutputTargetsTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void namedPipeIsWrittenNotReplaced()
    {
        QTemporaryDir dir;
        for (int i = 0; i < 3; ++i)
            QVERIFY(test::writeImage(dir.filePath(QStringLiteral("data/%1.png").arg(i)),
                                     test::randomImage(8, 8, 1, std::uint32_t(i + 1))));
        const QByteArray fifo = QFile::encodeName(dir.filePath(QStringLiteral("out.json")));
        QVERIFY(::mkfifo(fifo.constData(), 0600) == 0);
        // Held open for reading (and writing, so our open does not wait) while the CLI writes.
        const int fd = ::open(fifo.constData(), O_RDWR | O_NONBLOCK | O_CLOEXEC);
        QVERIFY(fd >= 0);
        QProcess cli;
        cli.start(QStringLiteral(NOFADE_CLI), {QStringLiteral("scan"), dir.filePath(QStringLiteral("data")),
                                               QStringLiteral("--per-image"), QStringLiteral("--out"),
                                               QString::fromLocal8Bit(fifo)});
        QVERIFY(cli.waitForStarted());
        QByteArray received;
        char buffer[65536];
        while (!cli.waitForFinished(20)) {
            ssize_t n;
            while ((n = ::read(fd, buffer, sizeof buffer)) > 0)
                received.append(buffer, n);
        }
        ssize_t n;
        while ((n = ::read(fd, buffer, sizeof buffer)) > 0)
            received.append(buffer, n);
        ::close(fd);
        QCOMPARE(cli.exitCode(), 0);
        struct stat st {};
        QVERIFY(::lstat(fifo.constData(), &st) == 0);
        QVERIFY2(S_ISFIFO(st.st_mode), "the named pipe was replaced by a file");
        QJsonParseError error{};
        const QJsonDocument json = QJsonDocument::fromJson(received, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QCOMPARE(json.object().value(QStringLiteral("images")).toInteger(), 3);
        QCOMPARE(json.object().value(QStringLiteral("per_image")).toArray().size(), 3);
    }
};

QTEST_GUILESS_MAIN(CliOutputTargetsTest)
#include "test_cli_output_targets.moc"

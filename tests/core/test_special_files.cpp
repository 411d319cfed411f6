// Named pipes, sockets and device nodes (and symbolic links to them) next to good images are
// reported "not a regular file" without being opened: opening a named pipe waits for a writer,
// so a scan that opened one would never end. Each scan runs on its own thread with a deadline,
// so a regression fails the test instead of hanging it.
#include <cstring>
#include <future>
#include <optional>
#include <memory>
#include <thread>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <unistd.h>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include "datasets/dataset_opener.h"
#include "scan/scanner.h"
#include "test_support.h"

using namespace nofade;

namespace {

QByteArray nativeName(const QString& path) { return QFile::encodeName(path); }

// Scans `path` on a detached thread; nullopt when it does not end within the deadline (the
// thread is then left blocked: the test fails and the process ends anyway).
std::optional<Profile> scanWithDeadline(const QString& path, int seconds)
{
    auto done = std::make_shared<std::promise<Profile>>();
    std::future<Profile> result = done->get_future();
    std::thread([done, path] {
        OpenedDataset d = openDataset(path);
        Profile p;
        if (d.source) {
            Feedback feedback;
            p = scanDataset(*d.source, ProfileSettings{}, ScanOptions{}, feedback);
        }
        done->set_value(std::move(p));
    }).detach();
    if (result.wait_for(std::chrono::seconds(seconds)) != std::future_status::ready)
        return std::nullopt;
    return result.get();
}

} // namespace

class SpecialFilesTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    QStringList special_; // relative paths expected among the failures

    void addSpecial(const QString& rel) { special_ << rel; }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        for (int c = 0; c < 2; ++c)
            for (int i = 0; i < 3; ++i)
                QVERIFY(test::writeImage(dir_.filePath(QStringLiteral("class%1/good%2.png").arg(c).arg(i)),
                                         test::randomImage(12 + i, 10, 1, std::uint32_t(7 * c + i))));
        // A named pipe nobody writes to, under an image name, and a link to it.
        QVERIFY(::mkfifo(nativeName(dir_.filePath(QStringLiteral("class0/fifo.png"))).constData(), 0600) == 0);
        addSpecial(QStringLiteral("class0/fifo.png"));
        QVERIFY(::symlink("fifo.png", nativeName(dir_.filePath(QStringLiteral("class0/link-to-fifo.jpg"))).constData()) == 0);
        addSpecial(QStringLiteral("class0/link-to-fifo.jpg"));

        // A listening Unix socket bound to an image name, and a link to it.
        const QByteArray socketPath = nativeName(dir_.filePath(QStringLiteral("class1/socket.png")));
        sockaddr_un addr{};
        addr.sun_family = AF_UNIX;
        QVERIFY(std::size_t(socketPath.size()) < sizeof addr.sun_path);
        std::memcpy(addr.sun_path, socketPath.constData(), std::size_t(socketPath.size()));
        socket_ = ::socket(AF_UNIX, SOCK_STREAM, 0);
        QVERIFY(socket_ >= 0);
        QVERIFY(::bind(socket_, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) == 0);
        QVERIFY(::listen(socket_, 1) == 0);
        addSpecial(QStringLiteral("class1/socket.png"));
        QVERIFY(::symlink("socket.png", nativeName(dir_.filePath(QStringLiteral("class1/link-to-socket.png"))).constData()) == 0);
        addSpecial(QStringLiteral("class1/link-to-socket.png"));

        // A character device: a link to /dev/null always, a device node of its own when root.
        QVERIFY(::symlink("/dev/null", nativeName(dir_.filePath(QStringLiteral("class1/null.png"))).constData()) == 0);
        addSpecial(QStringLiteral("class1/null.png"));
        if (::geteuid() == 0) {
            QVERIFY(::mknod(nativeName(dir_.filePath(QStringLiteral("class0/device.png"))).constData(),
                            S_IFCHR | 0600, makedev(1, 3)) == 0);
            addSpecial(QStringLiteral("class0/device.png"));
        } else {
            qInfo("not root: the device node case is covered by the link to /dev/null");
        }
    }

    void cleanupTestCase()
    {
        if (socket_ >= 0)
            ::close(socket_);
    }

    void specialFilesAreRefusedWithoutBeingOpened()
    {
        const std::optional<Profile> p = scanWithDeadline(dir_.path(), 20);
        QVERIFY2(p, "the scan did not end: a special file was opened");
        QCOMPARE(p->images(), 6);
        QVERIFY(p->complete);
        QStringList failedPaths;
        for (const FailedItem& f : p->failed) {
            qInfo().noquote() << f.path << "->" << f.reason;
            failedPaths << f.path;
            QVERIFY2(f.reason.startsWith(QLatin1String("not a regular file")), qPrintable(f.path + QStringLiteral(": ") + f.reason));
        }
        failedPaths.sort();
        QStringList expected = special_;
        expected.sort();
        QCOMPARE(failedPaths, expected);
        // The kind is named, so the user knows what the entry is.
        for (const FailedItem& f : p->failed) {
            if (f.path.contains(QLatin1String("fifo")))
                QVERIFY2(f.reason.contains(QLatin1String("named pipe")), qPrintable(f.reason));
            if (f.path.contains(QLatin1String("socket")))
                QVERIFY2(f.reason.contains(QLatin1String("socket")), qPrintable(f.reason));
            if (f.path.contains(QLatin1String("null")) || f.path.contains(QLatin1String("device")))
                QVERIFY2(f.reason.contains(QLatin1String("character device")), qPrintable(f.reason));
        }
    }

    // An IDX images "file" that is a named pipe is refused when opened, instead of blocking.
    void idxFileThatIsAPipeIsRefused()
    {
        const QString fifo = dir_.filePath(QStringLiteral("idx/train-images-idx3-ubyte"));
        QVERIFY(QDir().mkpath(QFileInfo(fifo).path()));
        QVERIFY(::mkfifo(nativeName(fifo).constData(), 0600) == 0);
        auto done = std::make_shared<std::promise<QString>>();
        std::future<QString> error = done->get_future();
        std::thread([done, fifo] { done->set_value(openDataset(fifo, DatasetFormat::Idx).error); }).detach();
        QVERIFY2(error.wait_for(std::chrono::seconds(20)) == std::future_status::ready, "opening the pipe blocked");
        const QString e = error.get();
        QVERIFY2(e.contains(QLatin1String("not a regular file (a named pipe)")), qPrintable(e));
    }

private:
    int socket_ = -1;
};

QTEST_GUILESS_MAIN(SpecialFilesTest)
#include "test_special_files.moc"

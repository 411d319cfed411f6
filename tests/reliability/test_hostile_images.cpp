// Odd but valid images (16-bit, palette, grey+alpha, CMYK, 1x1, 1xN, awkward file names) give the
// entropy an independent reference computes (PIL + scikit-image, tests/golden/hostile_images.py);
// files a normal user cannot read give a per-file error naming the reason.
#include <sys/stat.h>
#include <unistd.h>
#include <QDir>
#include <QFile>
#include <QScopeGuard>
#include <QFileInfo>
#include <QStandardPaths>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

#include "datasets/dataset_opener.h"
#include "profile/profile_json.h"
#include "scan/scanner.h"
#include "test_support.h"

using namespace nofade;

namespace {

Profile scanFolder(const QString& path, GrayMode gray = GrayMode::Exact)
{
    OpenedDataset d = openDataset(path);
    if (!d.source)
        qFatal("%s", qPrintable(d.error));
    Feedback feedback;
    ProfileSettings settings;
    settings.gray = gray;
    return scanDataset(*d.source, settings, ScanOptions{}, feedback);
}

// Runs nofade-cli as the unprivileged user "nobody" (uid/gid 65534) when we are root, so that
// file permissions apply; directly otherwise. Empty `skip` when it could run.
test::ProcessResult runCliUnprivileged(const QStringList& args, QString* skip)
{
    if (::geteuid() != 0)
        return test::runCli(args);
    if (QStandardPaths::findExecutable(QStringLiteral("setpriv")).isEmpty()) {
        *skip = QStringLiteral("running as root and setpriv (util-linux) is missing: cannot drop privileges");
        return {};
    }
    test::ProcessResult r = test::runProcess(QStringLiteral("setpriv"),
        QStringList{QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"), QStringLiteral("--clear-groups"),
                    QStringLiteral(NOFADE_CLI)} + args);
    if (r.exitCode == 127 || r.err.contains("setpriv:"))
        *skip = QStringLiteral("setpriv could not drop privileges here: ") + QString::fromUtf8(r.err).trimmed();
    return r;
}

bool chmodPath(const QString& path, mode_t mode)
{
    return ::chmod(QFile::encodeName(path).constData(), mode) == 0;
}

} // namespace

class HostileImagesTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    QJsonObject expected_;
    QStringList tolerant_;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        QString error;
        const QJsonObject ref = test::runReference(QStringLiteral("hostile_images.py"), {dir_.path()}, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        expected_ = ref[QStringLiteral("expected")].toObject();
        for (const QJsonValue& v : ref[QStringLiteral("tolerant")].toArray())
            tolerant_ << v.toString();
        QVERIFY(expected_.size() >= 15);
    }

    void everyOddImageMatchesTheReference()
    {
        const Profile p = scanFolder(dir_.path());
        for (const FailedItem& f : p.failed)
            qWarning().noquote() << "failed:" << f.path << f.reason;
        QCOMPARE(p.failedItems(), qint64(0));
        QCOMPARE(p.images(), qint64(expected_.size()));
        for (const ImageEntropy& e : p.perImage) {
            QVERIFY2(expected_.contains(e.path), qPrintable(QStringLiteral("unexpected item ") + e.path));
            const double want = expected_[e.path].toDouble();
            // CMYK JPEGs: libjpeg hands both decoders CMYK and each converts to RGB its own way.
            const double tolerance = tolerant_.contains(e.path) ? 0.05 : 1e-9;
            QVERIFY2(std::abs(e.entropy - want) <= tolerance,
                     qPrintable(QStringLiteral("%1: nofade %2, reference %3").arg(e.path).arg(e.entropy, 0, 'g', 17).arg(want, 0, 'g', 17)));
        }
    }

    void invalidUtf8NameIsEscapedNotDropped()
    {
        const Profile p = scanFolder(dir_.path());
        int escaped = 0;
        for (const ImageEntropy& e : p.perImage)
            if (e.pathEscaped) {
                ++escaped;
                QCOMPARE(e.path, QStringLiteral("invalid-utf8-\\xFF\\xFE.png"));
            }
        QCOMPARE(escaped, 1);
        // And it survives the JSON round trip with the flag.
        QString error;
        const auto back = profileFromJsonBytes(profileToJsonBytes(p, true), &error);
        QVERIFY(back);
        QCOMPARE(int(std::count_if(back->perImage.begin(), back->perImage.end(),
                                   [](const ImageEntropy& e) { return e.pathEscaped; })), 1);
    }

    void fastModeStaysWithinTheDocumentedDistance()
    {
        // METHODS.md: other formats than YCbCr JPEG give the same result in both modes up to
        // rounding of the luma; none of these may be off by more than a small amount.
        const Profile exact = scanFolder(dir_.path(), GrayMode::Exact);
        const Profile fast = scanFolder(dir_.path(), GrayMode::Fast);
        QCOMPARE(fast.failedItems(), qint64(0));
        QCOMPARE(fast.images(), exact.images());
        for (std::size_t i = 0; i < exact.perImage.size(); ++i)
            QVERIFY2(std::abs(fast.perImage[i].entropy - exact.perImage[i].entropy) < 0.25,
                     qPrintable(exact.perImage[i].path));
    }

    void unreadableFilesAndFoldersAreReportedAsANormalUser()
    {
        QTemporaryDir dir;
        QVERIFY(chmodPath(dir.path(), 0755)); // "nobody" must reach the dataset
        const cv::Mat img = test::randomImage(20, 20, 3, 7);
        QVERIFY(test::writeImage(dir.filePath(QStringLiteral("a/readable.png")), img));
        QVERIFY(test::writeImage(dir.filePath(QStringLiteral("a/unreadable.png")), img));
        QVERIFY(test::writeImage(dir.filePath(QStringLiteral("b/readable.png")), img));
        QVERIFY(test::writeImage(dir.filePath(QStringLiteral("locked/hidden.png")), img));
        for (const char* p : {"a", "b", "a/readable.png", "b/readable.png"})
            QVERIFY(chmodPath(dir.filePath(QLatin1String(p)), QFileInfo(dir.filePath(QLatin1String(p))).isDir() ? 0755 : 0644));
        QVERIFY(chmodPath(dir.filePath(QStringLiteral("a/unreadable.png")), 0));
        QVERIFY(chmodPath(dir.filePath(QStringLiteral("locked")), 0));
        const auto restore = qScopeGuard([&] { // so that the temporary folder can be removed
            chmodPath(dir.filePath(QStringLiteral("locked")), 0755);
            chmodPath(dir.filePath(QStringLiteral("a/unreadable.png")), 0644);
        });

        QString skip;
        const test::ProcessResult r = runCliUnprivileged({QStringLiteral("scan"), dir.path(), QStringLiteral("--out"), QStringLiteral("-")}, &skip);
        if (!skip.isEmpty())
            QSKIP(qPrintable(skip));
        QVERIFY2(r.finished && r.exitCode == 0, r.err.constData());
        const QJsonObject json = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(json[QStringLiteral("images")].toInt(), 2);
        const QJsonArray failed = json[QStringLiteral("failed")].toArray();
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed[0][QStringLiteral("path")].toString(), QStringLiteral("a/unreadable.png"));
        QVERIFY2(failed[0][QStringLiteral("reason")].toString().contains(QStringLiteral("Permission denied")),
                 qPrintable(failed[0][QStringLiteral("reason")].toString()));
        // A folder that cannot be listed is a warning naming it, not a silent hole.
        QVERIFY2(r.err.contains("locked: cannot list: Permission denied"), r.err.constData());
    }
};

QTEST_GUILESS_MAIN(HostileImagesTest)
#include "test_hostile_images.moc"

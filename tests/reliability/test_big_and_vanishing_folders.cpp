// A folder of 100,000 tiny files scans completely with exact numbers and bounded memory; a
// dataset folder deleted while it is being scanned ends the scan normally, every vanished file
// reported with the reason, the files analysed before unchanged.
#include <sys/resource.h>
#include <mutex>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

#include "datasets/dataset_opener.h"
#include "scan/scanner.h"
#include "test_support.h"
#include "timing_slack.h"

using namespace nofade;

namespace {

// Many small files: in RAM when /dev/shm exists, so that the test measures the scanner, not the disk.
QString scratchTemplate()
{
    const QFileInfo shm(QStringLiteral("/dev/shm"));
    return shm.isDir() && shm.isWritable() ? QStringLiteral("/dev/shm/nofade-test-XXXXXX") : QString();
}

// A 2x2 8-bit PGM. Pattern k has k+1 distinct grey values among its 4 pixels:
// entropies 0, 1, 1.5 and 2 bits ({4}, {2,2}, {2,1,1}, {1,1,1,1} pixels per value).
QByteArray tinyPgm(int k)
{
    static const unsigned char pixels[4][4] = {{9, 9, 9, 9}, {9, 9, 200, 200}, {9, 9, 200, 77}, {9, 200, 77, 130}};
    return QByteArray("P5\n2 2\n255\n") + QByteArray(reinterpret_cast<const char*>(pixels[k]), 4);
}
constexpr double kPatternEntropy[4] = {0.0, 1.0, 1.5, 2.0};

long maxRssMiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

// Deletes the dataset folder from inside the scan, as soon as `after` images are analysed:
// deterministic, unlike a timer racing the workers. The lock makes every other worker that
// finishes an image wait until the folder is gone, so that a preempted deleter cannot let the
// others run on: at most one image per other worker (read before the deletion) lands after it.
class DeleteFolderMidway final : public ScanCheckpoint {
public:
    DeleteFolderMidway(QString folder, int after) : folder_(std::move(folder)), after_(after) {}
    void itemAnalysed(std::int64_t, int, double, const FileStamp&) override
    {
        std::lock_guard lock(mutex_);
        if (++seen_ != after_)
            return;
        // Moved away first, in one step, so that every file vanishes at once for the other
        // worker; then deleted for real.
        const QString gone = folder_ + QStringLiteral(".gone");
        deleted_ = QDir().rename(folder_, gone) && QDir(gone).removeRecursively();
    }
    void flush(bool) override {}
    bool deleted() const
    {
        std::lock_guard lock(mutex_);
        return deleted_;
    }

private:
    QString folder_;
    int after_;
    mutable std::mutex mutex_;
    int seen_ = 0;
    bool deleted_ = false;
};

} // namespace

class BigAndVanishingFoldersTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void hundredThousandTinyFiles()
    {
        constexpr int kFiles = 100'000;
        constexpr int kClasses = 4;
        QTemporaryDir dir(scratchTemplate().isEmpty() ? QDir::tempPath() + QStringLiteral("/nofade-test-XXXXXX") : scratchTemplate());
        QVERIFY(dir.isValid());
        for (int c = 0; c < kClasses; ++c)
            QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("class%1").arg(c)));
        QByteArray patterns[4];
        for (int k = 0; k < 4; ++k)
            patterns[k] = tinyPgm(k);
        for (int i = 0; i < kFiles; ++i) {
            // Class c holds files i with i % kClasses == c; the pattern cycles within a class.
            QFile f(dir.filePath(QStringLiteral("class%1/%2.pgm").arg(i % kClasses).arg(i, 6, 10, QLatin1Char('0'))));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(patterns[(i / kClasses) % 4]);
        }
        const long rssBefore = maxRssMiB();
        OpenedDataset d = openDataset(dir.path());
        QVERIFY2(d.source, qPrintable(d.error));
        QCOMPARE(d.source->itemCount(), qint64(kFiles));
        Feedback feedback;
        const Profile p = scanDataset(*d.source, ProfileSettings{}, ScanOptions{}, feedback);
        QVERIFY(p.complete);
        QCOMPARE(p.failedItems(), qint64(0));
        QCOMPARE(p.images(), qint64(kFiles));
        // Each class has 25,000 files, 6,250 of each pattern: the mean is (0+1+1.5+2)/4 exactly.
        QCOMPARE(p.moments.mean(), 1.125);
        QCOMPARE(p.moments.min(), 0.0);
        QCOMPARE(p.moments.max(), 2.0);
        QCOMPARE(int(p.classes.size()), kClasses);
        for (const ClassProfile& c : p.classes) {
            QCOMPARE(c.moments.count(), qint64(kFiles / kClasses));
            QCOMPARE(c.moments.mean(), 1.125);
        }
        for (const ImageEntropy& e : p.perImage) {
            const int i = e.path.section(QLatin1Char('/'), 1).section(QLatin1Char('.'), 0, 0).toInt();
            if (e.entropy != kPatternEntropy[(i / kClasses) % 4])
                QFAIL(qPrintable(QStringLiteral("%1: %2 bits").arg(e.path).arg(e.entropy)));
        }
        // Memory grows with the item list (tens of bytes per file), never with the images.
        const long grown = maxRssMiB() - rssBefore;
        qInfo() << "peak RSS grew by" << grown << "MiB for" << kFiles << "files";
        // ASan keeps freed memory in quarantine and shadows every byte: its RSS says nothing here.
        if (!test::kSanitized)
            QVERIFY2(grown < 200, qPrintable(QString::number(grown)));
    }

    void folderDeletedWhileScanning()
    {
        constexpr int kFiles = 600;
        constexpr int kDeleteAfter = 150;
        QTemporaryDir parent;
        const QString root = parent.filePath(QStringLiteral("dataset"));
        for (int i = 0; i < kFiles; ++i)
            QVERIFY(test::writeImage(QStringLiteral("%1/c%2/%3.png").arg(root).arg(i % 3).arg(i, 4, 10, QLatin1Char('0')),
                                     test::randomImage(24, 16, 1, std::uint32_t(i))));
        OpenedDataset d = openDataset(root);
        QVERIFY2(d.source, qPrintable(d.error));
        Feedback before;
        const Profile whole = scanDataset(*d.source, ProfileSettings{}, ScanOptions{}, before);
        QCOMPARE(whole.images(), qint64(kFiles));

        DeleteFolderMidway deleter(root, kDeleteAfter);
        ScanOptions options;
        options.threads = 2;
        options.checkpoint = &deleter;
        Feedback feedback;
        const Profile p = scanDataset(*d.source, ProfileSettings{}, options, feedback);
        QVERIFY(deleter.deleted());
        QVERIFY(!QFileInfo::exists(root));
        QVERIFY(p.complete); // every item settled: analysed or failed, none lost
        QCOMPARE(p.images() + p.failedItems(), qint64(kFiles));
        QVERIFY2(p.images() >= kDeleteAfter && p.images() <= kDeleteAfter + options.threads - 1, qPrintable(QString::number(p.images())));
        for (const FailedItem& f : p.failed)
            QVERIFY2(f.reason.contains(QStringLiteral("No such file or directory")), qPrintable(f.path + QStringLiteral(": ") + f.reason));
        std::size_t j = 0;
        for (const ImageEntropy& e : p.perImage) {
            while (j < whole.perImage.size() && whole.perImage[j].index != e.index)
                ++j;
            QVERIFY(j < whole.perImage.size());
            QCOMPARE(e.entropy, whole.perImage[j].entropy);
        }
    }
};

QTEST_GUILESS_MAIN(BigAndVanishingFoldersTest)
#include "test_big_and_vanishing_folders.moc"

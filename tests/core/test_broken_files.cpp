// A folder mixing good images with broken files of every kind finishes, reports each broken file
// with its reason, and gives exactly the numbers of the good files alone.
#include <unistd.h>
#include <zlib.h>
#include <opencv2/imgcodecs.hpp>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include "datasets/dataset_opener.h"
#include "profile/profile_json.h"
#include "scan/scanner.h"
#include "test_support.h"

using namespace nofade;

namespace {

QByteArray pngChunk(const char* type, const QByteArray& data)
{
    const QByteArray typeAndData = QByteArray(type, 4) + data;
    const uLong crc = crc32(0, reinterpret_cast<const Bytef*>(typeAndData.constData()), uInt(typeAndData.size()));
    return test::bigEndian32(std::uint32_t(data.size())) + typeAndData + test::bigEndian32(std::uint32_t(crc));
}

QByteArray pngSignatureAndHeader(std::uint32_t w, std::uint32_t h)
{
    return QByteArray("\x89PNG\r\n\x1a\n", 8)
           + pngChunk("IHDR", test::bigEndian32(w) + test::bigEndian32(h) + QByteArray("\x08\x00\x00\x00\x00", 5));
}

// A genuine decompression bomb: a valid 8-bit grey PNG of side x side black pixels. Rows are
// deflated one at a time, so making it costs a few hundred kilobytes, not side^2 bytes.
QByteArray blackPng(std::uint32_t side)
{
    z_stream z{};
    deflateInit(&z, 9);
    QByteArray idat;
    std::vector<unsigned char> row(side + 1, 0); // filter byte 0 + pixels
    std::vector<unsigned char> out(1 << 16);
    for (std::uint32_t y = 0; y < side; ++y) {
        z.next_in = row.data();
        z.avail_in = uInt(row.size());
        const int flush = y + 1 == side ? Z_FINISH : Z_NO_FLUSH;
        do {
            z.next_out = out.data();
            z.avail_out = uInt(out.size());
            deflate(&z, flush);
            idat.append(reinterpret_cast<const char*>(out.data()), qsizetype(out.size() - z.avail_out));
        } while (z.avail_out == 0);
    }
    deflateEnd(&z);
    return pngSignatureAndHeader(side, side) + pngChunk("IDAT", idat) + pngChunk("IEND", {});
}

QByteArray encoded(const char* ext, const cv::Mat& m)
{
    std::vector<std::uint8_t> b;
    cv::imencode(ext, m, b);
    return QByteArray(reinterpret_cast<const char*>(b.data()), qsizetype(b.size()));
}

Profile scanFolder(const QString& path)
{
    OpenedDataset d = openDataset(path);
    if (!d.source)
        qFatal("%s", qPrintable(d.error));
    Feedback feedback;
    return scanDataset(*d.source, ProfileSettings{}, ScanOptions{}, feedback);
}

} // namespace

class BrokenFilesTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir good_;
    QTemporaryDir mixed_;
    QMap<QString, QString> expectedReasons_; // broken file -> part of its reason

    void addGood(const QString& rel, const QByteArray& bytes)
    {
        QVERIFY(test::writeFile(good_.filePath(rel), bytes));
        QVERIFY(test::writeFile(mixed_.filePath(rel), bytes));
    }
    void addBroken(const QString& rel, const QByteArray& bytes, const QString& reason)
    {
        QVERIFY(test::writeFile(mixed_.filePath(rel), bytes));
        expectedReasons_.insert(rel, reason);
    }

private Q_SLOTS:
    void initTestCase()
    {
        for (int c = 0; c < 3; ++c)
            for (int i = 0; i < 6; ++i)
                addGood(QStringLiteral("class%1/good%2.png").arg(c).arg(i),
                        encoded(i % 2 ? ".png" : ".jpg", test::randomImage(16 + i, 12 + c, i % 2 ? 1 : 3, std::uint32_t(10 * c + i))));
        // PNG bytes under a .jpg name are still a good image: content decides, not the name.
        addGood(QStringLiteral("class0/png-named.jpg"), encoded(".png", test::gradientImage(30, 20, 3, 3)));

        const QByteArray jpeg = encoded(".jpg", test::randomImage(120, 90, 3, 99));
        const QByteArray png = encoded(".png", test::randomImage(120, 90, 3, 98));
        addBroken(QStringLiteral("class0/zero-bytes.png"), {}, QStringLiteral("empty file"));
        addBroken(QStringLiteral("class0/text.png"), "just some text\n", QStringLiteral("not a supported image"));
        QByteArray random(5000, 0);
        for (int i = 0; i < random.size(); ++i)
            random[i] = char((i * 2654435761u) >> 11);
        addBroken(QStringLiteral("class1/random.jpg"), random, QStringLiteral("not a supported image"));
        addBroken(QStringLiteral("class1/truncated.jpg"), jpeg.left(jpeg.size() / 2), QStringLiteral("truncated JPEG"));
        addBroken(QStringLiteral("class1/truncated.png"), png.left(png.size() / 2), QStringLiteral("corrupt or truncated"));
        addBroken(QStringLiteral("class2/header-bomb.png"), pngSignatureAndHeader(100000, 100000), QStringLiteral("refused before decoding"));
        addBroken(QStringLiteral("class2/real-bomb.png"), blackPng(14000), QStringLiteral("14000x14000"));
        addBroken(QStringLiteral("class2/zero-pixels.png"), pngSignatureAndHeader(0, 50), QStringLiteral("zero pixels"));
        addBroken(QStringLiteral("class2/too-wide.png"), pngSignatureAndHeader(3000000, 1) + pngChunk("IEND", {}), QStringLiteral("beyond OpenCV's limit"));
        QByteArray bmp = encoded(".bmp", test::randomImage(4, 4, 3, 5));
        bmp.replace(18, 8, QByteArray("\x70\x11\x01\x00\x70\x11\x01\x00", 8)); // 70000 x 70000
        addBroken(QStringLiteral("class2/huge.bmp"), bmp, QStringLiteral("too large"));
        QVERIFY(::symlink("/nonexistent/target.png", QFile::encodeName(mixed_.filePath(QStringLiteral("class0/dangling.png"))).constData()) == 0);
        expectedReasons_.insert(QStringLiteral("class0/dangling.png"), QStringLiteral("cannot open"));
        // A folder with an image extension is a folder, not a broken image.
        QVERIFY(QDir().mkpath(mixed_.filePath(QStringLiteral("class1/folder.png"))));
        if (::geteuid() != 0) {
            addBroken(QStringLiteral("class1/unreadable.png"), png, QStringLiteral("Permission denied"));
            QVERIFY(QFile::setPermissions(mixed_.filePath(QStringLiteral("class1/unreadable.png")), QFileDevice::Permissions{}));
        } else {
            qInfo("running as root: the unreadable-file case is covered only when run as a normal user");
        }
    }

    void everyBrokenFileIsReportedWithItsReason()
    {
        const Profile mixed = scanFolder(mixed_.path());
        QVERIFY(mixed.complete);
        QMap<QString, QString> reasons;
        for (const FailedItem& f : mixed.failed) {
            qInfo().noquote() << f.path << "->" << f.reason;
            reasons.insert(f.path, f.reason);
        }
        QCOMPARE(reasons.keys(), expectedReasons_.keys());
        for (auto it = expectedReasons_.cbegin(); it != expectedReasons_.cend(); ++it) {
            QVERIFY2(!reasons[it.key()].isEmpty(), qPrintable(it.key()));
            QVERIFY2(reasons[it.key()].contains(it.value()), qPrintable(it.key() + QStringLiteral(": ") + reasons[it.key()]));
        }
    }

    void numbersAreThoseOfTheGoodFilesAlone()
    {
        const Profile mixed = scanFolder(mixed_.path());
        const Profile good = scanFolder(good_.path());
        QCOMPARE(good.failedItems(), 0);
        QCOMPARE(mixed.images(), good.images());
        QVERIFY(mixed.moments == good.moments);
        QVERIFY(mixed.fine == good.fine);
        QCOMPARE(mixed.classes.size(), good.classes.size());
        for (std::size_t c = 0; c < good.classes.size(); ++c) {
            QCOMPARE(mixed.classes[c].name, good.classes[c].name);
            QVERIFY(mixed.classes[c].moments == good.classes[c].moments);
            QVERIFY(mixed.classes[c].histogram == good.classes[c].histogram);
        }
        QCOMPARE(mixed.jsd().sum, good.jsd().sum);
        QCOMPARE(*mixed.jsd().complexity, *good.jsd().complexity);
    }
};

QTEST_GUILESS_MAIN(BrokenFilesTest)
#include "test_broken_files.moc"

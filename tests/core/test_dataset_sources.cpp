// Dataset readers: ImageFolder walking (order, classes, hidden files, extensions, link loops,
// non-UTF-8 names), IDX (raw and gzip, labels found), CIFAR-10/100 batches, format detection.
#include <unistd.h>
#include <zlib.h>
#include <opencv2/imgcodecs.hpp>
#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

#include "datasets/dataset_opener.h"
#include "datasets/path_text.h"
#include "scan/scanner.h"
#include "test_support.h"

using namespace nofade;

namespace {

// A tiny IDX pair: n images of rows x cols, image k filled with pixel values (k + i) % levels.
void writeIdx(const QString& dir, const QString& split, int n, int rows, int cols, bool gz,
              const std::vector<int>& labels)
{
    QByteArray images = test::bigEndian32(0x803) + test::bigEndian32(n) + test::bigEndian32(rows) + test::bigEndian32(cols);
    for (int k = 0; k < n; ++k)
        for (int i = 0; i < rows * cols; ++i)
            images.append(char(i < k + 1 ? 255 : 0)); // image k: k+1 white pixels, the rest black
    QByteArray labelBytes = test::bigEndian32(0x801) + test::bigEndian32(n);
    for (int l : labels)
        labelBytes.append(char(l));
    auto write = [&](const QString& name, const QByteArray& bytes) {
        const QString path = dir + QLatin1Char('/') + name + (gz ? QStringLiteral(".gz") : QString());
        if (!gz) {
            QVERIFY(test::writeFile(path, bytes));
            return;
        }
        gzFile f = gzopen(QFile::encodeName(path).constData(), "wb");
        QVERIFY(f);
        QCOMPARE(gzwrite(f, bytes.constData(), unsigned(bytes.size())), int(bytes.size()));
        gzclose(f);
    };
    write(split + QStringLiteral("-images-idx3-ubyte"), images);
    write(split + QStringLiteral("-labels-idx1-ubyte"), labelBytes);
}

Profile scan(const QString& path, DatasetFormat format = DatasetFormat::Auto)
{
    OpenedDataset d = openDataset(path, format);
    if (!d.source)
        qFatal("cannot open %s: %s", qPrintable(path), qPrintable(d.error));
    Feedback feedback;
    return scanDataset(*d.source, ProfileSettings{}, ScanOptions{}, feedback);
}

// Entropy of an image with `white` white pixels among n: binary entropy of white/n.
double binaryEntropy(int white, int n)
{
    if (white == 0 || white == n)
        return 0.0;
    const double p = double(white) / n;
    return -(p * std::log2(p) + (1 - p) * std::log2(1 - p));
}

} // namespace

class DatasetSourcesTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void folderLayoutOrderAndClasses()
    {
        QTemporaryDir dir;
        const cv::Mat img = test::gradientImage(8, 8, 3, 5);
        for (const char* rel : {"b_class/z.png", "b_class/nested/deeper/a.PNG", "a_class/x.JPG", "a_class/y.jpeg",
                                "root.bmp", ".hidden/h.png", "a_class/.secret.png"})
            QVERIFY(test::writeImage(dir.filePath(QString::fromLatin1(rel)), img));
        // Not images by name: skipped without a failure.
        for (const char* rel : {"empty_class/readme.txt", "a_class/notes.txt", "a_class/noext"})
            QVERIFY(test::writeFile(dir.filePath(QString::fromLatin1(rel)), "text"));
        OpenedDataset d = openDataset(dir.path());
        QVERIFY(d.source);
        QCOMPARE(d.source->format(), DatasetFormat::Folder);
        QCOMPARE(d.source->classNames(), (QStringList{QStringLiteral("a_class"), QStringLiteral("b_class")}));
        QStringList paths;
        for (std::int64_t i = 0; i < d.source->itemCount(); ++i)
            paths << d.source->itemPath(i).text;
        // Byte-wise name order at every level; hidden entries and non-image extensions skipped.
        QCOMPARE(paths, (QStringList{QStringLiteral("a_class/x.JPG"), QStringLiteral("a_class/y.jpeg"),
                                     QStringLiteral("b_class/nested/deeper/a.PNG"), QStringLiteral("b_class/z.png"),
                                     QStringLiteral("root.bmp")}));
        QCOMPARE(d.source->knownClassOf(0), 0);
        QCOMPARE(d.source->knownClassOf(2), 1);
        QCOMPARE(d.source->knownClassOf(4), -1); // files in the root have no class
        const Profile p = scan(dir.path());
        QCOMPARE(p.images(), 5);
        QCOMPARE(p.unlabelledImages(), 1);
        QCOMPARE(p.classes[0].moments.count(), 2);
        QCOMPARE(p.classes[1].moments.count(), 2);
    }

    void paperDatasetLayouts_data()
    {
        QTest::addColumn<QString>("root");   // where the user points the scan
        QTest::addColumn<QStringList>("files");
        QTest::addColumn<QStringList>("classes");
        QTest::newRow("ImageNet train synsets") << QStringLiteral("ILSVRC/Data/CLS-LOC/train")
            << QStringList{QStringLiteral("n01440764/n01440764_10026.JPEG"), QStringLiteral("n01440764/n01440764_10027.JPEG"),
                           QStringLiteral("n01443537/n01443537_10007.JPEG")}
            << QStringList{QStringLiteral("n01440764"), QStringLiteral("n01443537")};
        QTest::newRow("ImageNet val, flat") << QStringLiteral("ILSVRC/Data/CLS-LOC/val")
            << QStringList{QStringLiteral("ILSVRC2012_val_00000001.JPEG"), QStringLiteral("ILSVRC2012_val_00000002.JPEG")} << QStringList{};
        QTest::newRow("COCO val2017") << QStringLiteral("coco/val2017")
            << QStringList{QStringLiteral("000000000139.jpg"), QStringLiteral("000000000285.jpg")} << QStringList{};
        QTest::newRow("PASCAL VOC JPEGImages") << QStringLiteral("VOCdevkit/VOC2012/JPEGImages")
            << QStringList{QStringLiteral("2007_000027.jpg"), QStringLiteral("2007_000032.jpg")} << QStringList{};
        QTest::newRow("Cityscapes leftImg8bit split") << QStringLiteral("cityscapes/leftImg8bit/val")
            << QStringList{QStringLiteral("frankfurt/frankfurt_000000_000294_leftImg8bit.png"),
                           QStringLiteral("lindau/lindau_000000_000019_leftImg8bit.png")}
            << QStringList{QStringLiteral("frankfurt"), QStringLiteral("lindau")};
    }

    void paperDatasetLayouts()
    {
        QFETCH(QString, root);
        QFETCH(QStringList, files);
        QFETCH(QStringList, classes);
        QTemporaryDir dir;
        const QString base = dir.filePath(root);
        for (int i = 0; i < files.size(); ++i)
            QVERIFY(test::writeImage(base + QLatin1Char('/') + files[i].section(QLatin1Char('.'), 0, -2) + QStringLiteral(".png"),
                                     test::randomImage(9, 7, 3, std::uint32_t(i))));
        // writeImage picks the codec from the extension: rename to the dataset's own names.
        for (const QString& f : files) {
            const QString png = base + QLatin1Char('/') + f.section(QLatin1Char('.'), 0, -2) + QStringLiteral(".png");
            if (png != base + QLatin1Char('/') + f)
                QVERIFY(QFile::rename(png, base + QLatin1Char('/') + f));
        }
        const Profile p = scan(base);
        QCOMPARE(p.images(), qint64(files.size()));
        QStringList names;
        for (const ClassProfile& c : p.classes)
            names << c.name;
        QCOMPARE(names, classes);
    }

    void symbolicLinkLoopsEnd()
    {
        QTemporaryDir dir;
        QVERIFY(test::writeImage(dir.filePath(QStringLiteral("cls/a.png")), test::gradientImage(4, 4, 1, 9)));
        QVERIFY(::symlink("..", QFile::encodeName(dir.filePath(QStringLiteral("cls/loop"))).constData()) == 0);
        QVERIFY(::symlink(QFile::encodeName(dir.filePath(QStringLiteral("cls"))).constData(),
                          QFile::encodeName(dir.filePath(QStringLiteral("linked"))).constData()) == 0);
        OpenedDataset d = openDataset(dir.path());
        QVERIFY(d.source);
        QCOMPARE(d.source->itemCount(), 1); // each folder once, however many links lead to it
        QVERIFY(!d.warnings.isEmpty());
    }

    void nonUtf8NamesAreKeptAndEscaped()
    {
        QTemporaryDir dir;
        const QByteArray root = QFile::encodeName(dir.path());
        const QByteArray bad = root + "/caf\xE9-latin1.png"; // 0xE9 alone is not UTF-8
        const std::vector<std::uint8_t> png = [] {
            std::vector<std::uint8_t> b;
            cv::imencode(".png", test::gradientImage(6, 6, 1, 3), b);
            return b;
        }();
        FILE* f = std::fopen(bad.constData(), "wb");
        QVERIFY(f);
        std::fwrite(png.data(), 1, png.size(), f);
        std::fclose(f);
        QVERIFY(test::writeImage(dir.filePath(QStringLiteral("日本語 with space.png")), test::gradientImage(6, 6, 1, 3)));
        const Profile p = scan(dir.path());
        QCOMPARE(p.images(), 2);
        QCOMPARE(p.failedItems(), 0);
        QCOMPARE(p.perImage[0].path, QStringLiteral("caf\\xE9-latin1.png"));
        QVERIFY(p.perImage[0].pathEscaped);
        QCOMPARE(p.perImage[1].path, QStringLiteral("日本語 with space.png"));
        QVERIFY(!p.perImage[1].pathEscaped);
        ::unlink(bad.constData()); // QTemporaryDir cannot name it to remove it
    }

    void pathTextEscapesOnlyInvalidBytes()
    {
        QCOMPARE(pathTextFromBytes("plain/ascii.png").text, QStringLiteral("plain/ascii.png"));
        QCOMPARE(pathTextFromBytes("\xC3\xA9t\xC3\xA9").text, QStringLiteral("été"));
        const PathText overlong = pathTextFromBytes("\xC0\xAF"); // overlong '/', invalid
        QCOMPARE(overlong.text, QStringLiteral("\\xC0\\xAF"));
        QVERIFY(overlong.escaped);
    }

    void idxRawAndGzipWithLabels_data()
    {
        QTest::addColumn<bool>("gz");
        QTest::newRow("raw") << false;
        QTest::newRow("gzip") << true;
    }

    void idxRawAndGzipWithLabels()
    {
        QFETCH(bool, gz);
        QTemporaryDir dir;
        writeIdx(dir.path(), QStringLiteral("train"), 6, 2, 4, gz, {0, 1, 2, 0, 1, 2});
        writeIdx(dir.path(), QStringLiteral("t10k"), 2, 2, 4, gz, {2, 0});
        QCOMPARE(detectDatasetFormat(dir.path()), DatasetFormat::Idx);
        const Profile p = scan(dir.path());
        QCOMPARE(p.source.format, DatasetFormat::Idx);
        QCOMPARE(p.images(), 8);
        QCOMPARE(p.classes.size(), std::size_t(3));
        QCOMPARE(p.classes[0].name, QStringLiteral("0"));
        // Files in name order: t10k (items 0-1) then train (items 2-7).
        QCOMPARE(p.perImage[0].path, QStringLiteral("t10k-images-idx3-ubyte") + (gz ? QStringLiteral(".gz") : QString()) + QStringLiteral("#0"));
        QCOMPARE(p.perImage[0].classIndex, 2);
        QCOMPARE(p.perImage[3].classIndex, 1); // train record 1
        for (const ImageEntropy& e : p.perImage) {
            const int record = e.path.section(QLatin1Char('#'), -1).toInt();
            QVERIFY(std::abs(e.entropy - binaryEntropy(record + 1, 8)) < 1e-12);
        }
        // Pointing at the image file itself finds its labels too.
        const Profile single = scan(dir.filePath(QStringLiteral("train-images-idx3-ubyte") + (gz ? QStringLiteral(".gz") : QString())));
        QCOMPARE(single.images(), 6);
        QCOMPARE(single.classes.size(), std::size_t(3));
    }

    void idxTruncatedFileReportsTheMissingRecords()
    {
        QTemporaryDir dir;
        writeIdx(dir.path(), QStringLiteral("train"), 10, 2, 2, false, {0, 1, 0, 1, 0, 1, 0, 1, 0, 1});
        QFile f(dir.filePath(QStringLiteral("train-images-idx3-ubyte")));
        QVERIFY(f.resize(16 + 4 * 7 + 2)); // 7 whole records and half of the 8th
        const Profile p = scan(dir.path());
        QCOMPARE(p.images(), 7);
        QCOMPARE(p.failedItems(), 3);
        QCOMPARE(p.failed.size(), std::size_t(1));
        QVERIFY(p.failed[0].path.endsWith(QLatin1String("#7-9")));
        QVERIFY(p.failed[0].reason.contains(QLatin1String("7 of 10")));
    }

    void idxWithoutLabelsHasNoClasses()
    {
        QTemporaryDir dir;
        writeIdx(dir.path(), QStringLiteral("train"), 3, 2, 2, false, {0, 1, 2});
        QVERIFY(QFile::remove(dir.filePath(QStringLiteral("train-labels-idx1-ubyte"))));
        OpenedDataset d = openDataset(dir.path());
        QVERIFY(d.source);
        QVERIFY(d.source->classNames().isEmpty());
        QVERIFY(d.warnings.join(QLatin1Char(' ')).contains(QLatin1String("no matching labels")));
    }

    void idxBadMagicIsAClearError()
    {
        QTemporaryDir dir;
        QVERIFY(test::writeFile(dir.filePath(QStringLiteral("train-images-idx3-ubyte")), QByteArray(64, 'x')));
        OpenedDataset d = openDataset(dir.path());
        QVERIFY(!d.source);
        QVERIFY(d.error.contains(QLatin1String("train-images-idx3-ubyte")));
        QVERIFY(d.error.contains(QLatin1String("magic")));
    }

    void cifar10And100Batches()
    {
        for (bool hundred : {false, true}) {
            QTemporaryDir dir;
            const int labelBytes = hundred ? 2 : 1;
            QByteArray batch;
            for (int r = 0; r < 4; ++r) {
                if (hundred)
                    batch.append(char(r % 2)); // coarse label, ignored
                batch.append(char(hundred ? 50 + r : r));
                // Red plane all 255 for the first r*256 pixels, green and blue planes zero.
                QByteArray red(1024, 0);
                for (int i = 0; i < r * 256; ++i)
                    red[i] = char(255);
                batch += red + QByteArray(2048, 0);
            }
            const QString name = hundred ? QStringLiteral("train.bin") : QStringLiteral("data_batch_1.bin");
            QVERIFY(test::writeFile(dir.filePath(name), batch));
            QVERIFY(test::writeFile(dir.filePath(hundred ? QStringLiteral("fine_label_names.txt") : QStringLiteral("batches.meta.txt")),
                                    [&] {
                                        QByteArray names;
                                        for (int i = 0; i < (hundred ? 100 : 10); ++i)
                                            names += "class" + QByteArray::number(i) + "\n";
                                        names += "\n"; // returning names + "\n" would dangle (QStringBuilder)
                                        return names;
                                    }()));
            QCOMPARE(detectDatasetFormat(dir.path()), DatasetFormat::Cifar);
            const Profile p = scan(dir.path());
            QCOMPARE(p.images(), 4);
            QCOMPARE(p.classes.size(), std::size_t(hundred ? 100 : 10));
            QCOMPARE(p.classes[std::size_t(hundred ? 51 : 1)].name, QStringLiteral("class%1").arg(hundred ? 51 : 1));
            for (int r = 0; r < 4; ++r) {
                QCOMPARE(p.perImage[std::size_t(r)].classIndex, hundred ? 50 + r : r);
                // r*256 of 1024 pixels are pure red (luma 76), the rest black.
                QVERIFY(std::abs(p.perImage[std::size_t(r)].entropy - binaryEntropy(r * 256, 1024)) < 1e-12);
            }
            QCOMPARE(labelBytes, hundred ? 2 : 1);
        }
    }

    void cifarPartialRecordIsReported()
    {
        QTemporaryDir dir;
        QVERIFY(test::writeFile(dir.filePath(QStringLiteral("test_batch.bin")), QByteArray(3073 * 2 + 100, 1)));
        const Profile p = scan(dir.path());
        QCOMPARE(p.images(), 2);
        QCOMPARE(p.failedItems(), 1);
        QVERIFY(p.failed[0].path.startsWith(QLatin1String("test_batch.bin#2")));
    }

    void missingPathIsAClearError()
    {
        OpenedDataset d = openDataset(QStringLiteral("/no/such/dataset"));
        QVERIFY(!d.source);
        QCOMPARE(d.error, QStringLiteral("/no/such/dataset: no such file or folder"));
    }

    void formatCanBeForced()
    {
        QTemporaryDir dir;
        writeIdx(dir.path(), QStringLiteral("train"), 2, 2, 2, false, {0, 1});
        OpenedDataset asFolder = openDataset(dir.path(), DatasetFormat::Folder);
        QVERIFY(asFolder.source);
        QCOMPARE(asFolder.source->format(), DatasetFormat::Folder);
        QCOMPARE(asFolder.source->itemCount(), 0); // no image files in it
    }
};

QTEST_GUILESS_MAIN(DatasetSourcesTest)
#include "test_dataset_sources.moc"

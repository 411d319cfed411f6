#include "datasets/cifar_source.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include "imaging/gray_histogram.h"

namespace nofade {

namespace {

// Batch file order: CIFAR-10's training batches in number order, then its test batch; CIFAR-100's
// train then test.
int batchRank(const QString& name)
{
    static const QRegularExpression dataBatch(QStringLiteral("^data_batch_(\\d+)\\.bin$"));
    const auto m = dataBatch.match(name);
    if (m.hasMatch())
        return m.captured(1).toInt();
    if (name == QLatin1String("test_batch.bin"))
        return 1000;
    if (name == QLatin1String("train.bin"))
        return 2000;
    if (name == QLatin1String("test.bin"))
        return 3000;
    return -1;
}

QStringList readNameFile(const QString& path)
{
    QFile f(path);
    QStringList names;
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return names;
    for (const QByteArray& line : f.readAll().split('\n')) {
        const QString name = QString::fromUtf8(line).trimmed();
        if (!name.isEmpty())
            names << name;
    }
    return names;
}

} // namespace

bool CifarSource::isCifarBatchFileName(const QString& fileName)
{
    return batchRank(fileName) >= 0;
}

std::unique_ptr<CifarSource> CifarSource::open(const QString& path, QString* error)
{
    std::unique_ptr<CifarSource> source(new CifarSource);
    source->rootPath_ = path;
    const QFileInfo info(path);
    QStringList batchFiles;
    QString folder;
    if (info.isDir()) {
        folder = path;
        QStringList names = QDir(path).entryList(QDir::Files);
        names.erase(std::remove_if(names.begin(), names.end(),
                                   [](const QString& n) { return batchRank(n) < 0; }),
                    names.end());
        std::sort(names.begin(), names.end(),
                  [](const QString& a, const QString& b) { return batchRank(a) < batchRank(b); });
        for (const QString& n : names)
            batchFiles << QDir(path).filePath(n);
        if (batchFiles.isEmpty()) {
            *error = QStringLiteral("no CIFAR batch files (data_batch_N.bin, test_batch.bin, train.bin, "
                                    "test.bin) in this folder");
            return nullptr;
        }
    } else {
        folder = info.absolutePath();
        batchFiles << path;
    }
    // CIFAR-100 names its files train.bin/test.bin and ships fine_label_names.txt.
    const QString firstName = QFileInfo(batchFiles.first()).fileName();
    const bool cifar100 = firstName == QLatin1String("train.bin") || firstName == QLatin1String("test.bin")
                          || QFileInfo::exists(QDir(folder).filePath(QStringLiteral("fine_label_names.txt")));
    source->labelBytes_ = cifar100 ? 2 : 1;
    const std::int64_t recordSize = std::int64_t(source->recordBytes());
    for (const QString& file : batchFiles) {
        const QFileInfo fi(file);
        if (!fi.isReadable()) {
            *error = QStringLiteral("%1: cannot open").arg(fi.fileName());
            return nullptr;
        }
        const std::int64_t size = fi.size();
        if (size < recordSize) {
            *error = QStringLiteral("%1: %2 bytes is less than one %3 record (%4 bytes)")
                         .arg(fi.fileName()).arg(size).arg(cifar100 ? "CIFAR-100" : "CIFAR-10").arg(recordSize);
            return nullptr;
        }
        // A partial last record is counted, so the scan reports it as a truncated item.
        const std::int64_t records = (size + recordSize - 1) / recordSize;
        if (size % recordSize != 0)
            source->warnings_ << QStringLiteral("%1: size %2 is not a multiple of the %3-byte record")
                                     .arg(fi.fileName()).arg(size).arg(recordSize);
        source->addFile({nativePath(file), fi.fileName(), 0, 0, records});
    }
    source->loadClassNames(folder);
    return source;
}

void CifarSource::loadClassNames(const QString& folder)
{
    const int classes = isCifar100() ? 100 : 10;
    QStringList names = readNameFile(QDir(folder).filePath(
        isCifar100() ? QStringLiteral("fine_label_names.txt") : QStringLiteral("batches.meta.txt")));
    if (names.size() != classes) {
        if (!names.isEmpty())
            warnings_ << QStringLiteral("class name file lists %1 names, expected %2; using numbers")
                             .arg(names.size()).arg(classes);
        names.clear();
        for (int i = 0; i < classes; ++i)
            names << QString::number(i);
    }
    classNames_ = names;
}

int CifarSource::classOfRecord(const RecordFile&, std::int64_t, const std::uint8_t* data, QString* error) const
{
    const int label = data[labelBytes_ - 1]; // CIFAR-100: the fine label, after the coarse one
    if (label >= classNames_.size()) {
        *error = QStringLiteral("label %1 out of range (%2 classes)").arg(label).arg(classNames_.size());
        return -1;
    }
    return label;
}

void CifarSource::histogramOfRecord(const std::uint8_t* data, IntensityHistogram& hist) const
{
    accumulatePlanarRgbHistogram(data + labelBytes_, kSide * kSide, hist);
}

cv::Mat CifarSource::recordToBgr(const std::uint8_t* data) const
{
    cv::Mat bgr(static_cast<int>(kSide), static_cast<int>(kSide), CV_8UC3);
    const std::uint8_t* planes = data + labelBytes_;
    const std::size_t n = kSide * kSide;
    for (std::size_t i = 0; i < n; ++i) {
        std::uint8_t* px = bgr.data + 3 * i;
        px[0] = planes[2 * n + i];
        px[1] = planes[n + i];
        px[2] = planes[i];
    }
    return bgr;
}

} // namespace nofade

#include "datasets/idx_source.h"

#include <opencv2/core.hpp>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

#include "datasets/gz_reader.h"
#include "imaging/gray_histogram.h"

namespace nofade {

namespace {

constexpr std::uint32_t kImagesMagic = 0x00000803; // unsigned bytes, 3 dimensions
constexpr std::uint32_t kLabelsMagic = 0x00000801; // unsigned bytes, 1 dimension

std::uint32_t bigEndian32(const std::uint8_t* p)
{
    return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) | p[3];
}

const QRegularExpression& imageFilePattern()
{
    static const QRegularExpression re(QStringLiteral("^(.*)-images[.-]idx3-ubyte(\\.gz)?$"));
    return re;
}

// "train-images-idx3-ubyte.gz" -> "train-labels-idx1-ubyte.gz" (with or without .gz).
QString findLabelsFile(const QFileInfo& images)
{
    QString name = images.fileName();
    name.replace(QStringLiteral("-images"), QStringLiteral("-labels"));
    name.replace(QStringLiteral("idx3"), QStringLiteral("idx1"));
    const QDir dir = images.dir();
    QString bare = name;
    if (bare.endsWith(QLatin1String(".gz")))
        bare.chop(3);
    for (const QString& candidate : QStringList{name, bare, bare + QStringLiteral(".gz")})
        if (QFileInfo::exists(dir.filePath(candidate)))
            return dir.filePath(candidate);
    return {};
}

const QStringList& fashionMnistClassNames()
{
    static const QStringList names = {
        QStringLiteral("T-shirt/top"), QStringLiteral("Trouser"), QStringLiteral("Pullover"),
        QStringLiteral("Dress"), QStringLiteral("Coat"), QStringLiteral("Sandal"),
        QStringLiteral("Shirt"), QStringLiteral("Sneaker"), QStringLiteral("Bag"),
        QStringLiteral("Ankle boot")};
    return names;
}

} // namespace

bool IdxSource::isIdxImageFileName(const QString& fileName)
{
    return imageFilePattern().match(fileName).hasMatch();
}

std::unique_ptr<IdxSource> IdxSource::open(const QString& path, QString* error)
{
    std::unique_ptr<IdxSource> source(new IdxSource);
    source->rootPath_ = path;
    const QFileInfo info(path);
    QStringList imageFiles;
    if (info.isDir()) {
        const QDir dir(path);
        for (const QString& name : dir.entryList(QDir::Files, QDir::Name))
            if (isIdxImageFileName(name))
                imageFiles << dir.filePath(name);
        if (imageFiles.isEmpty()) {
            *error = QStringLiteral("no IDX image files (*-images-idx3-ubyte[.gz]) in this folder");
            return nullptr;
        }
    } else {
        imageFiles << path;
    }
    for (const QString& file : imageFiles)
        if (!source->addImageFile(nativePath(file), error)) {
            *error = QStringLiteral("%1: %2").arg(QFileInfo(file).fileName(), *error);
            return nullptr;
        }
    source->assignClasses(path.contains(QLatin1String("fashion"), Qt::CaseInsensitive));
    return source;
}

bool IdxSource::addImageFile(const std::filesystem::path& imageFile, QString* error)
{
    GzReader images(imageFile);
    std::uint8_t header[16];
    if (!images.isOpen() || !images.readExactly(header, sizeof header)) {
        *error = images.error();
        return false;
    }
    if (bigEndian32(header) != kImagesMagic) {
        *error = QStringLiteral("not an IDX image file of unsigned bytes (magic 0x%1, expected 0x00000803)")
                     .arg(bigEndian32(header), 8, 16, QLatin1Char('0'));
        return false;
    }
    const std::uint32_t count = bigEndian32(header + 4);
    const std::uint32_t rows = bigEndian32(header + 8);
    const std::uint32_t cols = bigEndian32(header + 12);
    if (rows == 0 || cols == 0 || rows > 65535 || cols > 65535) {
        *error = QStringLiteral("unusable image size %1x%2 in the IDX header").arg(cols).arg(rows);
        return false;
    }
    if (rows_ != 0 && (int(rows) != rows_ || int(cols) != cols_)) {
        *error = QStringLiteral("image size %1x%2 differs from the other IDX files (%3x%4)")
                     .arg(cols).arg(rows).arg(cols_).arg(rows_);
        return false;
    }
    // The header is only a claim: one asking for more data than the file could hold even at
    // deflate's largest ratio (about 1032:1) is refused, instead of laying out billions of items
    // (and gigabytes of per-item state) for a file of a few bytes. Truncated files stay readable.
    constexpr double kMaxDeflateRatio = 1032.0;
    std::error_code sizeError;
    const auto fileBytes = std::filesystem::file_size(imageFile, sizeError);
    const double claimedBytes = double(count) * double(rows) * double(cols);
    if (!sizeError && claimedBytes > (double(fileBytes) + 1.0) * kMaxDeflateRatio) {
        *error = QStringLiteral("the IDX header claims %1 images of %2x%3 pixels, more than a file of %4 bytes can hold")
                     .arg(count).arg(cols).arg(rows).arg(qulonglong(fileBytes));
        return false;
    }
    rows_ = int(rows);
    cols_ = int(cols);

    const QFileInfo imageInfo(QString::fromLocal8Bit(imageFile.c_str()));
    const QString labelsPath = findLabelsFile(imageInfo);
    std::vector<std::uint8_t> labels;
    if (labelsPath.isEmpty()) {
        warnings_ << QStringLiteral("%1: no matching labels file; its images have no class").arg(imageInfo.fileName());
    } else {
        GzReader labelReader(nativePath(labelsPath));
        std::uint8_t labelHeader[8];
        if (!labelReader.isOpen() || !labelReader.readExactly(labelHeader, sizeof labelHeader)
            || bigEndian32(labelHeader) != kLabelsMagic) {
            *error = QStringLiteral("%1: not an IDX labels file").arg(QFileInfo(labelsPath).fileName());
            return false;
        }
        if (bigEndian32(labelHeader + 4) != count) {
            *error = QStringLiteral("%1 holds %2 labels but the images file holds %3 images")
                         .arg(QFileInfo(labelsPath).fileName()).arg(bigEndian32(labelHeader + 4)).arg(count);
            return false;
        }
        labels.resize(count);
        if (!labelReader.readExactly(labels.data(), labels.size())) {
            *error = QStringLiteral("%1: %2").arg(QFileInfo(labelsPath).fileName(), labelReader.error());
            return false;
        }
    }
    // Labels for all files or for none: images of a file without labels get -1 ("no class").
    if (!labels.empty() && !hasLabels_) {
        labels_.assign(std::size_t(itemCount()), -1);
        hasLabels_ = true;
    }
    if (hasLabels_) {
        if (labels.empty())
            labels_.insert(labels_.end(), count, -1);
        else
            labels_.insert(labels_.end(), labels.begin(), labels.end());
    }
    addFile({imageFile, imageInfo.fileName(), 16, 0, count});
    return true;
}

void IdxSource::assignClasses(bool fashion)
{
    classOfLabel_.fill(-1);
    std::array<bool, 256> seen{};
    for (std::int16_t l : labels_)
        if (l >= 0)
            seen[std::size_t(l)] = true;
    for (int l = 0; l < 256; ++l) {
        if (!seen[l])
            continue;
        classOfLabel_[l] = int(classNames_.size());
        classNames_ << (fashion && l < 10 ? fashionMnistClassNames()[l] : QString::number(l));
    }
}

int IdxSource::knownClassOf(std::int64_t item) const
{
    if (!hasLabels_)
        return -1;
    const std::int16_t label = labels_[std::size_t(item)];
    return label < 0 ? -1 : classOfLabel_[std::size_t(label)];
}

int IdxSource::classOfRecord(const RecordFile& file, std::int64_t record, const std::uint8_t*, QString*) const
{
    return knownClassOf(file.firstItem + record);
}

void IdxSource::histogramOfRecord(const std::uint8_t* data, IntensityHistogram& hist) const
{
    const std::size_t n = recordBytes();
    for (std::size_t i = 0; i < n; ++i)
        ++hist[data[i]];
}

cv::Mat IdxSource::recordToBgr(const std::uint8_t* data) const
{
    const cv::Mat grey(rows_, cols_, CV_8UC1, const_cast<std::uint8_t*>(data));
    cv::Mat bgr;
    cv::Mat channels[] = {grey, grey, grey};
    cv::merge(channels, 3, bgr);
    return bgr;
}

} // namespace nofade

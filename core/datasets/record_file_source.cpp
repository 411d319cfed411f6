#include "datasets/record_file_source.h"

#include <algorithm>

#include "datasets/gz_reader.h"
#include "imaging/gray_histogram.h"

namespace nofade {

std::int64_t RecordFileSource::itemCount() const
{
    return files_.empty() ? 0 : files_.back().firstItem + files_.back().records;
}

void RecordFileSource::addFile(RecordFile file)
{
    file.firstItem = itemCount();
    files_.push_back(std::move(file));
}

int RecordFileSource::fileOfItem(std::int64_t item) const
{
    const auto it = std::upper_bound(files_.begin(), files_.end(), item,
                                     [](std::int64_t i, const RecordFile& f) { return i < f.firstItem; });
    return static_cast<int>(it - files_.begin()) - 1;
}

PathText RecordFileSource::itemPath(std::int64_t item) const
{
    const RecordFile& f = files_[std::size_t(fileOfItem(item))];
    return {f.name + QLatin1Char('#') + QString::number(item - f.firstItem), false};
}

std::filesystem::path RecordFileSource::itemFile(std::int64_t item) const
{
    const int file = fileOfItem(item);
    return file >= 0 ? files_[std::size_t(file)].path : std::filesystem::path();
}

std::pair<std::int64_t, std::int64_t> RecordFileSource::unitItems(int unit) const
{
    const RecordFile& f = files_[std::size_t(unit)];
    return {f.firstItem, f.firstItem + f.records};
}

void RecordFileSource::scanUnit(int unit, const UnitContext& ctx, ItemSink& sink) const
{
    const RecordFile& f = files_[std::size_t(unit)];
    GzReader reader(f.path);
    const std::int64_t last = f.firstItem + f.records - 1;
    if (!reader.isOpen() || !reader.skip(f.headerBytes)) {
        sink.rangeFailed(f.firstItem, last, reader.error());
        return;
    }
    std::vector<std::uint8_t> record(recordBytes());
    for (std::int64_t r = 0; r < f.records; ++r) {
        if (ctx.cancelled())
            return;
        const std::int64_t item = f.firstItem + r;
        if (!reader.readExactly(record.data(), record.size())) {
            sink.rangeFailed(item, last, QStringLiteral("%1 after %2 of %3 records")
                                             .arg(reader.error()).arg(r).arg(f.records));
            return;
        }
        if (ctx.wanted && !ctx.wanted(item))
            continue;
        QString error;
        const int classIndex = classOfRecord(f, r, record.data(), &error);
        if (!error.isEmpty()) {
            sink.imageFailed(item, error);
            continue;
        }
        IntensityHistogram hist{};
        histogramOfRecord(record.data(), hist);
        if (ctx.grayHook)
            ctx.grayHook->grayImage(item, toGray8(recordToBgr(record.data())));
        sink.imageDone(item, classIndex, shannonEntropyBits(hist), reader.stamp());
    }
}

DecodedImage RecordFileSource::loadForDisplay(std::int64_t item, const DecodeLimits&) const
{
    DecodedImage out;
    const int fileIndex = fileOfItem(item);
    if (fileIndex < 0) {
        out.error = QStringLiteral("no such item");
        return out;
    }
    const RecordFile& f = files_[std::size_t(fileIndex)];
    GzReader reader(f.path);
    std::vector<std::uint8_t> record(recordBytes());
    const std::int64_t offset = f.headerBytes + (item - f.firstItem) * std::int64_t(record.size());
    if (!reader.isOpen() || !reader.skip(offset) || !reader.readExactly(record.data(), record.size())) {
        out.error = reader.error();
        return out;
    }
    out.image = recordToBgr(record.data());
    return out;
}

} // namespace nofade

#include "datasets/folder_source.h"

#include <vector>

#include "datasets/file_bytes.h"
#include "imaging/gray_histogram.h"

namespace nofade {

namespace {
// A compressed file larger than this is not a dataset image; refuse it before reading it whole.
constexpr std::int64_t kMaxImageFileBytes = std::int64_t(1) << 30;
} // namespace

std::unique_ptr<FolderSource> FolderSource::open(const QString& root, QString* error)
{
    std::unique_ptr<FolderSource> source(new FolderSource);
    source->rootPath_ = root;
    source->root_ = nativePath(root);
    if (!listImageFolder(source->root_, source->listing_, error))
        return nullptr;
    source->classNames_ = source->listing_.classNames;
    source->layoutNotice_ = source->listing_.notice;
    return source;
}

PathText FolderSource::itemPath(std::int64_t item) const
{
    return pathTextFromBytes(listing_.files.at(std::size_t(item)));
}

std::filesystem::path FolderSource::absolutePath(std::int64_t item) const
{
    return root_ / std::string(listing_.files.at(std::size_t(item)));
}

void FolderSource::scanUnit(int unit, const UnitContext& ctx, ItemSink& sink) const
{
    const std::int64_t item = unit;
    if ((ctx.wanted && !ctx.wanted(item)) || ctx.cancelled())
        return;
    // One buffer per worker thread, reused across files: memory stays threads x one image.
    thread_local std::vector<std::uint8_t> bytes;
    QString error;
    FileStamp stamp;
    if (!readFileBytes(absolutePath(item), bytes, kMaxImageFileBytes, &error, &stamp)) {
        sink.imageFailed(item, error);
        return;
    }
    DecodedImage decoded = decodeImage(bytes, ctx.gray, ctx.limits);
    if (bytes.capacity() > (std::size_t(64) << 20))
        std::vector<std::uint8_t>().swap(bytes); // do not keep one huge file's buffer alive
    if (!decoded.ok()) {
        sink.imageFailed(item, decoded.error);
        return;
    }
    IntensityHistogram hist{};
    if (!accumulateGrayHistogram(decoded.image, hist, &error)) {
        sink.imageFailed(item, error);
        return;
    }
    const double h = shannonEntropyBits(hist);
    if (h < 0.0) {
        sink.imageFailed(item, QStringLiteral("image has zero pixels"));
        return;
    }
    if (ctx.grayHook)
        ctx.grayHook->grayImage(item, toGray8(decoded.image));
    sink.imageDone(item, knownClassOf(item), h, stamp);
}

DecodedImage FolderSource::loadForDisplay(std::int64_t item, const DecodeLimits& limits) const
{
    std::vector<std::uint8_t> bytes;
    DecodedImage out;
    if (!readFileBytes(absolutePath(item), bytes, kMaxImageFileBytes, &out.error))
        return out;
    return decodeImageForDisplay(bytes, limits);
}

} // namespace nofade

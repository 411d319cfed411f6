#pragma once
// A dataset as the scan engine sees it: a fixed, deterministic list of items (images), each with
// an optional class, grouped into units of work that can run in parallel. A folder has one unit
// per file; an IDX or CIFAR file is one unit read sequentially (gzip cannot seek cheaply).
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <QString>
#include <QStringList>

#include "datasets/dataset_format.h"
#include "datasets/file_stamp.h"
#include "datasets/path_text.h"
#include "imaging/gray_mode.h"
#include "imaging/image_decoder.h"

namespace nofade {

// Receives the outcome of each item of a unit. Called from worker threads, one unit per thread
// at a time; implementations must be safe for concurrent calls about different items.
class ItemSink {
public:
    virtual ~ItemSink() = default;
    // `stamp`: the item's file (itemFile()) as it was opened for this result; unknown when none.
    virtual void imageDone(std::int64_t item, int classIndex, double entropyBits, const FileStamp& stamp) = 0;
    virtual void imageFailed(std::int64_t item, const QString& reason) = 0;
    // Items first..last (inclusive) could not be read at all (e.g. a truncated IDX file):
    // reported once, as one entry, instead of thousands.
    virtual void rangeFailed(std::int64_t first, std::int64_t last, const QString& reason) = 0;
};

// Optional extra work on each analysed image's 8-bit grey raster (the complexity measures),
// called by the worker that decoded it, just before ItemSink::imageDone. Safe for concurrent
// calls about different items.
class GrayImageHook {
public:
    virtual ~GrayImageHook() = default;
    virtual void grayImage(std::int64_t item, const cv::Mat& gray) = 0;
};

struct UnitContext {
    GrayMode gray = GrayMode::Exact;
    DecodeLimits limits;
    std::function<bool(std::int64_t item)> wanted; // the shard filter
    const std::atomic<bool>* cancel = nullptr;
    GrayImageHook* grayHook = nullptr; // null: entropy only
    bool cancelled() const { return cancel && cancel->load(std::memory_order_relaxed); }
};

class DatasetSource {
public:
    virtual ~DatasetSource() = default;

    virtual DatasetFormat format() const = 0;
    QString rootPath() const { return rootPath_; }

    virtual std::int64_t itemCount() const = 0;
    QStringList classNames() const { return classNames_; }
    // A dataset without classes (a flat folder, splits without class folders, IDX without labels)
    // has no class complexity: C_JS does not apply to it.
    bool isLabelled() const { return !classNames_.isEmpty(); }
    // How the layout was read when that is not the obvious (e.g. split folders), for the user.
    QString layoutNotice() const { return layoutNotice_; }
    // The item's class as known before scanning (-1 when unknown or unlabelled); IDX and CIFAR
    // report classes while scanning.
    virtual int knownClassOf(std::int64_t item) const = 0;
    // The item's path relative to the dataset root ("file#record" inside container files).
    virtual PathText itemPath(std::int64_t item) const = 0;
    // The file on disk that holds the item (its container for IDX and CIFAR records), so that a
    // scan cache can tell whether it changed; empty when there is none.
    virtual std::filesystem::path itemFile(std::int64_t) const { return {}; }

    virtual int unitCount() const = 0;
    // Processes the wanted items of a unit. Must stop promptly once ctx.cancelled().
    virtual void scanUnit(int unit, const UnitContext& ctx, ItemSink& sink) const = 0;
    // The items a unit covers, [first, last) in item order, to count the work before it starts.
    virtual std::pair<std::int64_t, std::int64_t> unitItems(int unit) const = 0;

    // One item decoded in colour (BGR), for display.
    virtual DecodedImage loadForDisplay(std::int64_t item, const DecodeLimits& limits) const = 0;

protected:
    QString rootPath_;
    QStringList classNames_;
    QString layoutNotice_;
};

} // namespace nofade

#pragma once
// Datasets stored as fixed-size records inside a few files (IDX, CIFAR). Each file is one unit
// of work, read sequentially through a small buffer: memory stays one record per thread.
#include <filesystem>
#include <vector>
#include <opencv2/core/mat.hpp>

#include "datasets/dataset_source.h"
#include "maths/entropy.h"

namespace nofade {

struct RecordFile {
    std::filesystem::path path;
    QString name;                 // file name, used in item paths ("name#record")
    std::int64_t headerBytes = 0; // bytes before the first record
    std::int64_t firstItem = 0;   // global index of its first record
    std::int64_t records = 0;     // records the file should hold
};

class RecordFileSource : public DatasetSource {
public:
    std::int64_t itemCount() const override;
    PathText itemPath(std::int64_t item) const override;
    std::filesystem::path itemFile(std::int64_t item) const override;
    int unitCount() const override { return static_cast<int>(files_.size()); }
    std::pair<std::int64_t, std::int64_t> unitItems(int unit) const override;
    void scanUnit(int unit, const UnitContext& ctx, ItemSink& sink) const override;
    DecodedImage loadForDisplay(std::int64_t item, const DecodeLimits& limits) const override;

protected:
    virtual std::size_t recordBytes() const = 0;
    // The class index of a record (-1 unlabelled), or a reason it is unusable in `error`.
    virtual int classOfRecord(const RecordFile& file, std::int64_t record, const std::uint8_t* data,
                              QString* error) const = 0;
    virtual void histogramOfRecord(const std::uint8_t* data, IntensityHistogram& hist) const = 0;
    virtual cv::Mat recordToBgr(const std::uint8_t* data) const = 0;

    void addFile(RecordFile file);
    const std::vector<RecordFile>& files() const { return files_; }
    int fileOfItem(std::int64_t item) const;

private:
    std::vector<RecordFile> files_;
};

} // namespace nofade

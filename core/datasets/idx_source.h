#pragma once
// MNIST-style IDX datasets: "<split>-images-idx3-ubyte[.gz]" with "<split>-labels-idx1-ubyte[.gz]",
// read in place (gzip included). Point at the folder (every image file in it) or at one file.
#include <array>
#include <memory>

#include "datasets/record_file_source.h"

namespace nofade {

class IdxSource final : public RecordFileSource {
public:
    static std::unique_ptr<IdxSource> open(const QString& path, QString* error);
    // True when the file name looks like an IDX image file.
    static bool isIdxImageFileName(const QString& fileName);

    DatasetFormat format() const override { return DatasetFormat::Idx; }
    int knownClassOf(std::int64_t item) const override;
    const QStringList& warnings() const { return warnings_; }

protected:
    std::size_t recordBytes() const override { return std::size_t(rows_) * std::size_t(cols_); }
    int classOfRecord(const RecordFile& file, std::int64_t record, const std::uint8_t* data,
                      QString* error) const override;
    void histogramOfRecord(const std::uint8_t* data, IntensityHistogram& hist) const override;
    cv::Mat recordToBgr(const std::uint8_t* data) const override;

private:
    IdxSource() = default;
    bool addImageFile(const std::filesystem::path& imageFile, QString* error);
    void assignClasses(bool fashion);

    int rows_ = 0;
    int cols_ = 0;
    std::vector<std::int16_t> labels_;       // one per item, -1 when its file has no labels; empty when none has
    bool hasLabels_ = false;
    std::array<int, 256> classOfLabel_{};    // label value -> class index (-1: unused)
    QStringList warnings_;
};

} // namespace nofade

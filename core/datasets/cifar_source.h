#pragma once
// CIFAR-10 / CIFAR-100 binary batches. CIFAR-10 records: 1 label byte + 3072 bytes (32x32 red,
// green, blue planes); CIFAR-100 records: coarse + fine label bytes + 3072 (fine labels are used).
#include <memory>

#include "datasets/record_file_source.h"

namespace nofade {

class CifarSource final : public RecordFileSource {
public:
    static std::unique_ptr<CifarSource> open(const QString& path, QString* error);
    // True for the standard batch file names of either variant.
    static bool isCifarBatchFileName(const QString& fileName);

    DatasetFormat format() const override { return DatasetFormat::Cifar; }
    int knownClassOf(std::int64_t) const override { return -1; } // read while scanning
    bool isCifar100() const { return labelBytes_ == 2; }
    const QStringList& warnings() const { return warnings_; }

protected:
    std::size_t recordBytes() const override { return std::size_t(labelBytes_) + kPixelBytes; }
    int classOfRecord(const RecordFile& file, std::int64_t record, const std::uint8_t* data,
                      QString* error) const override;
    void histogramOfRecord(const std::uint8_t* data, IntensityHistogram& hist) const override;
    cv::Mat recordToBgr(const std::uint8_t* data) const override;

private:
    static constexpr std::size_t kSide = 32;
    static constexpr std::size_t kPixelBytes = 3 * kSide * kSide;

    CifarSource() = default;
    void loadClassNames(const QString& folder);

    int labelBytes_ = 1;
    QStringList warnings_;
};

} // namespace nofade

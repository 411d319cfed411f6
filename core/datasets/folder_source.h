#pragma once
// A folder of image files; first-level sub-folders are classes (ImageFolder layout).
#include <memory>

#include "datasets/dataset_source.h"
#include "datasets/folder_walker.h"

namespace nofade {

class FolderSource final : public DatasetSource {
public:
    static std::unique_ptr<FolderSource> open(const QString& root, QString* error);

    DatasetFormat format() const override { return DatasetFormat::Folder; }
    std::int64_t itemCount() const override { return static_cast<std::int64_t>(listing_.files.size()); }
    int knownClassOf(std::int64_t item) const override { return listing_.classOfFile[std::size_t(item)]; }
    PathText itemPath(std::int64_t item) const override;
    std::filesystem::path itemFile(std::int64_t item) const override { return absolutePath(item); }
    int unitCount() const override { return static_cast<int>(itemCount()); }
    void scanUnit(int unit, const UnitContext& ctx, ItemSink& sink) const override;
    std::pair<std::int64_t, std::int64_t> unitItems(int unit) const override { return {unit, unit + 1}; }
    DecodedImage loadForDisplay(std::int64_t item, const DecodeLimits& limits) const override;

    const QStringList& warnings() const { return listing_.warnings; }

private:
    FolderSource() = default;
    std::filesystem::path absolutePath(std::int64_t item) const;

    std::filesystem::path root_;
    FolderListing listing_;
};

} // namespace nofade

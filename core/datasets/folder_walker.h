#pragma once
// Lists the image files below a folder: recursive, deterministic (byte-wise name order at every
// level), hidden entries skipped, symbolic links followed but every folder visited once (so a
// link loop ends), files picked by extension, case-insensitively.
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>
#include <QString>
#include <QStringList>

namespace nofade {

// Relative paths packed into one buffer: a million paths cost their bytes, not a million strings.
class PathTable {
public:
    void append(std::string_view path);
    std::string_view at(std::size_t i) const;
    std::size_t size() const { return offsets_.size(); }

private:
    std::string bytes_;
    std::vector<std::uint64_t> offsets_; // start of each path; its end is the next start
};

struct FolderListing {
    PathTable files;                 // relative to the root, '/'-separated
    std::vector<std::int32_t> classOfFile; // index into classNames, -1 for files without a class
    // First-level sub-folders holding images, in name order; when those are all split folders
    // (train/, val2017/, ...) the sub-folders inside them, merged across splits, or none.
    QStringList classNames;
    QStringList splits;              // the split folders the classes were read in (or not)
    QString notice;                  // how the layout was read, when it is not plain ImageFolder
    QStringList warnings;            // folders that could not be read, link loops, ...
};

bool isImageFileName(std::string_view name);
// A folder named like a dataset split, not a class: train, val, valid, validation, test, trainval,
// dev (any case), with or without a year or a separator and year (val2017, train_2014).
bool isSplitFolderName(std::string_view name);

// False with `error` set only when the root itself cannot be listed.
bool listImageFolder(const std::filesystem::path& root, FolderListing& out, QString* error);

} // namespace nofade

#pragma once
// Sequential reader over a file that may or may not be gzip-compressed (zlib reads plain files
// transparently), so IDX files are read in place, never extracted.
#include <cstdint>
#include <filesystem>
#include <QString>

#include "datasets/file_stamp.h"

namespace nofade {

class GzReader {
public:
    explicit GzReader(const std::filesystem::path& path);
    ~GzReader();
    GzReader(const GzReader&) = delete;
    GzReader& operator=(const GzReader&) = delete;

    bool isOpen() const { return file_ != nullptr; }
    QString error() const { return error_; }
    // The file's stamp as it was opened, before anything was read.
    FileStamp stamp() const { return stamp_; }

    // Reads exactly n bytes; false at end of data or on a read/decompression error (see error()).
    bool readExactly(void* into, std::size_t n);
    bool skip(std::int64_t n); // forward only

private:
    void* file_ = nullptr; // gzFile, kept opaque so zlib stays out of the headers
    QString error_;
    FileStamp stamp_;
};

} // namespace nofade

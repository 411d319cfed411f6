#pragma once
// A file's size and modification time: what a scan cache compares to tell that a file is the one
// whose result it saved. Scans take it from the open file before reading its bytes, so a file
// rewritten during a scan is never saved with its new stamp next to its old content.
#include <cstdint>
#include <filesystem>

struct stat;

namespace nofade {

struct FileStamp {
    std::int64_t size = -1; // -1: unknown (no file, or it could not be stat'ed)
    std::int64_t mtimeNs = 0;
    bool known() const { return size >= 0; }
    bool operator==(const FileStamp&) const = default;
};

FileStamp stampOfStat(const struct stat& st);
FileStamp stampOfOpenFile(int fd);
FileStamp stampOfPath(const std::filesystem::path& file); // follows symbolic links, as open() does

} // namespace nofade

#pragma once
#include <cstdint>
#include <filesystem>
#include <vector>
#include <QString>

#include "datasets/file_stamp.h"

namespace nofade {

// Reads a whole file into `out` (reusing its capacity). False with a reason naming the cause
// (missing, permission, a folder, larger than `maxBytes`, a read error). `stamp`, when given, gets
// the file's stamp as it was opened, before its bytes were read.
bool readFileBytes(const std::filesystem::path& path, std::vector<std::uint8_t>& out,
                   std::int64_t maxBytes, QString* error, FileStamp* stamp = nullptr);

QString systemErrorText(int errnoValue);

// Why `path` (symbolic links followed) is not a regular file that can be read, found without
// opening it: opening a named pipe blocks until a writer comes, and a device or socket is no
// image. Empty when it is a regular file; "cannot open: ..." when it cannot even be looked at.
QString whyNotRegularFile(const std::filesystem::path& path);

} // namespace nofade

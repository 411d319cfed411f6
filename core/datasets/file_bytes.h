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

} // namespace nofade

#pragma once
#include <cstdint>
#include <filesystem>
#include <vector>
#include <QString>

namespace nofade {

// Reads a whole file into `out` (reusing its capacity). False with a reason naming the cause
// (missing, permission, a folder, larger than `maxBytes`, a read error).
bool readFileBytes(const std::filesystem::path& path, std::vector<std::uint8_t>& out,
                   std::int64_t maxBytes, QString* error);

QString systemErrorText(int errnoValue);

} // namespace nofade

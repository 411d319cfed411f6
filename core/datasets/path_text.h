#pragma once
// File names are bytes on Linux and need not be valid UTF-8. These helpers turn them into text
// for reports without ever dropping a file: invalid bytes are written as \xNN.
#include <filesystem>
#include <string_view>
#include <QString>

namespace nofade {

struct PathText {
    QString text;
    bool escaped = false; // true when some bytes were not valid UTF-8 and were written as \xNN
};

PathText pathTextFromBytes(std::string_view bytes);

// A QString path (from the user or Qt) as the native byte path the file system expects.
std::filesystem::path nativePath(const QString& path);

} // namespace nofade

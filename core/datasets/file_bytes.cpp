#include "datasets/file_bytes.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace nofade {

QString systemErrorText(int errnoValue)
{
    char buffer[256];
    // GNU strerror_r returns the message pointer, which may or may not be `buffer`.
    return QString::fromLocal8Bit(strerror_r(errnoValue, buffer, sizeof buffer));
}

QString whyNotRegularFile(const std::filesystem::path& path)
{
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
        return QStringLiteral("cannot open: %1").arg(systemErrorText(errno));
    if (S_ISREG(st.st_mode))
        return {};
    if (S_ISDIR(st.st_mode))
        return QStringLiteral("is a folder, not a file");
    const char* kind = S_ISFIFO(st.st_mode)  ? "a named pipe"
                       : S_ISSOCK(st.st_mode) ? "a socket"
                       : S_ISCHR(st.st_mode)  ? "a character device"
                       : S_ISBLK(st.st_mode)  ? "a block device"
                                              : "of an unknown kind";
    return QStringLiteral("not a regular file (%1), not opened").arg(QLatin1String(kind));
}

bool readFileBytes(const std::filesystem::path& path, std::vector<std::uint8_t>& out,
                   std::int64_t maxBytes, QString* error, FileStamp* stamp)
{
    // Checked before open(): opening a named pipe would wait for a writer, possibly forever.
    if (QString why = whyNotRegularFile(path); !why.isEmpty()) {
        *error = std::move(why);
        return false;
    }
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        *error = QStringLiteral("cannot open: %1").arg(systemErrorText(errno));
        return false;
    }
    struct stat st {}; // again on what was opened: the entry may have been replaced meanwhile
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        *error = S_ISDIR(st.st_mode) ? QStringLiteral("is a folder, not a file")
                                     : QStringLiteral("not a regular file");
        ::close(fd);
        return false;
    }
    if (st.st_size > maxBytes) {
        *error = QStringLiteral("file too large: %1 bytes exceeds the limit of %2 bytes")
                     .arg(st.st_size).arg(maxBytes);
        ::close(fd);
        return false;
    }
    if (stamp)
        *stamp = stampOfStat(st);
    out.resize(static_cast<std::size_t>(st.st_size));
    std::size_t got = 0;
    while (got < out.size()) {
        const ssize_t n = ::read(fd, out.data() + got, out.size() - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            *error = QStringLiteral("read error: %1").arg(systemErrorText(errno));
            ::close(fd);
            return false;
        }
        if (n == 0)
            break; // the file shrank while we read it: analyse what is there
        got += static_cast<std::size_t>(n);
    }
    out.resize(got);
    ::close(fd);
    return true;
}

} // namespace nofade

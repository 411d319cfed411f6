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

bool readFileBytes(const std::filesystem::path& path, std::vector<std::uint8_t>& out,
                   std::int64_t maxBytes, QString* error, FileStamp* stamp)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        *error = QStringLiteral("cannot open: %1").arg(systemErrorText(errno));
        return false;
    }
    struct stat st {};
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

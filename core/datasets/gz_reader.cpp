#include "datasets/gz_reader.h"

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>

#include "datasets/file_bytes.h"

namespace nofade {

GzReader::GzReader(const std::filesystem::path& path)
{
    // IDX and CIFAR files are read twice (header when opened, records when scanned) and seeked:
    // only a regular file can be; a named pipe would also block open() until a writer comes.
    if (QString why = whyNotRegularFile(path); !why.isEmpty()) {
        error_ = std::move(why);
        return;
    }
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        error_ = QStringLiteral("cannot open: %1").arg(systemErrorText(errno));
        return;
    }
    stamp_ = stampOfOpenFile(fd);
    gzFile f = gzdopen(fd, "rb"); // takes the descriptor: gzclose closes it
    if (!f) {
        ::close(fd);
        error_ = QStringLiteral("cannot open: %1").arg(systemErrorText(ENOMEM));
        return;
    }
    gzbuffer(f, 256 * 1024);
    file_ = f;
}

GzReader::~GzReader()
{
    if (file_)
        gzclose(static_cast<gzFile>(file_));
}

bool GzReader::readExactly(void* into, std::size_t n)
{
    if (!file_)
        return false;
    auto* out = static_cast<unsigned char*>(into);
    std::size_t got = 0;
    while (got < n) {
        const unsigned chunk = static_cast<unsigned>(std::min<std::size_t>(n - got, 1u << 30));
        const int r = gzread(static_cast<gzFile>(file_), out + got, chunk);
        if (r < 0) {
            int code = 0;
            const char* message = gzerror(static_cast<gzFile>(file_), &code);
            error_ = QStringLiteral("corrupt compressed data: %1").arg(QString::fromLocal8Bit(message));
            return false;
        }
        if (r == 0) {
            error_ = QStringLiteral("unexpected end of file");
            return false;
        }
        got += static_cast<std::size_t>(r);
    }
    return true;
}

bool GzReader::skip(std::int64_t n)
{
    if (!file_)
        return false;
    if (gzseek(static_cast<gzFile>(file_), static_cast<z_off_t>(n), SEEK_CUR) < 0) {
        error_ = QStringLiteral("cannot seek: unexpected end of file");
        return false;
    }
    return true;
}

} // namespace nofade

#include "datasets/file_stamp.h"

#include <sys/stat.h>

namespace nofade {

FileStamp stampOfStat(const struct stat& st)
{
    return {std::int64_t(st.st_size), std::int64_t(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec};
}

FileStamp stampOfOpenFile(int fd)
{
    struct stat st {};
    return ::fstat(fd, &st) == 0 ? stampOfStat(st) : FileStamp{};
}

FileStamp stampOfPath(const std::filesystem::path& file)
{
    struct stat st {};
    return !file.empty() && ::stat(file.c_str(), &st) == 0 ? stampOfStat(st) : FileStamp{};
}

} // namespace nofade

#include "codec_chatter_filter.h"

#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <thread>
#include <unistd.h>

namespace nofade::cli {

namespace {

int g_realStderr = STDERR_FILENO;
int g_pipeRead = -1;
std::thread g_forwarder;

bool sanitized()
{
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
    return true;
#else
    return false;
#endif
}

void writeAll(int fd, const char* data, std::size_t n)
{
    while (n > 0) {
        const ssize_t w = ::write(fd, data, n);
        if (w <= 0)
            return;
        data += w;
        n -= std::size_t(w);
    }
}

// Async-signal-safe: put stderr back and pass on whatever the pipe still holds.
extern "C" void restoreOnFatalSignal(int sig)
{
    ::dup2(g_realStderr, STDERR_FILENO);
    if (g_pipeRead >= 0) {
        ::fcntl(g_pipeRead, F_SETFL, O_NONBLOCK);
        char buffer[4096];
        ssize_t n;
        while ((n = ::read(g_pipeRead, buffer, sizeof buffer)) > 0)
            writeAll(STDERR_FILENO, buffer, std::size_t(n));
    }
    std::signal(sig, SIG_DFL);
    std::raise(sig);
}

void forward(int readFd)
{
    std::string pending;
    char buffer[4096];
    ssize_t n;
    while ((n = ::read(readFd, buffer, sizeof buffer)) > 0) {
        pending.append(buffer, std::size_t(n));
        std::size_t start = 0;
        for (std::size_t nl; (nl = pending.find('\n', start)) != std::string::npos; start = nl + 1)
            if (!isCodecChatter(pending.data() + start, int(nl - start)))
                writeAll(g_realStderr, pending.data() + start, nl - start + 1);
        pending.erase(0, start);
    }
    if (!pending.empty() && !isCodecChatter(pending.data(), int(pending.size())))
        writeAll(g_realStderr, pending.data(), pending.size());
}

} // namespace

bool isCodecChatter(const char* line, int length)
{
    static const char* const prefixes[] = {
        "libpng warning:", "libpng error:", "Corrupt JPEG data:", "Premature end of JPEG file",
        "Warning: unknown JFIF revision", "Invalid SOS parameters", "Unsupported marker type",
    };
    const std::string_view text(line, std::size_t(length));
    for (const char* prefix : prefixes)
        if (text.starts_with(prefix))
            return true;
    // libtiff: "TIFFReadDirectory: Warning, Unknown field with tag ..."
    return text.starts_with("TIFF") && text.find(": Warning") != std::string_view::npos;
}

CodecChatterFilter::CodecChatterFilter()
{
    if (sanitized() || g_pipeRead >= 0)
        return;
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0)
        return;
    g_realStderr = ::fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 3);
    if (g_realStderr < 0 || ::dup2(fds[1], STDERR_FILENO) < 0) {
        g_realStderr = STDERR_FILENO;
        ::close(fds[0]);
        ::close(fds[1]);
        return;
    }
    ::close(fds[1]); // fd 2 is now the pipe's only write end
    g_pipeRead = fds[0];
    g_forwarder = std::thread(forward, g_pipeRead);
    for (int sig : {SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGILL})
        std::signal(sig, restoreOnFatalSignal);
}

CodecChatterFilter::~CodecChatterFilter()
{
    if (g_pipeRead < 0)
        return;
    ::dup2(g_realStderr, STDERR_FILENO); // closes the pipe's write end: the forwarder sees EOF
    g_forwarder.join();
    ::close(g_pipeRead);
    g_pipeRead = -1;
}

int CodecChatterFilter::realStderr()
{
    return g_realStderr;
}

} // namespace nofade::cli

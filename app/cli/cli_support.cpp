#include "cli_support.h"

#include "codec_chatter_filter.h"

#include <cstdio>
#include <sys/stat.h>
#include <unistd.h>
#include <QFile>
#include <QSaveFile>

namespace nofade::cli {

void printOut(const QString& text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

void printErr(const QString& text)
{
    // Straight to the real stderr: fd 2 may be the codec-chatter filter's pipe.
    const QByteArray bytes = text.toUtf8();
    const char* data = bytes.constData();
    std::size_t left = std::size_t(bytes.size());
    while (left > 0) {
        const ssize_t n = ::write(CodecChatterFilter::realStderr(), data, left);
        if (n <= 0)
            return;
        data += n;
        left -= std::size_t(n);
    }
}

bool stderrIsTerminal()
{
    return ::isatty(CodecChatterFilter::realStderr()) == 1;
}

QString commandHelp(const QCommandLineParser& parser, const QString& command)
{
    QString help = parser.helpText();
    const qsizetype usage = help.indexOf(QLatin1String("Usage: "));
    const qsizetype options = help.indexOf(QLatin1String(" [options]"), usage);
    if (usage >= 0 && options > usage)
        help.replace(usage + 7, options - usage - 7, command);
    return help;
}

namespace {

// Atomic replacement (a temporary file renamed over the target) is for regular files only: a
// device or pipe (/dev/null, /dev/stdout, a named pipe) is written to directly. Renamed over, as
// root, /dev/null itself would become a regular file.
bool isDeviceOrPipe(const QString& path)
{
    struct stat st {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode);
}

} // namespace

bool writeOutput(const QString& path, const QByteArray& bytes, QString* error)
{
    qint64 written = 0;
    const bool ok = writeOutputStreamed(path, [&](QIODevice& out) {
        written = out.write(bytes);
        return written == bytes.size();
    }, error);
    // A write cut short (disk full, file size limit) is not an error to QFile when some bytes got
    // through: the count says so, and the previous file was kept.
    if (!ok && written >= 0 && written < bytes.size() && error->endsWith(QLatin1String("(disk full?)")))
        *error = QStringLiteral("%1: cannot write: only %2 of %3 bytes could be written (disk full?)")
                     .arg(path).arg(written).arg(bytes.size());
    return ok;
}

bool writeOutputStreamed(const QString& path, const std::function<bool(QIODevice&)>& write, QString* error)
{
    if (path == QLatin1String("-") || isDeviceOrPipe(path)) {
        QFile out;
        const bool opened = path == QLatin1String("-") ? out.open(stdout, QIODevice::WriteOnly)
                                                       : (out.setFileName(path), out.open(QIODevice::WriteOnly));
        if (!opened || !write(out) || !out.flush()) {
            *error = path == QLatin1String("-") ? QStringLiteral("standard output: write failed")
                                                : QStringLiteral("%1: cannot write: %2").arg(path, out.errorString());
            return false;
        }
        return true;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("%1: cannot write: %2").arg(path, file.errorString());
        return false;
    }
    // A write cut short (disk full, file size limit) is not an error to QFile when some bytes got
    // through: `write` says so, or commit() would replace the previous file with a truncated one.
    if (!write(file)) {
        const QString reason = file.error() != QFileDevice::NoError ? file.errorString()
                                                                    : QStringLiteral("a write was cut short (disk full?)");
        file.cancelWriting();
        *error = QStringLiteral("%1: cannot write: %2").arg(path, reason);
        return false;
    }
    if (!file.commit()) {
        *error = QStringLiteral("%1: cannot write: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

bool readInput(const QString& path, QByteArray* bytes, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: cannot read: %2").arg(path, file.errorString());
        return false;
    }
    *bytes = file.readAll();
    return true;
}

} // namespace nofade::cli

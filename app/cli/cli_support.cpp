#include "cli_support.h"

#include "codec_chatter_filter.h"

#include <cstdio>
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

bool writeOutput(const QString& path, const QByteArray& bytes, QString* error)
{
    if (path == QLatin1String("-")) {
        const std::size_t written = std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stdout);
        std::fflush(stdout);
        if (written != std::size_t(bytes.size())) {
            *error = QStringLiteral("standard output: write failed");
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
    // through: check the count, or commit() would replace the previous file with a truncated one.
    const qint64 written = file.write(bytes);
    if (written != bytes.size()) {
        const QString reason = file.error() != QFileDevice::NoError
                                   ? file.errorString()
                                   : QStringLiteral("only %1 of %2 bytes could be written (disk full?)").arg(written).arg(bytes.size());
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

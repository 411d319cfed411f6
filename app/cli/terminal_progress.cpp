#include "terminal_progress.h"

#include <QString>

#include "cli_support.h"

namespace nofade::cli {

TerminalProgress::TerminalProgress(bool enabled) : enabled_(enabled)
{
    clock_.start();
}

void TerminalProgress::update(std::int64_t done, std::int64_t total, std::int64_t failed)
{
    if (!enabled_ || total <= 0)
        return;
    constexpr int width = 30;
    const double fraction = double(done) / double(total);
    const int filled = int(fraction * width);
    const double seconds = clock_.elapsed() / 1000.0;
    const double rate = seconds > 0 ? done / seconds : 0.0;
    const QString eta = rate > 0 && done < total
                            ? QStringLiteral("ETA %1 s").arg((total - done) / rate, 0, 'f', 0)
                            : QString();
    printErr(QStringLiteral("\r[%1%2] %3/%4 images  %5 img/s  %6 failed  %7\x1b[K")
                 .arg(QString(filled, QLatin1Char('#')), QString(width - filled, QLatin1Char('.')))
                 .arg(done).arg(total).arg(rate, 0, 'f', 0).arg(failed).arg(eta));
    drawn_ = true;
}

void TerminalProgress::updateInterval(int done, int total, const QString& what)
{
    if (!enabled_ || total <= 0)
        return;
    if (!intervalClock_.isValid())
        intervalClock_.start();
    constexpr int width = 30;
    const int filled = int(double(done) / double(total) * width);
    const double seconds = intervalClock_.elapsed() / 1000.0;
    const QString eta = done > 0 && done < total
                            ? QStringLiteral("ETA %1 s").arg(seconds / done * (total - done), 0, 'f', 0)
                            : QString();
    printErr(QStringLiteral("\r[%1%2] %6: %3/%4 replicates  %5\x1b[K")
                 .arg(QString(filled, QLatin1Char('#')), QString(width - filled, QLatin1Char('.')))
                 .arg(done).arg(total).arg(eta).arg(what));
    drawn_ = true;
}

void TerminalProgress::finish()
{
    if (enabled_ && drawn_)
        printErr(QStringLiteral("\r\x1b[K"));
    drawn_ = false;
}

} // namespace nofade::cli

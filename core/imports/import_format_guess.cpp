#include "imports/import_format_guess.h"

#include <QString>
#include <QStringList>

namespace nofade {

std::optional<ImportFormat> guessImportFormat(const QByteArray& head)
{
    QByteArray bytes = head;
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    const qsizetype end = bytes.indexOf('\n');
    const QString header = QString::fromUtf8(end < 0 ? bytes : bytes.left(end)).trimmed();
    if (header.isEmpty())
        return std::nullopt;
    auto names = [&](QChar separator) {
        QStringList out;
        for (const QString& cell : header.split(separator))
            out << cell.trimmed().remove(QLatin1Char('"')).toLower();
        return out;
    };
    const QStringList piped = names(QLatin1Char('|'));
    if (piped.size() > 1 && piped.contains(QLatin1String("jobid")))
        return ImportFormat::Sacct;
    const QStringList cells = names(QLatin1Char(','));
    if (cells.contains(QLatin1String("energy_consumed")) && cells.contains(QLatin1String("emissions")))
        return ImportFormat::CodeCarbon;
    if (cells.contains(QLatin1String("model"))
        && (cells.contains(QLatin1String("training compute (flop)")) || cells.contains(QLatin1String("training hardware"))
            || cells.contains(QLatin1String("publication date"))))
        return ImportFormat::Epoch;
    return std::nullopt;
}

} // namespace nofade

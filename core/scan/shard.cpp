#include "scan/shard.h"

#include <QStringList>

namespace nofade {

std::int64_t Shard::itemsOf(std::int64_t n) const
{
    if (count <= 1)
        return n;
    return n > index ? (n - index + count - 1) / count : 0;
}

QString Shard::fileName() const
{
    const int width = int(QString::number(count).size());
    return QStringLiteral("shard-%1-of-%2.json").arg(index, width, 10, QLatin1Char('0')).arg(count);
}

std::optional<Shard> Shard::parse(const QString& text, QString* error)
{
    const QStringList parts = text.split(QLatin1Char('/'));
    bool okIndex = false, okCount = false;
    const int index = parts.size() == 2 ? parts[0].toInt(&okIndex) : 0;
    const int count = parts.size() == 2 ? parts[1].toInt(&okCount) : 0;
    if (!okIndex || !okCount || count < 1 || index < 0 || index >= count) {
        *error = QStringLiteral("shard must be K/N with 0 <= K < N (got \"%1\")").arg(text);
        return std::nullopt;
    }
    return Shard{index, count};
}

} // namespace nofade

#pragma once
#include <cstdint>
#include <optional>
#include <QString>

namespace nofade {

// Shard `index` of `count` (0 <= index < count) holds the items whose position in the dataset's
// deterministic order is congruent to index modulo count: every item in exactly one shard, and
// each class spread evenly over the shards.
struct Shard {
    int index = 0;
    int count = 1;

    bool contains(std::int64_t item) const { return count <= 1 || item % count == index; }
    std::int64_t itemsOf(std::int64_t datasetItems) const;
    bool isWhole() const { return count == 1; }

    // "K/N" with 0 <= K < N; nullopt (and `error`) otherwise.
    static std::optional<Shard> parse(const QString& text, QString* error);
    QString toString() const { return QStringLiteral("%1/%2").arg(index).arg(count); }
    // "shard-03-of-16.json": the file a shard's profile gets in a shared output folder (`scan
    // --out-dir`); the index is zero-padded so the folder lists in shard order.
    QString fileName() const;
};

} // namespace nofade

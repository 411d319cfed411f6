#pragma once
// What the user asked to sample: a number of images or a fraction of the dataset, and the seed.
#include <cstdint>
#include <optional>
#include <QString>

namespace nofade {

struct SampleRequest {
    static constexpr std::uint64_t kDefaultSeed = 1;
    static constexpr int kDefaultBootstrapRounds = 200;

    std::int64_t count = 0; // images wanted; 0 when a fraction was asked for
    double fraction = 0.0;  // 0 < fraction < 1; 0 when a count was asked for
    std::uint64_t seed = kDefaultSeed;
    int bootstrapRounds = kDefaultBootstrapRounds;

    // Images to draw from a population of `population` (at least 1, at most the population).
    std::int64_t sizeFor(std::int64_t population) const;
    // "700" (a count >= 1) or "0.01" (a fraction strictly between 0 and 1); nullopt with `error`.
    static std::optional<SampleRequest> parse(const QString& text, QString* error);
    QString toString() const; // the text parse() reads back
};

} // namespace nofade

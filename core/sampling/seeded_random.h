#pragma once
// A small seeded generator whose stream is fixed by this file alone (SplitMix64, Steele et al.
// 2014), so that a sample drawn with seed S is the same subset on every platform and compiler:
// std::uniform_int_distribution's algorithm is implementation-defined, so it is not used.
#include <cstdint>

namespace nofade {

class SeededRandom {
public:
    explicit SeededRandom(std::uint64_t seed) : state_(seed) {}
    // A generator for sub-stream `stream` of `seed` (e.g. one per class), independent of how many
    // numbers the other streams draw.
    static SeededRandom stream(std::uint64_t seed, std::uint64_t stream)
    {
        SeededRandom mixer(seed ^ (0xD1B54A32D192ED03ULL * (stream + 1)));
        return SeededRandom(mixer.next());
    }

    std::uint64_t next()
    {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }

    // Uniform in [0, bound), bound > 0, without modulo bias (rejection of the uneven tail).
    std::uint64_t below(std::uint64_t bound)
    {
        const std::uint64_t threshold = (0 - bound) % bound; // 2^64 mod bound
        for (;;) {
            const std::uint64_t r = next();
            if (r >= threshold)
                return r % bound;
        }
    }

private:
    std::uint64_t state_;
};

} // namespace nofade

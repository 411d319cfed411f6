#pragma once
// Order-independent running moments of per-image entropies. Values are accumulated in 128-bit
// fixed point so that merging shard profiles gives bit-for-bit the numbers of one whole scan,
// whatever the order the images were seen in (floating-point sums would differ in the last bits).
#include <cstdint>
#include <optional>
#include <QString>

namespace nofade {

// GCC/Clang's 128-bit integer; __extension__ keeps -Wpedantic quiet about it.
__extension__ typedef __int128 Int128;
__extension__ typedef unsigned __int128 UInt128;

class Moments {
public:
    static constexpr int kValueFractionBits = 48;  // entropy (<= 8 bits) scaled by 2^48
    static constexpr int kSquareFractionBits = 44; // entropy^2 (<= 64) scaled by 2^44

    void add(double entropyBits);
    void merge(const Moments& other);

    std::int64_t count() const { return count_; }
    double mean() const;   // NaN when empty
    double stdDev() const; // population standard deviation, NaN when empty
    double min() const { return min_; }
    double max() const { return max_; }

    // Raw state for serialisation: the sums as decimal strings (they exceed 64 bits).
    QString sumText() const;
    QString sumOfSquaresText() const;
    static std::optional<Moments> fromRaw(std::int64_t count, const QString& sum,
                                          const QString& sumOfSquares, double min, double max);

    bool operator==(const Moments&) const = default;

private:
    std::int64_t count_ = 0;
    Int128 sum_ = 0;
    Int128 sumOfSquares_ = 0;
    double min_ = 0.0;
    double max_ = 0.0;
};

} // namespace nofade

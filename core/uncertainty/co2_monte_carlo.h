#pragma once
// Seeded Monte Carlo of one model's training energy and CO2 (METHODS.md section 8): every input
// drawn from its range, the life-cycle terms applied to each draw, the median and the 90%
// interval read from the draws. Reproducible: model `stream` of the seed draws the same numbers on
// every machine (SeededRandom), whatever the other models.
#include <cstdint>
#include <vector>

#include "sampling/seeded_random.h"
#include "uncertainty/input_ranges.h"
#include "uncertainty/life_cycle.h"

namespace nofade {

enum class HoursOrigin { Reported, Derived, Estimated };

// What one model's hardware-energy estimate is made of.
struct Co2Inputs {
    double deviceHours = 0.0;       // the point estimate
    HoursOrigin origin = HoursOrigin::Reported;
    double pointUtilisation = 0.33; // estimated hours: the utilisation the point used
    bool flopsMaybeMacs = false;    // estimated hours from a count written as FLOPs, 2 FLOPs per MAC
    double tdpWatts = 0.0;
};

// One draw of the inputs and its result.
struct Co2Draw {
    double deviceHours = 0.0;
    double energyKwh = 0.0; // operational + idle
    double co2Kg = 0.0;     // the sum of the life-cycle terms that are on
};

class Co2Sampler {
public:
    Co2Sampler(const Co2Inputs& inputs, const UncertaintySettings& ranges, const LifeCycleSettings& lifeCycle)
        : m_in(inputs), m_ranges(ranges), m_life(lifeCycle)
    {
    }
    Co2Draw draw(SeededRandom& random) const;

private:
    Co2Inputs m_in;
    UncertaintySettings m_ranges;
    LifeCycleSettings m_life;
};

// Uniform in [0, 1) from the top 53 bits.
inline double uniform01(SeededRandom& random)
{
    return double(random.next() >> 11) * 0x1.0p-53;
}
// lo + (hi - lo) u; exactly lo when the range is fixed, without drawing.
double drawFrom(const UniformRange& range, SeededRandom& random);

struct Interval {
    double low = 0.0;  // 5th percentile
    double high = 0.0; // 95th percentile
    bool operator==(const Interval&) const = default;
};

struct Spread {
    double median = 0.0;
    Interval interval;
};

// The p-quantile of `values` with linear interpolation between order statistics (numpy's default,
// h = (n - 1) p). Reorders `values`; n > 0.
double quantile(std::vector<double>& values, double p);
Spread spreadOf(std::vector<double>& values);

struct MonteCarloResult {
    Spread energyKwh;
    Spread co2Kg;
    int draws = 0;
};

// `draws` draws from stream `stream` of `seed`.
MonteCarloResult runMonteCarlo(const Co2Sampler& sampler, int draws, std::uint64_t seed, std::uint64_t stream);

} // namespace nofade

#pragma once
// Seeded Monte Carlo of one model's training energy and CO2 (METHODS.md section 8): every input
// drawn from its range, the life-cycle terms applied to each draw, the median and the 90%
// interval read from the draws. Reproducible: model `stream` of the seed draws the same numbers on
// every machine (SeededRandom), whatever the other models.
#include <cstdint>
#include <map>
#include <tuple>
#include <utility>
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

// One draw of the random factors: hours factor, share of TDP drawn, PUE, carbon intensity.
struct Co2Factors {
    double hours = 1.0;
    double drawOfTdp = 1.0;
    double pue = 1.0;
    double kgPerKwh = 0.0;
};
Co2Factors drawFactors(const Co2Inputs& inputs, const UncertaintySettings& ranges, SeededRandom& random);

// One draw's result.
struct Co2Draw {
    double deviceHours = 0.0;
    double energyKwh = 0.0; // operational + idle
    double co2Kg = 0.0;     // the sum of the life-cycle terms that are on
};
// The same formulas as the point estimate, at the drawn factors.
Co2Draw evaluateDraw(const Co2Inputs& inputs, const Co2Factors& factors, const LifeCycleSettings& lifeCycle);

// Draws one model's CO2 at a time (the bootstrap's replicates).
class Co2Sampler {
public:
    Co2Sampler(const Co2Inputs& inputs, const UncertaintySettings& ranges, const LifeCycleSettings& lifeCycle)
        : m_in(inputs), m_ranges(ranges), m_life(lifeCycle)
    {
    }
    Co2Draw draw(SeededRandom& random) const { return evaluateDraw(m_in, drawFactors(m_in, m_ranges, random), m_life); }

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

struct Interval90 {
    double low = 0.0;  // 5th percentile
    double high = 0.0; // 95th percentile
    bool operator==(const Interval90&) const = default;
};

struct Spread {
    double median = 0.0;
    Interval90 interval;
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

// The Monte Carlo of a report. Models whose hours have the same origin and FLOPs ambiguity share
// one set of `draws` factor draws (stream: the kind, of the seed): a model's energy and CO2 are
// its own hours and TDP times the drawn factors, so ordering the draws once per kind (and TDP)
// gives every model's quantiles exactly, each from the formulas of the point estimate, and a
// table of 10,000 models costs little more than one of 10.
class Co2MonteCarlo {
public:
    Co2MonteCarlo(const UncertaintySettings& ranges, const LifeCycleSettings& lifeCycle);
    MonteCarloResult run(const Co2Inputs& inputs);

private:
    struct Kind {
        std::vector<Co2Factors> draws;
        std::map<double, std::pair<std::vector<std::uint32_t>, std::vector<std::uint32_t>>> orders; // TDP -> (energy, CO2)
    };
    Kind& kind(const Co2Inputs& inputs);

    UncertaintySettings m_ranges;
    LifeCycleSettings m_life;
    std::map<std::tuple<int, bool, double>, Kind> m_kinds;
};

} // namespace nofade

#include "uncertainty/co2_monte_carlo.h"

#include <algorithm>

#include "models/co2_methods.h"

namespace nofade {

double drawFrom(const UniformRange& range, SeededRandom& random)
{
    if (range.fixed())
        return range.low;
    return range.low + (range.high - range.low) * uniform01(random);
}

Co2Draw Co2Sampler::draw(SeededRandom& random) const
{
    Co2Draw d;
    switch (m_in.origin) {
    case HoursOrigin::Reported:
        d.deviceHours = m_in.deviceHours * drawFrom(m_ranges.reportedHours, random);
        break;
    case HoursOrigin::Derived:
        d.deviceHours = m_in.deviceHours * drawFrom(m_ranges.derivedHours, random);
        break;
    case HoursOrigin::Estimated: {
        // hours = training FLOPs / (peak x utilisation): the point scaled by u_point / u.
        double factor = m_in.pointUtilisation / drawFrom(m_ranges.utilisation, random);
        if (m_in.flopsMaybeMacs && m_ranges.flopsAreMacsProbability > 0.0
            && uniform01(random) < m_ranges.flopsAreMacsProbability)
            factor *= 2.0;
        d.deviceHours = m_in.deviceHours * factor;
        break;
    }
    }
    const double watts = m_in.tdpWatts * drawFrom(m_ranges.drawOfTdp, random);
    const double pue = drawFrom(m_ranges.pue, random);
    const double intensity = drawFrom(m_ranges.kgPerKwh, random);
    const Co2Terms terms = lifeCycleTerms(hardwareEnergyKwh(d.deviceHours, watts, pue), intensity, d.deviceHours, m_life);
    d.energyKwh = terms.energyKwh;
    d.co2Kg = terms.totalKg();
    return d;
}

double quantile(std::vector<double>& values, double p)
{
    const double h = double(values.size() - 1) * p;
    const auto lo = std::size_t(h);
    std::nth_element(values.begin(), values.begin() + std::ptrdiff_t(lo), values.end());
    const double below = values[lo];
    if (lo + 1 >= values.size() || h == double(lo))
        return below;
    const double above = *std::min_element(values.begin() + std::ptrdiff_t(lo) + 1, values.end());
    return below + (h - double(lo)) * (above - below);
}

Spread spreadOf(std::vector<double>& values)
{
    Spread s;
    s.median = quantile(values, 0.5);
    s.interval.low = quantile(values, 0.05);
    s.interval.high = quantile(values, 0.95);
    return s;
}

MonteCarloResult runMonteCarlo(const Co2Sampler& sampler, int draws, std::uint64_t seed, std::uint64_t stream)
{
    SeededRandom random = SeededRandom::stream(seed, stream);
    const auto n = static_cast<std::size_t>(draws);
    std::vector<double> energy(n), co2(n);
    for (std::size_t i = 0; i < n; ++i) {
        const Co2Draw d = sampler.draw(random);
        energy[i] = d.energyKwh;
        co2[i] = d.co2Kg;
    }
    MonteCarloResult r;
    r.draws = draws;
    r.energyKwh = spreadOf(energy);
    r.co2Kg = spreadOf(co2);
    return r;
}

} // namespace nofade

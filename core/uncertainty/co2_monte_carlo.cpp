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

Co2Factors drawFactors(const Co2Inputs& in, const UncertaintySettings& ranges, SeededRandom& random)
{
    Co2Factors f;
    switch (in.origin) {
    case HoursOrigin::Reported:
        f.hours = drawFrom(ranges.reportedHours, random);
        break;
    case HoursOrigin::Derived:
        f.hours = drawFrom(ranges.derivedHours, random);
        break;
    case HoursOrigin::Estimated:
        // hours = training FLOPs / (peak x utilisation): the point scaled by u_point / u.
        f.hours = in.pointUtilisation / drawFrom(ranges.utilisation, random);
        if (in.flopsMaybeMacs && ranges.flopsAreMacsProbability > 0.0 && uniform01(random) < ranges.flopsAreMacsProbability)
            f.hours *= 2.0;
        break;
    }
    f.drawOfTdp = drawFrom(ranges.drawOfTdp, random);
    f.pue = drawFrom(ranges.pue, random);
    f.kgPerKwh = drawFrom(ranges.kgPerKwh, random);
    return f;
}

Co2Draw evaluateDraw(const Co2Inputs& in, const Co2Factors& f, const LifeCycleSettings& lifeCycle)
{
    Co2Draw d;
    d.deviceHours = in.deviceHours * f.hours;
    const Co2Terms terms =
        lifeCycleTerms(hardwareEnergyKwh(d.deviceHours, in.tdpWatts * f.drawOfTdp, f.pue), f.kgPerKwh, d.deviceHours, lifeCycle);
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

Co2MonteCarlo::Co2MonteCarlo(const UncertaintySettings& ranges, const LifeCycleSettings& lifeCycle)
    : m_ranges(ranges), m_life(lifeCycle)
{
}

Co2MonteCarlo::Kind& Co2MonteCarlo::kind(const Co2Inputs& in)
{
    const auto key = std::make_tuple(int(in.origin), in.flopsMaybeMacs, in.pointUtilisation);
    auto it = m_kinds.find(key);
    if (it != m_kinds.end())
        return it->second;
    Kind k;
    SeededRandom random = SeededRandom::stream(m_ranges.seed, std::uint64_t(2 * int(in.origin) + (in.flopsMaybeMacs ? 1 : 0)));
    k.draws.reserve(std::size_t(m_ranges.draws));
    for (int i = 0; i < m_ranges.draws; ++i)
        k.draws.push_back(drawFactors(in, m_ranges, random));
    return m_kinds.emplace(key, std::move(k)).first->second;
}

MonteCarloResult Co2MonteCarlo::run(const Co2Inputs& in)
{
    Kind& k = kind(in);
    const std::size_t n = k.draws.size();
    auto found = k.orders.find(in.tdpWatts);
    if (found == k.orders.end()) {
        // Energy and CO2 are proportional to the hours, so one model of this TDP orders them all.
        Co2Inputs unit = in;
        unit.deviceHours = 1.0;
        std::vector<double> energy(n), co2(n);
        for (std::size_t i = 0; i < n; ++i) {
            const Co2Draw d = evaluateDraw(unit, k.draws[i], m_life);
            energy[i] = d.energyKwh;
            co2[i] = d.co2Kg;
        }
        std::vector<std::uint32_t> byEnergy(n), byCo2(n);
        for (std::size_t i = 0; i < n; ++i)
            byEnergy[i] = byCo2[i] = std::uint32_t(i);
        std::stable_sort(byEnergy.begin(), byEnergy.end(), [&](std::uint32_t a, std::uint32_t b) { return energy[a] < energy[b]; });
        std::stable_sort(byCo2.begin(), byCo2.end(), [&](std::uint32_t a, std::uint32_t b) { return co2[a] < co2[b]; });
        found = k.orders.emplace(in.tdpWatts, std::make_pair(std::move(byEnergy), std::move(byCo2))).first;
    }
    // Type-7 quantiles of the model's own draws, read at the ordered positions.
    auto at = [&](const std::vector<std::uint32_t>& order, double p, bool energy) {
        const double h = double(n - 1) * p;
        const auto lo = std::size_t(h);
        auto value = [&](std::size_t rank) {
            const Co2Draw d = evaluateDraw(in, k.draws[order[rank]], m_life);
            return energy ? d.energyKwh : d.co2Kg;
        };
        const double below = value(lo);
        if (lo + 1 >= n || h == double(lo))
            return below;
        return below + (h - double(lo)) * (value(lo + 1) - below);
    };
    MonteCarloResult r;
    r.draws = int(n);
    for (bool energy : {true, false}) {
        const std::vector<std::uint32_t>& order = energy ? found->second.first : found->second.second;
        Spread& s = energy ? r.energyKwh : r.co2Kg;
        s.median = at(order, 0.5, energy);
        s.interval.low = at(order, 0.05, energy);
        s.interval.high = at(order, 0.95, energy);
    }
    return r;
}

} // namespace nofade

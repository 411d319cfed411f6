#pragma once
// The distributions of the inputs of a CO2 estimate (METHODS.md section 8): each a uniform range,
// with defaults from published sources. A range whose ends are equal is a fixed value.
#include <cstdint>
#include <QString>

namespace nofade {

struct UniformRange {
    double low = 0.0;
    double high = 0.0;
    bool fixed() const { return low == high; }
    bool operator==(const UniformRange&) const = default;
};

// "0.25:0.56" or "0.4" (a fixed value); nullopt-like `ok == false` on anything else.
UniformRange rangeFromText(const QString& text, bool* ok);
QString rangeText(const UniformRange& range);

inline constexpr int kDefaultBootstrapRounds = 1000; // nofade-cli report's default

struct UncertaintySettings {
    int draws = 10000;                     // Monte Carlo draws per model; 0 switches intervals off
    std::uint64_t seed = 1;
    // Replicates of the frontier fits; 0 switches them off. Off unless asked for: the bootstrap
    // takes a few hundred milliseconds for the bundled table (nofade-cli asks for 1,000).
    int bootstrapRounds = 0;
    // Multiplicative factor on device-hours, by provenance.
    UniformRange reportedHours{0.9, 1.1};
    UniformRange derivedHours{0.75, 1.25};
    // Utilisation of peak FP32 for estimated hours (replaces the point utilisation in the draws).
    UniformRange utilisation{0.25, 0.56};
    // The device's real draw as a share of its TDP.
    UniformRange drawOfTdp{0.7, 1.0};
    // PUE and carbon intensity; unset ranges follow the report's point values (see defaults()).
    UniformRange pue{1.0, 1.58};
    UniformRange kgPerKwh{0.3695, 0.707};
    // Probability that a count written as FLOPs is really MACs (so twice the FLOPs with 2 FLOPs/MAC).
    double flopsAreMacsProbability = 0.5;

    QString validate() const; // empty when valid
};

// Every range fixed at the point values: the Monte Carlo then reproduces the point estimate.
UncertaintySettings fixedInputs(double pue, double kgPerKwh, double utilisation);

} // namespace nofade

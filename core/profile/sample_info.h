#pragma once
// What a profile made from a sample records about it (docs/METHODS.md, "Sampled scans"): how the
// sample was drawn, and the estimates of the whole dataset's numbers with their 95% intervals.
// Plain data: drawing the sample is sampling/sample_plan.h, the estimates sampling/sample_estimate.h.
#include <cmath>
#include <cstdint>
#include <optional>
#include <vector>
#include <QString>

#include "profile/sample_request.h"

namespace nofade {

struct SampleStratum {
    int classIndex = -1;         // -1: the images without a known class
    std::int64_t population = 0; // images of the stratum in the dataset
    std::int64_t drawn = 0;      // images of it in the sample
    bool operator==(const SampleStratum&) const = default;
};

// How a sample was drawn.
struct SampleDesign {
    SampleRequest request;
    std::int64_t population = 0; // items sampled from (the whole dataset)
    std::int64_t drawn = 0;      // items in the sample
    bool stratified = false;     // false: one stratum, a simple random sample
    std::vector<SampleStratum> strata;
    double fraction() const { return population > 0 ? double(drawn) / double(population) : 0.0; }
};

struct Interval {
    double low = NAN;
    double high = NAN;
    bool contains(double v) const { return low <= v && v <= high; }
    double width() const { return high - low; }
};

// Estimates of the whole dataset's C_H (mean entropy) and C_JS from the sample.
struct SampleEstimate {
    // Mean entropy: the stratified estimator, its standard error (finite-population corrected),
    // and the t interval with `meanDegreesOfFreedom`.
    double mean = NAN;
    double meanStandardError = NAN;
    double meanDegreesOfFreedom = NAN;
    Interval meanInterval;
    // C_JS: the sample's own (plug-in) value, the bias-corrected estimate and its interval
    // from `rounds` seeded half-sample replicates. Absent with `jsReason`.
    std::optional<double> jsPlugIn;
    std::optional<double> js;
    Interval jsInterval;
    int rounds = 0;
    QString jsReason;
};

struct ProfileSample {
    SampleDesign design;
    SampleEstimate estimate;
};

} // namespace nofade

// Time of a sampled scan's estimates (estimateFromSample: the bias-corrected C_JS and its
// half-sample replicate interval) for C classes, the wait after the images of a Quick estimate.
// The sample is realistic for ImageNet: class sizes as in bench-jsd (most 1300, one in ten fewer),
// 20 images per class drawn by the scan's own proportional allocation, histogram model, 64 bins.
// Prints: classes images rounds milliseconds (the best of REPEATS runs).
//
// usage: bench-sampling CLASSES [ROUNDS] [REPEATS] [THREADS]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>

#include "sampling/sample_estimate.h"
#include "sampling/sample_plan.h"

int main(int argc, char** argv)
{
    using namespace nofade;
    const int classes = argc > 1 ? std::atoi(argv[1]) : 1000;
    const int rounds = argc > 2 ? std::atoi(argv[2]) : SampleRequest::kDefaultBootstrapRounds;
    const int repeats = argc > 3 ? std::atoi(argv[3]) : 1;
    const int threads = argc > 4 ? std::atoi(argv[4]) : 0;

    std::vector<std::int64_t> sizes;
    std::int64_t population = 0;
    for (int c = 0; c < classes; ++c) {
        sizes.push_back(c % 10 == 9 ? 732 + (c * 37) % 568 : 1300);
        population += sizes.back();
    }
    const std::vector<std::int64_t> drawn = allocateProportionally(sizes, 20 * std::int64_t(classes));

    QStringList names;
    for (int c = 0; c < classes; ++c)
        names << QStringLiteral("c%1").arg(c);
    Profile sample = makeEmptyProfile(ProfileSettings{}, {}, names);
    SampleDesign design;
    design.request.count = 20 * std::int64_t(classes);
    design.request.bootstrapRounds = rounds;
    design.population = population;
    design.stratified = true;
    std::mt19937 rng(1);
    std::normal_distribution<double> spread(0.0, 1.0);
    for (int c = 0; c < classes; ++c) {
        const double centre = 3.0 + 3.0 * c / classes;
        for (std::int64_t i = 0; i < drawn[std::size_t(c)]; ++i) {
            const double h = std::clamp(centre + 0.8 * spread(rng), 0.0, 8.0);
            sample.moments.add(h);
            sample.fine.add(h);
            sample.classes[std::size_t(c)].moments.add(h);
            sample.classes[std::size_t(c)].histogram.add(h);
            sample.perImage.push_back({std::int64_t(sample.perImage.size()), QString(), false, c, h});
        }
        design.strata.push_back({c, sizes[std::size_t(c)], drawn[std::size_t(c)]});
        design.drawn += drawn[std::size_t(c)];
    }

    double best = 1e30;
    for (int r = 0; r < std::max(1, repeats); ++r) {
        const auto start = std::chrono::steady_clock::now();
        const SampleEstimate e = estimateFromSample(sample, design, ParallelRun(threads));
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        best = std::min(best, ms);
        std::fprintf(stderr, "C_JS plug-in %.6f, estimate %.6f, 95%% interval %.6f-%.6f, %d ms\n",
                     e.jsPlugIn.value_or(NAN), e.js.value_or(NAN), e.jsInterval.low, e.jsInterval.high, int(ms));
        if (!e.js || e.rounds != rounds) {
            std::fprintf(stderr, "bench-sampling: no C_JS interval (%s)\n", qPrintable(e.jsReason));
            return 1;
        }
    }
    std::printf("%d %lld %d %.3f\n", classes, static_cast<long long>(design.drawn), rounds, best);
    return 0;
}

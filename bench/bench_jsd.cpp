// Time of the class-distance matrix and C_JS for C classes x 64 bins (histogram model), the cost
// a user pays when opening the heatmap of ImageNet: Profile::jsd(), as the application calls it.
//
// usage: bench-jsd CLASSES [REPEATS] [--old] [--portable]
//   --old       also time the previous scalar kernel (bench/jsd_old_kernel.cpp), runs
//               interleaved with the new one so both see the same load; prints the ratio
//   --portable  time the baseline x86-64 kernel instead of the best one for this CPU
// prints: classes pairs best_ms median_ms kernel [old_best_ms old_median_ms best_ratio]
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <random>

#include "jsd_old_kernel.h"
#include "maths/jsd_matrix.h"
#include "profile/profile.h"

namespace {

using PairsFunction = std::function<std::vector<nofade::JsdPair>(const std::vector<std::vector<std::uint64_t>>&)>;

// Profile::jsd() for the histogram model with another pair kernel: the same gathering of the
// usable classes' counts, index mapping and summary, so the times compare like for like.
nofade::JsdSummary jsdWith(const nofade::Profile& p, const PairsFunction& pairsOf)
{
    const std::vector<int> usable = p.usableClasses();
    std::vector<std::vector<std::uint64_t>> counts;
    for (int c : usable)
        counts.push_back(p.classes[std::size_t(c)].histogram.counts());
    std::vector<nofade::JsdPair> pairs = pairsOf(counts);
    for (nofade::JsdPair& pair : pairs) {
        pair.a = usable[std::size_t(pair.a)];
        pair.b = usable[std::size_t(pair.b)];
    }
    return nofade::summariseJsd(std::move(pairs), int(usable.size()));
}

struct Timing {
    std::vector<double> ms;
    double best() const { return *std::min_element(ms.begin(), ms.end()); }
    double median() const
    {
        std::vector<double> s = ms;
        std::sort(s.begin(), s.end());
        return s.size() % 2 ? s[s.size() / 2] : 0.5 * (s[s.size() / 2 - 1] + s[s.size() / 2]);
    }
};

template <typename Run>
void timeOnce(Timing& t, std::size_t& pairs, double& complexity, const Run& run)
{
    const auto start = std::chrono::steady_clock::now();
    const nofade::JsdSummary s = run();
    t.ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    pairs = s.pairs.size();
    complexity = s.complexity.value_or(0.0);
}

} // namespace

int main(int argc, char** argv)
{
    int classes = 1000, repeats = 3;
    bool old = false, portable = false;
    int positional = 0;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--old"))
            old = true;
        else if (!std::strcmp(argv[i], "--portable"))
            portable = true;
        else if (positional++ == 0)
            classes = std::atoi(argv[i]);
        else
            repeats = std::max(1, std::atoi(argv[i]));
    }
    nofade::Profile p;
    std::mt19937 rng(1);
    std::normal_distribution<double> spread(0.0, 1.0);
    for (int c = 0; c < classes; ++c) {
        nofade::ClassProfile cls{QStringLiteral("c%1").arg(c), {}, nofade::EntropyHistogram(p.settings.bins)};
        const double centre = 3.0 + 3.0 * c / classes;
        // ImageNet's training set: most classes hold exactly 1300 images, about one in ten fewer.
        const int images = c % 10 == 9 ? 732 + (c * 37) % 568 : 1300;
        for (int i = 0; i < images; ++i) {
            const double h = std::clamp(centre + 0.8 * spread(rng), 0.0, 8.0);
            cls.moments.add(h);
            cls.histogram.add(h);
        }
        p.classes.push_back(std::move(cls));
    }
    const nofade::JsdKernel kernel = portable ? nofade::JsdKernel::Portable : nofade::JsdKernel::Auto;
    const bool avx2 = !portable && nofade::jsdKernelAvailable(nofade::JsdKernel::Avx2Fma);
    Timing current, reference;
    std::size_t pairs = 0, oldPairs = 0;
    double complexity = 0.0, oldComplexity = 0.0;
    for (int r = 0; r < repeats; ++r) {
        timeOnce(current, pairs, complexity, [&] {
            return portable ? jsdWith(p, [&](const auto& counts) { return nofade::pairwiseJensenShannon(counts, 0, kernel); })
                            : p.jsd();
        });
        if (old)
            timeOnce(reference, oldPairs, oldComplexity, [&] {
                return jsdWith(p, [](const auto& counts) { return nofade::bench::oldPairwiseJensenShannon(counts); });
            });
    }
    std::printf("%d %zu %.3f %.3f %s", classes, pairs, current.best(), current.median(), avx2 ? "avx2-fma" : "portable");
    if (old) {
        // Same pairs and the same C_JS (to rounding), or the comparison means nothing.
        if (oldPairs != pairs || std::abs(oldComplexity - complexity) > 1e-9 * std::max(1.0, std::abs(complexity))) {
            std::fprintf(stderr, "bench-jsd: old and new kernels disagree: C_JS %.17g vs %.17g\n", oldComplexity, complexity);
            return 1;
        }
        std::printf(" %.3f %.3f %.2f", reference.best(), reference.median(), reference.best() / current.best());
    }
    std::printf("\n");
    return 0;
}

// Time of the class-distance matrix and C_JS for C classes x 64 bins (histogram model), the cost
// a user pays when opening the heatmap of ImageNet. Prints: classes pairs milliseconds.
//
// usage: bench-jsd CLASSES [REPEATS]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>

#include "profile/profile.h"

int main(int argc, char** argv)
{
    const int classes = argc > 1 ? std::atoi(argv[1]) : 1000;
    const int repeats = argc > 2 ? std::atoi(argv[2]) : 3;
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
    double best = 1e30;
    std::size_t pairs = 0;
    for (int r = 0; r < repeats; ++r) {
        const auto start = std::chrono::steady_clock::now();
        const nofade::JsdSummary s = p.jsd();
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        pairs = s.pairs.size();
        best = std::min(best, ms);
    }
    std::printf("%d %zu %.3f\n", classes, pairs, best);
    return 0;
}

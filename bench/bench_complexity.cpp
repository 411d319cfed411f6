// Time of each dataset complexity measure (docs/METHODS.md) on Fashion-MNIST's 32x32 vectors:
// CLASSES x PER_CLASS images of the training set. Up to 10 classes they are the real classes;
// beyond, each real class is split into CLASSES/10 pseudo-classes of consecutive images (a
// fine-grained 1000-class problem from real images). Also the per-image SI and bpp cost.
// Prints one line per row: name points classes wall-ms cpu-ms (the fastest of REPEATS runs).
//
// usage: bench-complexity CLASSES PER_CLASS [REPEATS] [THREADS] [--brute] [ROWS]
// ROWS: a comma-separated subset of si,bpp,id,f1,n1,pca16,csg (default all).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <string>
#include <vector>
#include <sys/resource.h>
#include <zlib.h>

#include "complexity/borderline_n1.h"
#include "complexity/compressed_bpp.h"
#include "complexity/fisher_f1.h"
#include "complexity/intrinsic_dimension.h"
#include "complexity/pca_embedding.h"
#include "complexity/spatial_information.h"
#include "complexity/spectral_csg.h"

namespace {

constexpr const char* kImages = "/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz";
constexpr const char* kLabels = "/usr/share/datasets/fashion-mnist/train-labels-idx1-ubyte.gz";

std::vector<unsigned char> readGz(const char* path, std::size_t skip)
{
    gzFile f = gzopen(path, "rb");
    if (!f) {
        std::fprintf(stderr, "bench-complexity: cannot open %s (install dataset-fashion-mnist)\n", path);
        std::exit(1);
    }
    std::vector<unsigned char> all;
    unsigned char buffer[1 << 16];
    int n = 0;
    while ((n = gzread(f, buffer, sizeof buffer)) > 0)
        all.insert(all.end(), buffer, buffer + n);
    gzclose(f);
    all.erase(all.begin(), all.begin() + std::ptrdiff_t(skip));
    return all;
}

double cpuMs()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return (double(u.ru_utime.tv_sec) + double(u.ru_stime.tv_sec)) * 1e3 + (double(u.ru_utime.tv_usec) + double(u.ru_stime.tv_usec)) / 1e3;
}

// Wall and CPU (all threads) milliseconds of the fastest of `repeats` runs. On a shared machine
// the CPU time says what the work costs when the wall time is stretched by other processes.
std::pair<double, double> bestMs(int repeats, const std::function<void()>& work)
{
    std::pair<double, double> best{1e300, 0.0};
    for (int r = 0; r < repeats; ++r) {
        const double c0 = cpuMs();
        const auto t0 = std::chrono::steady_clock::now();
        work();
        const double wall = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        if (wall < best.first)
            best = {wall, cpuMs() - c0};
    }
    return best;
}

} // namespace

int main(int argc, char** argv)
{
    using namespace nofade;
    const int classes = argc > 1 ? std::atoi(argv[1]) : 10;
    const int perClass = argc > 2 ? std::atoi(argv[2]) : 250;
    const int repeats = argc > 3 ? std::atoi(argv[3]) : 1;
    const int threads = argc > 4 ? std::atoi(argv[4]) : 0;
    const bool brute = argc > 5 && std::strcmp(argv[5], "--brute") == 0;
    const std::string only = argc > 6 ? "," + std::string(argv[6]) + "," : std::string();
    const int split = std::max(1, classes / 10);

    const std::vector<unsigned char> pixels = readGz(kImages, 16);
    const std::vector<unsigned char> labels = readGz(kLabels, 8);
    VectorSet set;
    std::vector<cv::Mat> images;
    std::vector<int> taken(10, 0);
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const int label = labels[i];
        if (label >= std::min(classes, 10) || taken[std::size_t(label)] >= perClass * split)
            continue;
        const cv::Mat gray(28, 28, CV_8UC1, const_cast<unsigned char*>(pixels.data() + i * 784));
        set.vectors.push_back(smallVectorOf(gray));
        set.classes.push_back(label * split + taken[std::size_t(label)] / perClass);
        images.push_back(gray);
        ++taken[std::size_t(label)];
    }
    const ParallelRun run(threads);
    const long n = long(set.size());
    auto row = [&](const char* name, const std::function<void()>& work) {
        if (!only.empty() && only.find("," + std::string(name) + ",") == std::string::npos)
            return;
        const auto [wall, cpu] = bestMs(repeats, work);
        std::printf("%s %ld %d %.1f %.1f\n", name, n, classes, wall, cpu);
        std::fflush(stdout);
    };
    double sink = 0.0;
    row("si", [&] { for (const cv::Mat& m : images) sink += spatialInformation(m).value_or(0.0); });
    row("bpp", [&] { for (const cv::Mat& m : images) sink += compressedBitsPerPixel(m).value_or(0.0); });
    row("id", [&] { sink += twoNnIntrinsicDimension(set, run).value.value_or(0.0); });
    row("f1", [&] { sink += fisherF1(set).value.value_or(0.0); });
    row("n1", [&] { sink += borderlineN1(set, run).value.value_or(0.0); });
    row("pca16", [&] { sink += pcaEmbedding(set.vectors, 16, run).size(); });
    row("csg", [&] { sink += cumulativeSpectralGradient(set, run).value.value_or(0.0); });
    if (brute) {
        CsgOptions o;
        o.kdTree = false;
        row("csg-brute-force", [&] { sink += cumulativeSpectralGradient(set, run, o).value.value_or(0.0); });
    }
    std::fprintf(stderr, "(checksum %g)\n", sink);
    return 0;
}

// Time of the CO2 Monte Carlo (every model's energy and CO2 interval) and of the frontier analysis
// (four curve families, back-test, bootstrap of the chosen one) for the bundled corpus and for N
// synthetic models on one dataset. CLI-only: links the core.
// Prints: corpus models draws rounds monte_carlo_ms frontier_ms (the best of REPEATS runs).
//
// usage: bench-uncertainty bundled|synthetic [MODELS] [REPEATS] [DRAWS] [ROUNDS]
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "models/bundled_data.h"
#include "models/dataset_names.h"
#include "models/hardware_table.h"
#include "models/model_table.h"
#include "models/report_builder.h"
#include "uncertainty/frontier_analysis.h"
#include "uncertainty/model_uncertainty.h"

using namespace nofade;

namespace {

double msSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

// Scores rise and level off with CO2: y = 60 + 30 (1 - exp(-(x - x0))) plus a fixed wobble.
QByteArray syntheticTable(int models)
{
    QByteArray bytes = "model,task,dataset,score,compute,compute_unit,device,device_hours,hours_provenance,epochs,images_per_epoch\n";
    for (int i = 0; i < models; ++i) {
        const double hours = std::pow(10.0, 4.0 * (i % 1000) / 1000.0);
        const double score = 60.0 + 30.0 * (1.0 - std::exp(-std::log10(hours))) + 0.5 * std::sin(12.9898 * (i + 1));
        const bool estimated = i % 3 == 0;
        bytes += "m" + QByteArray::number(i) + ",classification,ImageNet," + QByteArray::number(score, 'f', 3) + ",4,GFLOPs,V100,"
                 + (estimated ? QByteArray(",," + QByteArray::number(hours, 'g', 6) + ",1281167")
                              : QByteArray(QByteArray::number(hours, 'g', 6) + (i % 3 == 1 ? ",reported,," : ",derived,,")))
                 + "\n";
    }
    return bytes;
}

} // namespace

int main(int argc, char** argv)
{
    const bool synthetic = argc > 1 && std::strcmp(argv[1], "synthetic") == 0;
    const int models = argc > 2 ? std::atoi(argv[2]) : 10000;
    const int repeats = argc > 3 ? std::atoi(argv[3]) : 3;
    ReportSettings settings;
    settings.uncertainty.bootstrapRounds = kDefaultBootstrapRounds;
    if (argc > 4)
        settings.uncertainty.draws = std::atoi(argv[4]);
    if (argc > 5)
        settings.uncertainty.bootstrapRounds = std::atoi(argv[5]);
    QStringList errors;
    const HardwareTable hardware = loadHardwareTable(&errors, QStringLiteral("/nonexistent.csv"));
    ModelTableOptions options;
    options.hardware = &hardware;
    const ModelTable table = ModelTable::fromCsv(synthetic ? syntheticTable(models) : bundledCorpusCsv(),
                                                 synthetic ? QStringLiteral("synthetic") : QStringLiteral("bundled corpus"), options);
    // The models' point estimates once; the Monte Carlo and the frontier are timed on their own.
    ReportSettings off = settings;
    off.uncertainty.draws = 0;
    off.uncertainty.bootstrapRounds = 0;
    const Report base = buildReport(table, hardware, {}, off);
    double bestMc = 1e30, bestFrontier = 1e30;
    int withInterval = 0;
    for (int r = 0; r < std::max(1, repeats); ++r) {
        Report report = base;
        std::vector<std::optional<Co2Sampler>> samplers;
        Co2MonteCarlo monteCarlo(settings.uncertainty, settings.lifeCycle);
        auto start = std::chrono::steady_clock::now();
        withInterval = 0;
        for (std::size_t i = 0; i < report.models.size(); ++i) {
            ModelResult m = base.models[i];
            samplers.push_back(applyUncertainty(table.rows()[i], m, hardware, settings, monteCarlo));
            withInterval += m.co2Spread ? 1 : 0;
        }
        bestMc = std::min(bestMc, msSince(start));
        start = std::chrono::steady_clock::now();
        for (const DatasetResult& d : base.datasets) {
            std::vector<FrontierPoint> points;
            for (const ModelResult& m : base.models)
                if (m.co2Kg && m.score && *m.co2Kg > 0.0 && datasetKey(m.dataset) == d.key) {
                    FrontierPoint p{m.model, *m.co2Kg, *m.score, {}};
                    if (const auto& s = samplers[std::size_t(m.row)])
                        p.drawCo2 = [s = &*s](SeededRandom& random) { return s->draw(random).co2Kg; };
                    points.push_back(std::move(p));
                }
            if (points.size() < 4)
                continue;
            FrontierSettings fs;
            fs.bootstrapRounds = settings.uncertainty.bootstrapRounds;
            const FrontierAnalysis a = analyseFrontier(points, fs);
            std::fprintf(stderr, "%s: %zu models, chosen %s, bootstrap %d/%d fitted\n", qPrintable(d.name), points.size(),
                         a.chosen ? qPrintable(curveFamilyName(*a.chosen)) : "none", a.bootstrapRounds - a.bootstrapFailed,
                         a.bootstrapRounds);
        }
        bestFrontier = std::min(bestFrontier, msSince(start));
    }
    std::printf("%s %d %d %d %.3f %.3f\n", synthetic ? "synthetic" : "bundled", int(base.models.size()),
                settings.uncertainty.draws, settings.uncertainty.bootstrapRounds, bestMc, bestFrontier);
    std::fprintf(stderr, "%d models with an interval\n", withInterval);
    return 0;
}

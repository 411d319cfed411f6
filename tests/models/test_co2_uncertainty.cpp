// CO2 with uncertainty and its life cycle: each life-cycle term by hand arithmetic (and BLOOM's
// published embodied figure), the Monte Carlo reproducing the point value exactly when every
// input is fixed, its intervals against the closed-form quantiles of uniform inputs, the seed,
// the what-if rankings by hand, and the report JSON reading back what it wrote.
#include <cmath>
#include <QJsonArray>
#include <QJsonObject>
#include <QtTest>

#include "models/carbon_table.h"
#include "models/hardware_table.h"
#include "models/model_table.h"
#include "models/report_builder.h"
#include "models/report_json.h"
#include "uncertainty/what_if.h"

using namespace nofade;

namespace {

bool close(double a, double b, double rel)
{
    return std::abs(a - b) <= rel * std::max(std::abs(a), std::abs(b));
}

const HardwareTable& hardware()
{
    static const HardwareTable hw = [] {
        QStringList errors;
        return HardwareTable::fromCsv("name,kind,tdp_watts,peak_tflops_fp32,aliases\n"
                                      "NVIDIA Tesla V100 SXM2 16GB,gpu,300,15.7,V100\n"
                                      "NVIDIA A100 SXM4 40/80GB,gpu,400,19.5,A100\n"
                                      "Mystery accelerator,gpu,200,,\n"
                                      "Intel Xeon E5-2699 v3,cpu,145,0.7,\n",
                                      QStringLiteral("hw.csv"), &errors);
    }();
    return hw;
}

// A: 10 reported V100-hours -> 3 kWh -> 2.121 kg at 0.707 kg/kWh. B: 100 derived hours -> 30 kWh
// -> 21.21 kg. C: estimated from 4 GFLOPs x 1000 images x 10 epochs (FLOPs: may be MACs).
// D: the same in GMACs (known to be MACs).
const QByteArray kTable =
    "model,task,dataset,score,compute,compute_unit,device,device_hours,hours_provenance,epochs,images_per_epoch\n"
    "A,classification,ImageNet,70,1,GFLOPs,V100,10,reported,,\n"
    "B,classification,ImageNet,76,2,GFLOPs,V100,100,derived,,\n"
    "C,classification,ImageNet,74,4,GFLOPs,V100,,,10,1000\n"
    "D,classification,ImageNet,75,2,GMACs,V100,,,10,1000\n";

Report build(const ReportSettings& settings)
{
    ModelTableOptions options;
    options.hardware = &hardware();
    return buildReport(ModelTable::fromCsv(kTable, QStringLiteral("t.csv"), options), hardware(), {}, settings);
}

ReportSettings fixedSettings()
{
    ReportSettings s;
    s.uncertainty = fixedInputs(s.pue, s.kgPerKwh, s.utilisation);
    s.uncertainty.bootstrapRounds = 0;
    return s;
}

// Embodied kg per device-hour with BLOOM's constants: (150 + 2500 / 8) / (6 x 8760 x 0.85).
constexpr double kEmbodiedPerHour = 462.5 / 44676.0;

} // namespace

class Co2UncertaintyTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void operationalOnlyByDefault()
    {
        const Report r = build(ReportSettings{});
        QCOMPARE(*r.models[0].co2Kg, 10.0 * 300.0 / 1000.0 * 0.707);
        QCOMPARE(r.models[0].co2Terms->operationalKg, *r.models[0].co2Kg);
        QVERIFY(!r.models[0].co2Terms->idleKg && !r.models[0].co2Terms->embodiedKg);
    }

    void lifeCycleTermsByHand()
    {
        ReportSettings s = fixedSettings();
        s.lifeCycle.idle = true;
        s.lifeCycle.idleShare = 0.5;
        s.lifeCycle.embodied = true;
        const Report r = build(s);
        // A: operational 2.121, idle 0.5 x 3 kWh x 0.707 = 1.0605, embodied 10 h x 462.5 / 44676.
        const ModelResult& a = r.models[0];
        QVERIFY(close(a.co2Terms->operationalKg, 2.121, 1e-12));
        QVERIFY(close(*a.co2Terms->idleKg, 1.0605, 1e-12));
        QVERIFY(close(*a.co2Terms->embodiedKg, 0.10352314441758439, 1e-12));
        QVERIFY(close(*a.co2Kg, 2.121 + 1.0605 + 0.10352314441758439, 1e-12));
        QVERIFY(close(*a.energyKwh, 4.5, 1e-12)); // 3 kWh + 1.5 kWh idle
        // B: 100 h: 21.21 + 10.605 + 1.0352314441758439.
        const ModelResult& b = r.models[1];
        QVERIFY(close(*b.co2Kg, 21.21 + 10.605 + 1.0352314441758439, 1e-12));
        // The fixed-input Monte Carlo of a life-cycle total is that total.
        QCOMPARE(b.co2Spread->median, *b.co2Kg);
        // BLOOM (Luccioni et al. 2023): 1,082,990 A100-hours -> "11.2 tonnes" of embodied CO2.
        QVERIFY(close(1082990.0 * embodiedKgPerDeviceHour(LifeCycleSettings{}), 11200.0, 0.005));
        QVERIFY(close(embodiedKgPerDeviceHour(LifeCycleSettings{}), kEmbodiedPerHour, 1e-15));
        // BLOOM's idle share: 256,646 kWh beside 433,196 kWh of dynamic consumption.
        QVERIFY(close(LifeCycleSettings{}.idleShare, 0.592447760367, 1e-11));
    }

    void fixedInputsGiveThePointValueExactly()
    {
        const Report r = build(fixedSettings());
        for (const ModelResult& m : r.models) {
            QVERIFY2(m.co2Kg && m.co2Spread, qPrintable(m.model + QStringLiteral(": ") + m.intervalReason));
            QCOMPARE(m.co2Spread->median, *m.co2Kg);
            QCOMPARE(m.co2Spread->interval.low, *m.co2Kg);
            QCOMPARE(m.co2Spread->interval.high, *m.co2Kg);
            QCOMPARE(m.energySpread->median, *m.energyKwh);
        }
        QCOMPARE(r.models[2].hoursProvenance, QStringLiteral("estimated"));
    }

    void uniformIntensityGivesUniformQuantiles()
    {
        // Only the intensity varies, uniform on [0.2, 0.8]: CO2 = 3 kWh x U, whose p-quantile is
        // 3 (0.2 + 0.6 p). The sample quantile's standard error is sqrt(p (1 - p) / n) x 0.6 x 3.
        ReportSettings s = fixedSettings();
        s.uncertainty.kgPerKwh = {0.2, 0.8};
        const Report r = build(s);
        const Spread& a = *r.models[0].co2Spread;
        const double n = s.uncertainty.draws;
        auto tolerance = [&](double p) { return 5.0 * std::sqrt(p * (1.0 - p) / n) * 1.8; };
        QVERIFY2(std::abs(a.interval.low - 3.0 * 0.23) < tolerance(0.05), qPrintable(QString::number(a.interval.low)));
        QVERIFY2(std::abs(a.median - 3.0 * 0.5) < tolerance(0.5), qPrintable(QString::number(a.median)));
        QVERIFY2(std::abs(a.interval.high - 3.0 * 0.77) < tolerance(0.95), qPrintable(QString::number(a.interval.high)));
        // The energy does not depend on the intensity.
        QCOMPARE(r.models[0].energySpread->interval.low, 3.0);
        QCOMPARE(r.models[0].co2Kg.value(), 2.121); // the point value is unchanged
    }

    void utilisationRangeOfEstimatedHours()
    {
        // Estimated hours scale as u_point / u, u uniform on [0.25, 0.56]: the 5th percentile of
        // CO2 comes from the 95th of u, and so on (standard error of u's quantile ~ 0.0007).
        ReportSettings s = fixedSettings();
        s.uncertainty.utilisation = {0.25, 0.56};
        const Report r = build(s);
        const ModelResult& c = r.models[2];
        const double point = *c.co2Kg;
        QVERIFY(close(c.co2Spread->interval.low, point * 0.33 / (0.25 + 0.95 * 0.31), 0.015));
        QVERIFY(close(c.co2Spread->median, point * 0.33 / (0.25 + 0.5 * 0.31), 0.015));
        QVERIFY(close(c.co2Spread->interval.high, point * 0.33 / (0.25 + 0.05 * 0.31), 0.015));
        // Reported and derived rows do not use the utilisation.
        QCOMPARE(r.models[0].co2Spread->median, *r.models[0].co2Kg);
    }

    void flopsThatMayBeMacs()
    {
        // Certainly MACs: every draw doubles the FLOPs of a row written in FLOPs, not of one in GMACs.
        ReportSettings s = fixedSettings();
        s.uncertainty.flopsAreMacsProbability = 1.0;
        const Report r = build(s);
        QVERIFY(close(r.models[2].co2Spread->median, 2.0 * *r.models[2].co2Kg, 1e-12));
        QCOMPARE(r.models[3].co2Spread->median, *r.models[3].co2Kg);
    }

    void sharedDrawsEqualEachModelsOwnDraws()
    {
        // The shared, ordered draws give the same quantiles as sorting one model's own draws:
        // the same factor stream, every draw evaluated for this model, numpy-style quantiles.
        ReportSettings s;
        s.uncertainty.draws = 3000;
        s.lifeCycle.idle = true;
        s.lifeCycle.embodied = true; // the CO2 ordering then depends on the TDP
        Co2MonteCarlo shared(s.uncertainty, s.lifeCycle);
        for (const Co2Inputs& in : {Co2Inputs{10.0, HoursOrigin::Reported, 0.33, false, 300.0},
                                    Co2Inputs{250.0, HoursOrigin::Estimated, 0.33, true, 70.0},
                                    Co2Inputs{3.0, HoursOrigin::Estimated, 0.33, true, 700.0}}) {
            const MonteCarloResult r = shared.run(in);
            SeededRandom random = SeededRandom::stream(s.uncertainty.seed, std::uint64_t(2 * int(in.origin) + (in.flopsMaybeMacs ? 1 : 0)));
            std::vector<double> energy, co2;
            for (int i = 0; i < s.uncertainty.draws; ++i) {
                const Co2Draw d = evaluateDraw(in, drawFactors(in, s.uncertainty, random), s.lifeCycle);
                energy.push_back(d.energyKwh);
                co2.push_back(d.co2Kg);
            }
            const Spread e = spreadOf(energy), c = spreadOf(co2);
            QVERIFY(close(r.co2Kg.median, c.median, 1e-12));
            QVERIFY(close(r.co2Kg.interval.low, c.interval.low, 1e-12));
            QVERIFY(close(r.co2Kg.interval.high, c.interval.high, 1e-12));
            QVERIFY(close(r.energyKwh.interval.low, e.interval.low, 1e-12));
            QVERIFY(close(r.energyKwh.interval.high, e.interval.high, 1e-12));
        }
    }

    void seededAndReproducible()
    {
        ReportSettings s;
        s.uncertainty.bootstrapRounds = 0;
        const Report a = build(s), b = build(s);
        for (std::size_t i = 0; i < a.models.size(); ++i) {
            QCOMPARE(a.models[i].co2Spread->median, b.models[i].co2Spread->median);
            QCOMPARE(a.models[i].co2Spread->interval, b.models[i].co2Spread->interval);
            QVERIFY(a.models[i].co2Spread->interval.low < a.models[i].co2Spread->interval.high);
        }
        s.uncertainty.seed = 7;
        const Report c = build(s);
        QVERIFY(c.models[0].co2Spread->median != a.models[0].co2Spread->median);
        s.uncertainty.draws = 0;
        const Report off = build(s);
        QVERIFY(!off.models[0].co2Spread);
        QCOMPARE(off.models[0].intervalReason, QStringLiteral("the Monte Carlo is off (0 draws)"));
    }

    void whatIfRanksRegionsAndDevicesByHand()
    {
        const Report r = build(ReportSettings{});
        const WhatIf w = whatIf(r.models[0], hardware(), CarbonTable::bundled(), r.settings);
        QVERIFY2(w.reason.isEmpty(), qPrintable(w.reason));
        QCOMPARE(w.regions.size(), CarbonTable::bundled().regions().size());
        for (std::size_t i = 1; i < w.regions.size(); ++i)
            QVERIFY(w.regions[i - 1].co2Kg <= w.regions[i].co2Kg);
        for (const WhatIfRow& row : w.regions)
            QVERIFY(close(row.co2Kg, 3.0 * CarbonTable::bundled().find(row.name)->kgPerKwh, 1e-12) || row.co2Kg == 0.0);
        // Devices: V100 (its own) and A100 (10 x 15.7 / 19.5 h at 400 W); the device without a
        // peak is left out, the CPU is not an accelerator.
        QCOMPARE(w.devices.size(), std::size_t(2));
        QCOMPARE(w.skippedDevices, QStringList{"Mystery accelerator"});
        const double a100Hours = 10.0 * 15.7 / 19.5;
        const WhatIfRow& a100 = w.devices[0].name.startsWith(QLatin1String("NVIDIA A100")) ? w.devices[0] : w.devices[1];
        QVERIFY(close(*a100.deviceHours, a100Hours, 1e-12));
        QVERIFY(close(a100.co2Kg, a100Hours * 400.0 / 1000.0 * 0.707, 1e-12));
        QVERIFY(w.devices[0].co2Kg <= w.devices[1].co2Kg);
        const WhatIfRow& own = w.devices[0].current ? w.devices[0] : w.devices[1];
        QCOMPARE(own.co2Kg, *r.models[0].co2Kg);
        ReportSettings eq1;
        eq1.method = Co2Method::PaperEq1;
        QVERIFY(!whatIf(r.models[0], hardware(), CarbonTable::bundled(), eq1).reason.isEmpty());
    }

    void jsonReadsBackWhatItWrote()
    {
        ReportSettings s;
        s.uncertainty.draws = 2000;
        s.uncertainty.bootstrapRounds = 50;
        s.lifeCycle.embodied = true;
        s.lifeCycle.idle = true;
        const Report original = build(s);
        QString error;
        const QByteArray bytes = reportToJsonBytes(original);
        const auto reloaded = reportFromJsonBytes(bytes, &error);
        QVERIFY2(reloaded, qPrintable(error));
        QCOMPARE(reportToJsonBytes(*reloaded), bytes);
        QCOMPARE(reloaded->settings.uncertainty.draws, 2000);
        QVERIFY(reloaded->settings.lifeCycle.embodied);
        QCOMPARE(*reloaded->models[0].co2Terms->embodiedKg, *original.models[0].co2Terms->embodiedKg);
        QCOMPARE(reloaded->models[1].co2Spread->interval, original.models[1].co2Spread->interval);
        QCOMPARE(reloaded->datasets[0].frontier.chosen, original.datasets[0].frontier.chosen);
        QVERIFY(bytes.contains("\"next_point_co2_kg\""));
        QVERIFY(bytes.contains("\"co2_kg_interval\""));
        // A report written before these keys existed still reads, without intervals or families.
        QJsonObject old = reportToJson(original);
        QJsonObject settings = old.value("settings").toObject();
        settings.remove("uncertainty");
        settings.remove("life_cycle");
        old.insert("settings", settings);
        QJsonArray models = old.value("models").toArray();
        for (int i = 0; i < models.size(); ++i) {
            QJsonObject m = models[i].toObject();
            for (const char* key : {"co2_kg_median", "co2_kg_interval", "co2_kg_interval_reason", "energy_kwh_median",
                                    "energy_kwh_interval", "co2_terms"})
                m.remove(key);
            models[i] = m;
        }
        old.insert("models", models);
        QJsonArray datasets = old.value("datasets").toArray();
        QJsonObject d = datasets[0].toObject();
        for (const char* key : {"fits", "chosen_family", "chosen_reason", "backtest_held_out", "y_max_interval",
                                "y_max_interval_reason", "knee_co2_kg_interval", "knee_co2_kg_interval_reason",
                                "next_point_co2_kg", "bootstrap"})
            d.remove(key);
        datasets[0] = d;
        old.insert("datasets", datasets);
        const auto older = reportFromJson(old, &error);
        QVERIFY2(older, qPrintable(error));
        QVERIFY(!older->models[0].co2Spread && older->datasets[0].frontier.families.empty());
        QCOMPARE(*older->models[0].co2Kg, *original.models[0].co2Kg);
        // A malformed interval is named.
        QJsonObject broken = reportToJson(original);
        QJsonArray brokenModels = broken.value("models").toArray();
        QJsonObject first = brokenModels[0].toObject();
        first.insert("co2_kg_interval", QJsonArray{1.0});
        brokenModels[0] = first;
        broken.insert("models", brokenModels);
        QVERIFY(!reportFromJson(broken, &error));
        QCOMPARE(error, QStringLiteral("models[0].co2_kg_interval: not [low, high] or null"));
    }
};

QTEST_GUILESS_MAIN(Co2UncertaintyTest)
#include "test_co2_uncertainty.moc"

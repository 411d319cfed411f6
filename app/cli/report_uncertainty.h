#pragma once
// nofade-cli report: the options of the CO2 uncertainty, life-cycle terms and bootstrap, the
// next-point lines of the summary, and --what-if (docs/CLI.md).
#include <QCommandLineParser>
#include <QString>

#include "models/report.h"

namespace nofade {
class CarbonTable;
class HardwareTable;
}

namespace nofade::cli {

struct UncertaintyOptions {
    QCommandLineOption draws{QStringLiteral("draws"), QStringLiteral("Monte Carlo draws per model for the CO2 intervals (default 10000; 0: no intervals)."),
                             QStringLiteral("N"), QStringLiteral("10000")};
    QCommandLineOption seed{QStringLiteral("seed"), QStringLiteral("Seed of the Monte Carlo and the bootstrap (default 1)."), QStringLiteral("S"),
                            QStringLiteral("1")};
    QCommandLineOption bootstrap{QStringLiteral("bootstrap"), QStringLiteral("Bootstrap replicates of the frontier fits (default 1000; 0: none)."),
                                 QStringLiteral("B"), QStringLiteral("1000")};
    QCommandLineOption reportedHours{QStringLiteral("hours-reported"), QStringLiteral("Factor range on reported hours, LO:HI (default 0.9:1.1)."),
                                     QStringLiteral("LO:HI")};
    QCommandLineOption derivedHours{QStringLiteral("hours-derived"), QStringLiteral("Factor range on derived hours, LO:HI (default 0.75:1.25)."),
                                    QStringLiteral("LO:HI")};
    QCommandLineOption utilisationRange{QStringLiteral("utilisation-range"), QStringLiteral("Utilisation range of estimated hours, LO:HI (default 0.25:0.56)."),
                                        QStringLiteral("LO:HI")};
    QCommandLineOption drawRange{QStringLiteral("draw-range"), QStringLiteral("The device's real draw as a share of its TDP, LO:HI (default 0.7:1)."),
                                 QStringLiteral("LO:HI")};
    QCommandLineOption pueRange{QStringLiteral("pue-range"), QStringLiteral("PUE range, LO:HI (default 1:1.58; --pue X alone fixes it at X)."),
                                QStringLiteral("LO:HI")};
    QCommandLineOption intensityRange{QStringLiteral("intensity-range"), QStringLiteral("Carbon-intensity range in kg/kWh, LO:HI (default 0.3695:0.707; "
                                      "--intensity or --region alone fixes it)."), QStringLiteral("LO:HI")};
    QCommandLineOption flopsAreMacs{QStringLiteral("flops-are-macs"), QStringLiteral("Probability that a count written as FLOPs is MACs (default 0.5)."),
                                    QStringLiteral("P")};
    QCommandLineOption fixedInputs{QStringLiteral("fixed-inputs"), QStringLiteral("Fix every input at its point value (the intervals collapse to it).")};
    QCommandLineOption idle{QStringLiteral("idle"), QStringLiteral("Add the idle and infrastructure term (BLOOM's share, 0.592 of the operational energy).")};
    QCommandLineOption idleShare{QStringLiteral("idle-share"), QStringLiteral("Add the idle term with this share of the operational energy."),
                                 QStringLiteral("X")};
    QCommandLineOption embodied{QStringLiteral("embodied"), QStringLiteral("Add the embodied emissions of the hardware, amortised over its lifetime.")};
    QCommandLineOption deviceKg{QStringLiteral("embodied-device-kg"), QStringLiteral("Embodied kg CO2 of one accelerator (150, BLOOM's A100)."),
                                QStringLiteral("KG")};
    QCommandLineOption serverKg{QStringLiteral("embodied-server-kg"), QStringLiteral("Embodied kg CO2 of one server (2500, BLOOM's HPE Apollo 6500)."),
                                QStringLiteral("KG")};
    QCommandLineOption perServer{QStringLiteral("devices-per-server"), QStringLiteral("Accelerators per server (8)."), QStringLiteral("N")};
    QCommandLineOption lifetime{QStringLiteral("lifetime-years"), QStringLiteral("Hardware lifetime in years (6)."), QStringLiteral("Y")};
    QCommandLineOption useRate{QStringLiteral("use-rate"), QStringLiteral("Share of its lifetime the hardware is in use (0.85)."), QStringLiteral("R")};
    QCommandLineOption whatIf{QStringLiteral("what-if"), QStringLiteral("Print MODEL's CO2 in every region and on every accelerator, ranked. Repeatable."),
                              QStringLiteral("MODEL")};

    void addTo(QCommandLineParser& parser) const;
    // Sets s.uncertainty and s.lifeCycle; the point PUE and intensity must be set already.
    // Empty when fine, else the usage error.
    QString apply(const QCommandLineParser& parser, bool pueGiven, bool intensityGiven, ReportSettings& s) const;
};

// One line: how the intervals are made and which life-cycle terms are counted.
QString uncertaintySummary(const ReportSettings& s);

// "next point: ..." and the families of one dataset, for the summary (empty without a fit).
QString frontierSummary(const DatasetResult& d);

// The --what-if text for every model named `name` (case-insensitive); empty when none is.
QString whatIfText(const Report& report, const QString& name, const HardwareTable& hardware, const CarbonTable& carbon);

} // namespace nofade::cli

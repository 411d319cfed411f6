#include "report_uncertainty.h"

#include <cmath>

#include "models/carbon_table.h"
#include "models/hardware_table.h"
#include "models/text_values.h"
#include "uncertainty/what_if.h"

namespace nofade::cli {

namespace {

QString kg(double v)
{
    if (!std::isfinite(v))
        return QStringLiteral("unbounded");
    return QString::number(v, 'g', 3);
}

} // namespace

void UncertaintyOptions::addTo(QCommandLineParser& parser) const
{
    for (const QCommandLineOption* o : {&draws, &seed, &bootstrap, &reportedHours, &derivedHours, &utilisationRange, &drawRange, &pueRange,
                                        &intensityRange, &flopsAreMacs, &fixedInputs, &idle, &idleShare, &embodied, &deviceKg, &serverKg,
                                        &perServer, &lifetime, &useRate, &whatIf})
        parser.addOption(*o);
}

QString UncertaintyOptions::apply(const QCommandLineParser& parser, bool pueGiven, bool intensityGiven, ReportSettings& s) const
{
    UncertaintySettings& u = s.uncertainty;
    LifeCycleSettings& l = s.lifeCycle;
    auto whole = [&](const QCommandLineOption& o, int* into, const QString& what) -> QString {
        bool ok = false;
        const int v = parser.value(o).toInt(&ok);
        if (!ok || v < 0)
            return QStringLiteral("--%1 must be a whole number >= 0 (%2)").arg(o.names().first(), what);
        *into = v;
        return {};
    };
    if (QString e = whole(draws, &u.draws, QStringLiteral("Monte Carlo draws")); !e.isEmpty())
        return e;
    if (QString e = whole(bootstrap, &u.bootstrapRounds, QStringLiteral("bootstrap replicates")); !e.isEmpty())
        return e;
    bool ok = false;
    const qulonglong seedValue = parser.value(seed).toULongLong(&ok);
    if (!ok || seedValue > (1ULL << 53) - 1)
        return QStringLiteral("--seed must be a whole number from 0 to 2^53-1 (got \"%1\")").arg(parser.value(seed));
    u.seed = seedValue;
    if (parser.isSet(fixedInputs))
        u = [&] {
            UncertaintySettings f = nofade::fixedInputs(s.pue, s.kgPerKwh, s.utilisation);
            f.draws = u.draws;
            f.seed = u.seed;
            f.bootstrapRounds = u.bootstrapRounds;
            return f;
        }();
    if (pueGiven)
        u.pue = {s.pue, s.pue};
    if (intensityGiven)
        u.kgPerKwh = {s.kgPerKwh, s.kgPerKwh};
    const std::pair<const QCommandLineOption*, UniformRange*> ranges[] = {
        {&reportedHours, &u.reportedHours}, {&derivedHours, &u.derivedHours}, {&utilisationRange, &u.utilisation},
        {&drawRange, &u.drawOfTdp},         {&pueRange, &u.pue},              {&intensityRange, &u.kgPerKwh}};
    for (const auto& [option, range] : ranges) {
        if (!parser.isSet(*option))
            continue;
        *range = rangeFromText(parser.value(*option), &ok);
        if (!ok)
            return QStringLiteral("--%1 takes LO:HI or one number, LO <= HI (got \"%2\")").arg(option->names().first(), parser.value(*option));
    }
    auto number = [&](const QCommandLineOption& o, double* into) -> QString {
        if (!parser.isSet(o))
            return {};
        const auto v = parseNumber(parser.value(o));
        if (!v)
            return QStringLiteral("--%1 must be a number (got \"%2\")").arg(o.names().first(), parser.value(o));
        *into = *v;
        return {};
    };
    for (const auto& [option, into] : {std::pair{&flopsAreMacs, &u.flopsAreMacsProbability}, std::pair{&idleShare, &l.idleShare},
                                       std::pair{&deviceKg, &l.deviceKg}, std::pair{&serverKg, &l.serverKg},
                                       std::pair{&perServer, &l.devicesPerServer}, std::pair{&lifetime, &l.lifetimeYears},
                                       std::pair{&useRate, &l.useRate}})
        if (QString e = number(*option, into); !e.isEmpty())
            return e;
    l.idle = parser.isSet(idle) || parser.isSet(idleShare);
    l.embodied = parser.isSet(embodied);
    for (const QCommandLineOption* o : {&deviceKg, &serverKg, &perServer, &lifetime, &useRate})
        if (parser.isSet(*o) && !l.embodied)
            return QStringLiteral("--%1 needs --embodied").arg(o->names().first());
    return {};
}

QString uncertaintySummary(const ReportSettings& s)
{
    QStringList terms{QStringLiteral("operational")};
    if (s.lifeCycle.idle)
        terms << QStringLiteral("idle (%1 of the energy)").arg(formatNumber(s.lifeCycle.idleShare));
    if (s.lifeCycle.embodied)
        terms << QStringLiteral("embodied (%1 kg CO2 per device-hour)").arg(QString::number(embodiedKgPerDeviceHour(s.lifeCycle), 'g', 4));
    const QString draws = s.uncertainty.draws > 0
                              ? QStringLiteral("90% intervals from %1 Monte Carlo draws per model").arg(s.uncertainty.draws)
                              : QStringLiteral("no CO2 intervals");
    const QString rounds = s.uncertainty.bootstrapRounds > 0
                               ? QStringLiteral("%1 bootstrap replicates per dataset").arg(s.uncertainty.bootstrapRounds)
                               : QStringLiteral("no bootstrap");
    return QStringLiteral("  CO2 = %1; %2, %3, seed %4 (METHODS.md sections 8-10)\n")
        .arg(terms.join(QStringLiteral(" + ")), draws, rounds)
        .arg(s.uncertainty.seed);
}

QString frontierSummary(const DatasetResult& d)
{
    const FrontierAnalysis& a = d.frontier;
    if (a.families.empty())
        return {};
    QString text;
    if (const auto& n = a.nextPoint) {
        if (n->reachable) {
            text += QStringLiteral("    next point: +%1 kg CO2 beyond %2 for %3 -> %4 (fit %5)")
                        .arg(kg(n->value), n->fromModel, QString::number(n->fromScore, 'f', 2),
                             QString::number(n->targetScore, 'f', 2), curveFamilyName(*a.chosen));
            if (n->interval)
                text += QStringLiteral(", 90% interval %1 to %2 kg").arg(kg(n->interval->low), kg(n->interval->high));
            else
                text += QStringLiteral(", no interval: %1").arg(n->intervalReason);
            if (n->interval && n->unreachableShare > 0.0)
                text += QStringLiteral(" (not reachable in %1% of the bootstrap replicates)").arg(QString::number(100.0 * n->unreachableShare, 'f', 1));
        } else {
            text += QStringLiteral("    next point: not reachable beyond %1: %2 (fit %3)").arg(n->fromModel, n->reason, curveFamilyName(*a.chosen));
        }
        text += QLatin1Char('\n');
    } else {
        text += QStringLiteral("    next point: no fit: %1\n").arg(a.chosenReason);
    }
    QStringList families;
    std::optional<double> bestAicc;
    for (const FamilyResult& f : a.families)
        if (f.fit && f.fit->aicc && (!bestAicc || *f.fit->aicc < *bestAicc))
            bestAicc = f.fit->aicc;
    for (const FamilyResult& f : a.families) {
        QString item = curveFamilyName(f.family) + (a.chosen && *a.chosen == f.family ? QStringLiteral(" (chosen)") : QString());
        if (!f.fit)
            item += QStringLiteral(": no fit");
        else
            item += QStringLiteral(": AICc %1, R2 %2")
                        .arg(f.fit->aicc ? QStringLiteral("%1 (+%2)").arg(QString::number(*f.fit->aicc, 'f', 2),
                                                                        QString::number(*f.fit->aicc - *bestAicc, 'f', 2))
                                         : QStringLiteral("- (%1)").arg(f.fit->aiccReason),
                             QString::number(f.fit->r2, 'f', 3));
        item += f.backtestMae ? QStringLiteral(", back-test MAE %1").arg(QString::number(*f.backtestMae, 'f', 2)) : QString();
        families << item;
    }
    text += QStringLiteral("    families: %1\n").arg(families.join(QStringLiteral("; ")));
    return text;
}

QString whatIfText(const Report& report, const QString& name, const HardwareTable& hardware, const CarbonTable& carbon)
{
    QString text;
    for (const ModelResult& m : report.models) {
        if (m.model.compare(name, Qt::CaseInsensitive) != 0)
            continue;
        const WhatIf w = whatIf(m, hardware, carbon, report.settings);
        text += QStringLiteral("What if %1 (%2, row %3), operational CO2, lowest first (* its own):\n").arg(m.model, m.dataset).arg(m.row + 1);
        if (w.regions.empty() && w.devices.empty()) {
            text += QStringLiteral("  no what-if: %1\n").arg(w.reason);
            continue;
        }
        text += QStringLiteral("  by region (same energy, %1 kWh):\n").arg(kg(w.regions.empty() ? 0.0 : w.regions.front().energyKwh));
        for (const WhatIfRow& r : w.regions)
            text += QStringLiteral("  %1 %2 kg  %3 (%4)\n").arg(r.current ? QStringLiteral("*") : QStringLiteral(" "), kg(r.co2Kg).rightJustified(9), r.name, r.note);
        if (w.devices.empty()) {
            text += QStringLiteral("  no device ranking: %1\n").arg(w.reason);
            continue;
        }
        text += QStringLiteral("  by accelerator (same training FLOPs at each device's peak FP32, %1 kg CO2/kWh):\n").arg(formatNumber(report.settings.kgPerKwh));
        for (const WhatIfRow& r : w.devices)
            text += QStringLiteral("  %1 %2 kg  %3 (%4 device-hours; %5)\n")
                        .arg(r.current ? QStringLiteral("*") : QStringLiteral(" "), kg(r.co2Kg).rightJustified(9), r.name, kg(*r.deviceHours), r.note);
        if (!w.skippedDevices.isEmpty())
            text += QStringLiteral("  left out (no peak FP32 in the hardware table): %1\n").arg(w.skippedDevices.join(QStringLiteral(", ")));
    }
    return text;
}

} // namespace nofade::cli

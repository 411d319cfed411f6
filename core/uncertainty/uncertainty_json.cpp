#include "uncertainty/uncertainty_json.h"

#include <cmath>
#include <limits>
#include <QJsonArray>

#include "models/json_field_reader.h"

namespace nofade {

namespace {

// A bound that is not finite (the next point's cost when some replicates never reach it) is null.
QJsonValue bound(double v)
{
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}

QJsonValue pair(double low, double high)
{
    return QJsonArray{bound(low), bound(high)};
}

QJsonValue rangeJson(const UniformRange& r)
{
    return pair(r.low, r.high);
}

QJsonValue intervalJson(const std::optional<Interval90>& i)
{
    return i ? pair(i->low, i->high) : QJsonValue(QJsonValue::Null);
}

QJsonValue number(const std::optional<double>& v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

void putInterval(QJsonObject& o, const QString& key, const std::optional<Interval90>& i, const QString& reason)
{
    o.insert(key, intervalJson(i));
    if (!i)
        o.insert(key + QStringLiteral("_reason"), reason);
}

// [low, high] of two numbers, or null; anything else fails.
std::optional<Interval90> readInterval(JsonFieldReader& in, const QString& key)
{
    const QJsonValue v = in.value(key);
    if (v.isNull())
        return std::nullopt;
    const QJsonArray a = v.toArray();
    auto ok = [](const QJsonValue& b) { return b.isDouble() || b.isNull(); };
    if (!v.isArray() || a.size() != 2 || !ok(a[0]) || !ok(a[1])) {
        in.fail(key, QStringLiteral("not [low, high] or null"));
        return std::nullopt;
    }
    const double inf = std::numeric_limits<double>::infinity();
    return Interval90{a[0].isNull() ? -inf : a[0].toDouble(), a[1].isNull() ? inf : a[1].toDouble()};
}

UniformRange readRange(JsonFieldReader& in, const QString& key)
{
    const auto i = readInterval(in, key);
    if (!i) {
        in.fail(key, QStringLiteral("not [low, high]"));
        return {};
    }
    return {i->low, i->high};
}

QJsonObject fitJson(const FamilyResult& f)
{
    QJsonObject o;
    o.insert(QStringLiteral("family"), curveFamilyName(f.family));
    if (f.fit) {
        QJsonObject p;
        const QStringList names = curveParameterNames(f.family);
        for (int i = 0; i < names.size(); ++i)
            p.insert(names[i], f.fit->curve.parameters[std::size_t(i)]);
        o.insert(QStringLiteral("parameters"), p);
        o.insert(QStringLiteral("x_min"), f.fit->curve.xMin);
        o.insert(QStringLiteral("points"), f.fit->points);
        o.insert(QStringLiteral("rss"), f.fit->rss);
        o.insert(QStringLiteral("r2"), f.fit->r2);
        o.insert(QStringLiteral("aicc"), number(f.fit->aicc));
        if (!f.fit->aicc)
            o.insert(QStringLiteral("aicc_reason"), f.fit->aiccReason);
    } else {
        o.insert(QStringLiteral("parameters"), QJsonValue(QJsonValue::Null));
        o.insert(QStringLiteral("reason"), f.reason);
    }
    o.insert(QStringLiteral("backtest_mae"), number(f.backtestMae));
    if (!f.backtestMae)
        o.insert(QStringLiteral("backtest_mae_reason"), f.backtestReason);
    return o;
}

FamilyResult readFit(const QJsonObject& o, const QString& path, QString* error)
{
    JsonFieldReader in(o, path, error);
    FamilyResult f;
    f.family = in.parsed(QStringLiteral("family"), curveFamilyFromName, CurveFamily::LogLinear);
    const QJsonValue p = in.value(QStringLiteral("parameters"));
    if (p.isNull()) {
        f.reason = in.text(QStringLiteral("reason"));
    } else {
        JsonFieldReader params(p.toObject(), path + QStringLiteral("parameters."), error);
        CurveFit fit;
        fit.curve.family = f.family;
        for (const QString& name : curveParameterNames(f.family))
            fit.curve.parameters.push_back(params.number(name));
        fit.curve.xMin = in.number(QStringLiteral("x_min"));
        const double points = in.number(QStringLiteral("points"));
        if (!(points >= 0.0 && points <= 1e9))
            in.fail(QStringLiteral("points"), QStringLiteral("not a count of models"));
        fit.points = in.ok() ? int(points) : 0;
        fit.rss = in.number(QStringLiteral("rss"));
        fit.r2 = in.number(QStringLiteral("r2"));
        fit.aicc = in.optionalNumber(QStringLiteral("aicc"), &fit.aiccReason);
        f.fit = fit;
    }
    f.backtestMae = in.optionalNumber(QStringLiteral("backtest_mae"), &f.backtestReason);
    return f;
}

QJsonObject nextPointJson(const NextPoint& n)
{
    QJsonObject o;
    o.insert(QStringLiteral("reachable"), n.reachable);
    if (n.reachable) {
        o.insert(QStringLiteral("value"), n.value);
        putInterval(o, QStringLiteral("interval"), n.interval, n.intervalReason);
        o.insert(QStringLiteral("unreachable_share"), n.unreachableShare);
    } else {
        o.insert(QStringLiteral("reason"), n.reason);
    }
    o.insert(QStringLiteral("from_model"), n.fromModel);
    o.insert(QStringLiteral("from_score"), n.fromScore);
    o.insert(QStringLiteral("target_score"), n.targetScore);
    return o;
}

NextPoint readNextPoint(const QJsonObject& o, const QString& path, QString* error)
{
    JsonFieldReader in(o, path, error);
    NextPoint n;
    n.reachable = in.boolean(QStringLiteral("reachable"));
    if (n.reachable) {
        n.value = in.number(QStringLiteral("value"));
        n.interval = readInterval(in, QStringLiteral("interval"));
        if (!n.interval)
            n.intervalReason = in.text(QStringLiteral("interval_reason"));
        n.unreachableShare = in.number(QStringLiteral("unreachable_share"));
    } else {
        n.reason = in.text(QStringLiteral("reason"));
    }
    n.fromModel = in.text(QStringLiteral("from_model"));
    n.fromScore = in.number(QStringLiteral("from_score"));
    n.targetScore = in.number(QStringLiteral("target_score"));
    return n;
}

} // namespace

void putUncertaintySettings(QJsonObject& o, const ReportSettings& s)
{
    const UncertaintySettings& u = s.uncertainty;
    QJsonObject j;
    j.insert(QStringLiteral("draws"), u.draws);
    j.insert(QStringLiteral("seed"), double(u.seed));
    j.insert(QStringLiteral("bootstrap_rounds"), u.bootstrapRounds);
    j.insert(QStringLiteral("interval"), QStringLiteral("5th to 95th percentile"));
    j.insert(QStringLiteral("reported_hours_factor"), rangeJson(u.reportedHours));
    j.insert(QStringLiteral("derived_hours_factor"), rangeJson(u.derivedHours));
    j.insert(QStringLiteral("utilisation"), rangeJson(u.utilisation));
    j.insert(QStringLiteral("draw_of_tdp"), rangeJson(u.drawOfTdp));
    j.insert(QStringLiteral("pue"), rangeJson(u.pue));
    j.insert(QStringLiteral("carbon_intensity_kg_per_kwh"), rangeJson(u.kgPerKwh));
    j.insert(QStringLiteral("flops_are_macs_probability"), u.flopsAreMacsProbability);
    o.insert(QStringLiteral("uncertainty"), j);
    const LifeCycleSettings& l = s.lifeCycle;
    QJsonObject c;
    c.insert(QStringLiteral("operational"), true);
    c.insert(QStringLiteral("idle"), l.idle);
    c.insert(QStringLiteral("idle_share"), l.idleShare);
    c.insert(QStringLiteral("embodied"), l.embodied);
    c.insert(QStringLiteral("embodied_device_kg"), l.deviceKg);
    c.insert(QStringLiteral("embodied_server_kg"), l.serverKg);
    c.insert(QStringLiteral("devices_per_server"), l.devicesPerServer);
    c.insert(QStringLiteral("lifetime_years"), l.lifetimeYears);
    c.insert(QStringLiteral("use_rate"), l.useRate);
    o.insert(QStringLiteral("life_cycle"), c);
}

void readUncertaintySettings(const QJsonObject& o, ReportSettings& s, QString* error)
{
    if (o.contains(QStringLiteral("uncertainty"))) {
        JsonFieldReader in(o.value(QStringLiteral("uncertainty")).toObject(), QStringLiteral("settings.uncertainty."), error);
        UncertaintySettings& u = s.uncertainty;
        // Whole numbers in range before any conversion (a double out of an integer's range is UB).
        auto whole = [&](const QString& key, double max) {
            const double v = in.number(key);
            if (!(v >= 0.0 && v <= max && v == std::floor(v))) {
                in.fail(key, QStringLiteral("not a whole number from 0 to %1").arg(max, 0, 'g', 17));
                return 0.0;
            }
            return v;
        };
        u.draws = int(whole(QStringLiteral("draws"), 10000000));
        u.seed = std::uint64_t(whole(QStringLiteral("seed"), 9007199254740991.0));
        u.bootstrapRounds = int(whole(QStringLiteral("bootstrap_rounds"), 1000000));
        u.reportedHours = readRange(in, QStringLiteral("reported_hours_factor"));
        u.derivedHours = readRange(in, QStringLiteral("derived_hours_factor"));
        u.utilisation = readRange(in, QStringLiteral("utilisation"));
        u.drawOfTdp = readRange(in, QStringLiteral("draw_of_tdp"));
        u.pue = readRange(in, QStringLiteral("pue"));
        u.kgPerKwh = readRange(in, QStringLiteral("carbon_intensity_kg_per_kwh"));
        u.flopsAreMacsProbability = in.number(QStringLiteral("flops_are_macs_probability"));
    }
    if (o.contains(QStringLiteral("life_cycle"))) {
        JsonFieldReader in(o.value(QStringLiteral("life_cycle")).toObject(), QStringLiteral("settings.life_cycle."), error);
        LifeCycleSettings& l = s.lifeCycle;
        l.idle = in.boolean(QStringLiteral("idle"));
        l.idleShare = in.number(QStringLiteral("idle_share"));
        l.embodied = in.boolean(QStringLiteral("embodied"));
        l.deviceKg = in.number(QStringLiteral("embodied_device_kg"));
        l.serverKg = in.number(QStringLiteral("embodied_server_kg"));
        l.devicesPerServer = in.number(QStringLiteral("devices_per_server"));
        l.lifetimeYears = in.number(QStringLiteral("lifetime_years"));
        l.useRate = in.number(QStringLiteral("use_rate"));
    }
}

void putModelUncertainty(QJsonObject& o, const ModelResult& m)
{
    const QString reason = m.co2Kg ? m.intervalReason : QStringLiteral("no CO2");
    o.insert(QStringLiteral("co2_kg_median"), m.co2Spread ? QJsonValue(m.co2Spread->median) : QJsonValue(QJsonValue::Null));
    putInterval(o, QStringLiteral("co2_kg_interval"), m.co2Spread ? std::optional(m.co2Spread->interval) : std::nullopt, reason);
    o.insert(QStringLiteral("energy_kwh_median"), m.energySpread ? QJsonValue(m.energySpread->median) : QJsonValue(QJsonValue::Null));
    o.insert(QStringLiteral("energy_kwh_interval"), intervalJson(m.energySpread ? std::optional(m.energySpread->interval) : std::nullopt));
    if (m.co2Terms) {
        QJsonObject t;
        t.insert(QStringLiteral("operational"), m.co2Terms->operationalKg);
        t.insert(QStringLiteral("idle"), number(m.co2Terms->idleKg));
        t.insert(QStringLiteral("embodied"), number(m.co2Terms->embodiedKg));
        o.insert(QStringLiteral("co2_terms"), t);
    } else {
        o.insert(QStringLiteral("co2_terms"), QJsonValue(QJsonValue::Null));
    }
}

void readModelUncertainty(const QJsonObject& o, const QString& path, ModelResult& m, QString* error)
{
    if (!o.contains(QStringLiteral("co2_kg_interval")))
        return;
    JsonFieldReader in(o, path, error);
    const auto co2Median = in.optionalNumber(QStringLiteral("co2_kg_median"));
    const auto co2 = readInterval(in, QStringLiteral("co2_kg_interval"));
    if (co2Median && co2)
        m.co2Spread = Spread{*co2Median, *co2};
    else if (m.co2Kg)
        m.intervalReason = in.text(QStringLiteral("co2_kg_interval_reason"));
    const auto energyMedian = in.optionalNumber(QStringLiteral("energy_kwh_median"));
    const auto energy = readInterval(in, QStringLiteral("energy_kwh_interval"));
    if (energyMedian && energy)
        m.energySpread = Spread{*energyMedian, *energy};
    const QJsonValue terms = in.value(QStringLiteral("co2_terms"));
    if (terms.isObject()) {
        JsonFieldReader t(terms.toObject(), path + QStringLiteral("co2_terms."), error);
        Co2Terms c;
        c.operationalKg = t.number(QStringLiteral("operational"));
        c.idleKg = t.optionalNumber(QStringLiteral("idle"));
        c.embodiedKg = t.optionalNumber(QStringLiteral("embodied"));
        c.energyKwh = m.energyKwh.value_or(0.0);
        m.co2Terms = c;
    }
}

void putFrontier(QJsonObject& o, const DatasetResult& d)
{
    const FrontierAnalysis& a = d.frontier;
    QJsonArray fits;
    std::optional<double> best;
    for (const FamilyResult& f : a.families)
        if (f.fit && f.fit->aicc && (!best || *f.fit->aicc < *best))
            best = f.fit->aicc;
    for (const FamilyResult& f : a.families) {
        QJsonObject o = fitJson(f);
        if (f.fit && f.fit->aicc)
            o.insert(QStringLiteral("delta_aicc"), *f.fit->aicc - *best);
        fits.append(o);
    }
    o.insert(QStringLiteral("fits"), fits);
    o.insert(QStringLiteral("chosen_family"), a.chosen ? QJsonValue(curveFamilyName(*a.chosen)) : QJsonValue(QJsonValue::Null));
    o.insert(QStringLiteral("chosen_reason"), a.families.empty() ? d.fit.reason : a.chosenReason);
    o.insert(QStringLiteral("backtest_held_out"), QJsonArray::fromStringList(a.heldOut));
    const QString none = a.families.empty() ? d.fit.reason : a.chosenReason;
    putInterval(o, QStringLiteral("y_max_interval"), a.yMaxInterval, a.chosen ? a.yMaxReason : none);
    putInterval(o, QStringLiteral("knee_co2_kg_interval"), a.kneeCo2Interval, a.chosen ? a.kneeReason : none);
    o.insert(QStringLiteral("next_point_co2_kg"), a.nextPoint ? QJsonValue(nextPointJson(*a.nextPoint)) : QJsonValue(QJsonValue::Null));
    QJsonObject b;
    b.insert(QStringLiteral("rounds"), a.bootstrapRounds);
    b.insert(QStringLiteral("failed"), a.bootstrapFailed);
    o.insert(QStringLiteral("bootstrap"), b);
}

void readFrontier(const QJsonObject& o, const QString& path, DatasetResult& d, QString* error)
{
    if (!o.contains(QStringLiteral("fits")))
        return;
    JsonFieldReader in(o, path, error);
    FrontierAnalysis& a = d.frontier;
    const QJsonArray fits = in.array(QStringLiteral("fits"));
    for (int i = 0; i < fits.size(); ++i)
        a.families.push_back(readFit(fits[i].toObject(), path + QStringLiteral("fits[%1].").arg(i), error));
    const QJsonValue chosen = in.value(QStringLiteral("chosen_family"));
    if (!chosen.isNull())
        a.chosen = in.parsed(QStringLiteral("chosen_family"), curveFamilyFromName, CurveFamily::LogLinear);
    if (!a.families.empty())
        a.chosenReason = in.text(QStringLiteral("chosen_reason"));
    a.heldOut = in.strings(QStringLiteral("backtest_held_out"));
    a.yMaxInterval = readInterval(in, QStringLiteral("y_max_interval"));
    if (!a.yMaxInterval && a.chosen)
        a.yMaxReason = in.text(QStringLiteral("y_max_interval_reason"));
    a.kneeCo2Interval = readInterval(in, QStringLiteral("knee_co2_kg_interval"));
    if (!a.kneeCo2Interval && a.chosen)
        a.kneeReason = in.text(QStringLiteral("knee_co2_kg_interval_reason"));
    const QJsonValue next = in.value(QStringLiteral("next_point_co2_kg"));
    if (next.isObject())
        a.nextPoint = readNextPoint(next.toObject(), path + QStringLiteral("next_point_co2_kg."), error);
    JsonFieldReader b(in.object(QStringLiteral("bootstrap")), path + QStringLiteral("bootstrap."), error);
    const double rounds = b.number(QStringLiteral("rounds")), failed = b.number(QStringLiteral("failed"));
    if (!(rounds >= 0.0 && rounds <= 1e9 && failed >= 0.0 && failed <= rounds))
        b.fail(QStringLiteral("failed"), QStringLiteral("not 0 to `rounds` replicates"));
    else {
        a.bootstrapRounds = int(rounds);
        a.bootstrapFailed = int(failed);
    }
}

} // namespace nofade

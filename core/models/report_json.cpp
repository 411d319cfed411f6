#include "models/report_json.h"

#include <QJsonArray>
#include <QJsonDocument>

#include "models/model_fields.h"
#include "uncertainty/uncertainty_json.h"

namespace nofade {

namespace {

QJsonValue number(const std::optional<double>& v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

// `value` or null, with `key_reason` beside it when null.
void putWithReason(QJsonObject& o, const QString& key, const std::optional<double>& v, const QString& reason)
{
    o.insert(key, number(v));
    if (!v)
        o.insert(key + QStringLiteral("_reason"), reason);
}

QJsonObject settingsJson(const ReportSettings& s)
{
    QJsonObject o;
    o.insert(QStringLiteral("method"), co2MethodName(s.method));
    o.insert(QStringLiteral("method_label"), co2MethodLabel(s.method));
    o.insert(QStringLiteral("pue"), s.method == Co2Method::HardwareEnergy ? QJsonValue(s.pue) : QJsonValue(QJsonValue::Null));
    if (s.method == Co2Method::HardwareEnergy && !s.pueSource.isEmpty())
        o.insert(QStringLiteral("pue_source"), s.pueSource);
    if (s.method == Co2Method::PaperEq1) {
        o.insert(QStringLiteral("pue_note"), QStringLiteral("paper-eq1 is used as published, without a PUE factor"));
        o.insert(QStringLiteral("paper_eq1_cpu"), s.eq1Cpu);
    }
    o.insert(QStringLiteral("carbon_intensity_kg_per_kwh"), s.kgPerKwh);
    o.insert(QStringLiteral("carbon_intensity_source"), s.intensitySource);
    o.insert(QStringLiteral("utilisation"), s.utilisation);
    o.insert(QStringLiteral("peak_throughput"), QStringLiteral("fp32"));
    o.insert(QStringLiteral("training_flops"), QStringLiteral("3 x forward FLOPs x images_per_epoch x epochs"));
    o.insert(QStringLiteral("mac_as_two_flops"), s.macAsTwoFlops);
    o.insert(QStringLiteral("score_scale"), scoreScaleName(s.nofade.scoreScale));
    o.insert(QStringLiteral("log_base"), logBaseName(s.nofade.logBase));
    o.insert(QStringLiteral("knee_threshold_points_per_decade"), s.kneeThreshold);
    o.insert(QStringLiteral("min_fit_models"), kMinFitModels);
    QJsonObject measures;
    for (auto it = s.measures.cbegin(); it != s.measures.cend(); ++it)
        measures.insert(it.key(), complexityMeasureName(it.value()));
    o.insert(QStringLiteral("complexity_measures"), measures);
    putUncertaintySettings(o, s);
    return o;
}

QJsonObject modelJson(const ModelResult& m)
{
    QJsonObject o;
    o.insert(QStringLiteral("row"), m.row + 1);
    o.insert(QStringLiteral("line"), m.line);
    o.insert(QStringLiteral("model"), m.model);
    o.insert(QStringLiteral("dataset"), m.dataset);
    o.insert(QStringLiteral("task"), m.task.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(m.task));
    o.insert(QStringLiteral("metric"), m.metric);
    o.insert(QStringLiteral("score"), number(m.score));
    putWithReason(o, QStringLiteral("flops"), m.flops, m.flopsReason);
    o.insert(QStringLiteral("flops_convention"), m.flops ? QJsonValue(m.flopsConvention) : QJsonValue(QJsonValue::Null));
    o.insert(QStringLiteral("device"), m.device.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(m.device));
    o.insert(QStringLiteral("device_count"), m.deviceCount ? QJsonValue(*m.deviceCount) : QJsonValue(QJsonValue::Null));
    putWithReason(o, QStringLiteral("device_hours"), m.deviceHours, m.hoursReason);
    o.insert(QStringLiteral("hours_provenance"), m.deviceHours ? QJsonValue(m.hoursProvenance) : QJsonValue(QJsonValue::Null));
    o.insert(QStringLiteral("energy_kwh"), number(m.energyKwh));
    putWithReason(o, QStringLiteral("co2_kg"), m.co2Kg, m.co2Reason);
    o.insert(QStringLiteral("co2_provenance"), m.co2Kg ? QJsonValue(m.co2Provenance) : QJsonValue(QJsonValue::Null));
    putWithReason(o, QStringLiteral("nofade"), m.nofade, m.nofadeReason);
    o.insert(QStringLiteral("pareto"), m.pareto);
    putWithReason(o, QStringLiteral("marginal_kg_per_point"), m.marginalKgPerPoint, m.marginalReason);
    o.insert(QStringLiteral("previous_pareto_model"),
             m.previousParetoModel.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(m.previousParetoModel));
    o.insert(QStringLiteral("flagged"), m.flagged);
    o.insert(QStringLiteral("issues"), QJsonArray::fromStringList(m.issues));
    putModelUncertainty(o, m);
    return o;
}

QJsonObject fitJson(const DiminishingReturns& f)
{
    QJsonObject o;
    if (f.saturation) {
        const SaturationFit& s = *f.saturation;
        o.insert(QStringLiteral("model"), QStringLiteral("saturation"));
        o.insert(QStringLiteral("y_max"), s.yMax);
        o.insert(QStringLiteral("y_0"), s.y0);
        o.insert(QStringLiteral("k"), s.k);
        o.insert(QStringLiteral("x_min"), s.xMin);
        o.insert(QStringLiteral("r2"), s.r2);
        o.insert(QStringLiteral("headroom"), s.headroom);
        if (!s.warning.isEmpty())
            o.insert(QStringLiteral("warning"), s.warning);
        putWithReason(o, QStringLiteral("knee_log10_co2"), s.kneeX, s.kneeReason);
    } else {
        const LogFit& l = *f.log;
        o.insert(QStringLiteral("model"), QStringLiteral("log"));
        o.insert(QStringLiteral("a"), l.a);
        o.insert(QStringLiteral("b"), l.b);
        o.insert(QStringLiteral("y_max"), QJsonValue(QJsonValue::Null));
        o.insert(QStringLiteral("r2"), l.r2);
        o.insert(QStringLiteral("headroom"), QJsonValue(QJsonValue::Null));
        o.insert(QStringLiteral("knee_log10_co2"), QJsonValue(QJsonValue::Null));
        o.insert(QStringLiteral("knee_log10_co2_reason"),
                 QStringLiteral("a logarithmic fit has the same marginal gain everywhere (b points per 10x CO2)"));
        o.insert(QStringLiteral("saturation_reason"), f.saturationReason);
    }
    return o;
}

QJsonObject datasetJson(const DatasetResult& d)
{
    QJsonObject o;
    o.insert(QStringLiteral("dataset"), d.name);
    o.insert(QStringLiteral("task"), d.task);
    o.insert(QStringLiteral("models"), d.models);
    o.insert(QStringLiteral("models_with_co2"), d.modelsWithCo2);
    o.insert(QStringLiteral("complexity_measure"), d.measure);
    putWithReason(o, QStringLiteral("complexity"), d.complexity, d.complexityReason);
    if (!d.complexityNote.isEmpty())
        o.insert(QStringLiteral("complexity_note"), d.complexityNote);
    o.insert(QStringLiteral("complexity_source"), d.complexitySource.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                                              : QJsonValue(d.complexitySource));
    if (d.fit.saturation || d.fit.log) {
        o.insert(QStringLiteral("fit"), fitJson(d.fit));
    } else {
        o.insert(QStringLiteral("fit"), QJsonValue(QJsonValue::Null));
        o.insert(QStringLiteral("fit_reason"), d.fit.reason);
    }
    if (d.fit.log) {
        QJsonObject l;
        l.insert(QStringLiteral("a"), d.fit.log->a);
        l.insert(QStringLiteral("b"), d.fit.log->b);
        l.insert(QStringLiteral("r2"), d.fit.log->r2);
        o.insert(QStringLiteral("log_fit"), l);
    } else {
        o.insert(QStringLiteral("log_fit"), QJsonValue(QJsonValue::Null));
    }
    putFrontier(o, d);
    return o;
}

} // namespace

QJsonObject reportToJson(const Report& report)
{
    QJsonObject o;
    o.insert(QStringLiteral("schema"), QString::fromLatin1(kReportSchema));
    o.insert(QStringLiteral("generator"), QStringLiteral("NoFADE Studio " NOFADE_VERSION));
    o.insert(QStringLiteral("models_source"), report.modelsSource);
    o.insert(QStringLiteral("settings"), settingsJson(report.settings));
    QJsonArray models;
    for (const ModelResult& m : report.models)
        models.append(modelJson(m));
    o.insert(QStringLiteral("models"), models);
    QJsonArray datasets;
    for (const DatasetResult& d : report.datasets)
        datasets.append(datasetJson(d));
    o.insert(QStringLiteral("datasets"), datasets);
    o.insert(QStringLiteral("table_errors"), QJsonArray::fromStringList(report.tableErrors));
    o.insert(QStringLiteral("notes"), QJsonArray::fromStringList(report.notes));
    return o;
}

QByteArray reportToJsonBytes(const Report& report)
{
    return QJsonDocument(reportToJson(report)).toJson(QJsonDocument::Indented);
}

} // namespace nofade

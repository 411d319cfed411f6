// Report <- JSON ("schema": "nofade.report/1"): the reverse of report_json.cpp.
#include <QJsonArray>
#include <QJsonDocument>

#include "models/dataset_names.h"
#include "models/json_field_reader.h"
#include "models/model_fields.h"
#include "models/report_json.h"
#include "uncertainty/uncertainty_json.h"

namespace nofade {

namespace {

using Reader = JsonFieldReader;

ReportSettings readSettings(const QJsonObject& o, QString* error)
{
    Reader in(o, QStringLiteral("settings."), error);
    ReportSettings s;
    s.method = in.parsed(QStringLiteral("method"), co2MethodFromName, s.method);
    if (const auto pue = in.optionalNumber(QStringLiteral("pue")))
        s.pue = *pue;
    s.pueSource = in.optionalText(QStringLiteral("pue_source"));
    if (s.method == Co2Method::PaperEq1)
        s.eq1Cpu = in.text(QStringLiteral("paper_eq1_cpu"));
    s.kgPerKwh = in.number(QStringLiteral("carbon_intensity_kg_per_kwh"));
    s.intensitySource = in.text(QStringLiteral("carbon_intensity_source"));
    s.utilisation = in.number(QStringLiteral("utilisation"));
    s.macAsTwoFlops = in.boolean(QStringLiteral("mac_as_two_flops"));
    s.nofade.scoreScale = in.parsed(QStringLiteral("score_scale"), scoreScaleFromName, s.nofade.scoreScale);
    s.nofade.logBase = in.parsed(QStringLiteral("log_base"), logBaseFromName, s.nofade.logBase);
    s.kneeThreshold = in.number(QStringLiteral("knee_threshold_points_per_decade"));
    const QJsonObject measures = in.value(QStringLiteral("complexity_measures")).toObject();
    for (auto it = measures.begin(); it != measures.end(); ++it) {
        const auto m = complexityMeasureFromName(it.value().toString());
        if (!m)
            in.fail(QStringLiteral("complexity_measures.") + it.key(), QStringLiteral("not C_JS or C_H"));
        else
            s.measures.insert(it.key(), *m);
    }
    readUncertaintySettings(o, s, error);
    return s;
}

ModelResult readModel(const QJsonObject& o, int index, QString* error)
{
    Reader in(o, QStringLiteral("models[%1].").arg(index), error);
    ModelResult m;
    m.row = int(in.number(QStringLiteral("row"))) - 1;
    m.line = int(in.number(QStringLiteral("line")));
    m.model = in.text(QStringLiteral("model"));
    m.dataset = in.text(QStringLiteral("dataset"));
    m.task = in.text(QStringLiteral("task"), true);
    m.metric = in.text(QStringLiteral("metric"));
    m.score = in.optionalNumber(QStringLiteral("score"));
    m.flops = in.optionalNumber(QStringLiteral("flops"), &m.flopsReason);
    m.flopsConvention = in.text(QStringLiteral("flops_convention"), true);
    m.device = in.text(QStringLiteral("device"), true);
    if (const auto count = in.optionalNumber(QStringLiteral("device_count")))
        m.deviceCount = int(*count);
    m.deviceHours = in.optionalNumber(QStringLiteral("device_hours"), &m.hoursReason);
    m.hoursProvenance = in.text(QStringLiteral("hours_provenance"), true);
    m.energyKwh = in.optionalNumber(QStringLiteral("energy_kwh"));
    m.co2Kg = in.optionalNumber(QStringLiteral("co2_kg"), &m.co2Reason);
    if (o.contains(QStringLiteral("co2_provenance"))) // absent from reports written before it existed
        m.co2Provenance = in.text(QStringLiteral("co2_provenance"), true);
    m.nofade = in.optionalNumber(QStringLiteral("nofade"), &m.nofadeReason);
    m.pareto = in.boolean(QStringLiteral("pareto"));
    m.marginalKgPerPoint = in.optionalNumber(QStringLiteral("marginal_kg_per_point"), &m.marginalReason);
    m.previousParetoModel = in.text(QStringLiteral("previous_pareto_model"), true);
    m.flagged = in.boolean(QStringLiteral("flagged"));
    m.issues = in.strings(QStringLiteral("issues"));
    readModelUncertainty(o, QStringLiteral("models[%1].").arg(index), m, error);
    return m;
}

DiminishingReturns readFit(const QJsonObject& d, int index, QString* error)
{
    DiminishingReturns fit;
    Reader in(d, QStringLiteral("datasets[%1].").arg(index), error);
    if (const QJsonValue log = in.value(QStringLiteral("log_fit")); log.isObject()) {
        Reader l(log.toObject(), QStringLiteral("datasets[%1].log_fit.").arg(index), error);
        fit.log = LogFit{l.number(QStringLiteral("a")), l.number(QStringLiteral("b")), l.number(QStringLiteral("r2"))};
    }
    const QJsonValue value = in.value(QStringLiteral("fit"));
    if (value.isNull()) {
        fit.reason = in.text(QStringLiteral("fit_reason"));
        return fit;
    }
    Reader f(value.toObject(), QStringLiteral("datasets[%1].fit.").arg(index), error);
    const QString model = f.text(QStringLiteral("model"));
    if (model == QLatin1String("log")) {
        fit.saturationReason = f.text(QStringLiteral("saturation_reason"));
        if (!fit.log)
            f.fail(QStringLiteral("model"), QStringLiteral("\"log\" without a log_fit"));
        return fit;
    }
    if (model != QLatin1String("saturation")) {
        f.fail(QStringLiteral("model"), QStringLiteral("unknown fit \"%1\"").arg(model));
        return fit;
    }
    SaturationFit s;
    s.yMax = f.number(QStringLiteral("y_max"));
    s.y0 = f.number(QStringLiteral("y_0"));
    s.k = f.number(QStringLiteral("k"));
    s.xMin = f.number(QStringLiteral("x_min"));
    s.r2 = f.number(QStringLiteral("r2"));
    s.headroom = f.number(QStringLiteral("headroom"));
    s.warning = f.optionalText(QStringLiteral("warning"));
    s.kneeX = f.optionalNumber(QStringLiteral("knee_log10_co2"), &s.kneeReason);
    fit.saturation = s;
    return fit;
}

DatasetResult readDataset(const QJsonObject& o, int index, QString* error)
{
    Reader in(o, QStringLiteral("datasets[%1].").arg(index), error);
    DatasetResult d;
    d.name = in.text(QStringLiteral("dataset"));
    d.key = datasetKey(d.name);
    d.task = in.text(QStringLiteral("task"));
    d.models = int(in.number(QStringLiteral("models")));
    d.modelsWithCo2 = int(in.number(QStringLiteral("models_with_co2")));
    d.measure = in.text(QStringLiteral("complexity_measure"));
    d.complexity = in.optionalNumber(QStringLiteral("complexity"), &d.complexityReason);
    d.complexitySource = in.text(QStringLiteral("complexity_source"), true);
    d.complexityNote = in.optionalText(QStringLiteral("complexity_note"));
    d.fit = readFit(o, index, error);
    readFrontier(o, QStringLiteral("datasets[%1].").arg(index), d, error);
    return d;
}

} // namespace

std::optional<Report> reportFromJson(const QJsonObject& json, QString* error)
{
    error->clear();
    if (json.value(QStringLiteral("schema")).toString() != QLatin1String(kReportSchema)) {
        *error = QStringLiteral("schema: \"%1\" is not %2").arg(json.value(QStringLiteral("schema")).toString(),
                                                               QLatin1String(kReportSchema));
        return std::nullopt;
    }
    Reader in(json, QString(), error);
    Report r;
    r.modelsSource = in.text(QStringLiteral("models_source"));
    r.settings = readSettings(in.value(QStringLiteral("settings")).toObject(), error);
    const QJsonArray models = in.value(QStringLiteral("models")).toArray();
    for (int i = 0; i < models.size() && error->isEmpty(); ++i)
        r.models.push_back(readModel(models.at(i).toObject(), i, error));
    const QJsonArray datasets = in.value(QStringLiteral("datasets")).toArray();
    for (int i = 0; i < datasets.size() && error->isEmpty(); ++i)
        r.datasets.push_back(readDataset(datasets.at(i).toObject(), i, error));
    r.tableErrors = in.strings(QStringLiteral("table_errors"));
    r.notes = in.strings(QStringLiteral("notes"));
    if (!error->isEmpty())
        return std::nullopt;
    return r;
}

std::optional<Report> reportFromJsonBytes(const QByteArray& bytes, QString* error)
{
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parse);
    if (parse.error != QJsonParseError::NoError) {
        *error = QStringLiteral("not JSON: %1 at offset %2").arg(parse.errorString()).arg(parse.offset);
        return std::nullopt;
    }
    if (!doc.isObject()) {
        *error = QStringLiteral("not a JSON object");
        return std::nullopt;
    }
    return reportFromJson(doc.object(), error);
}

} // namespace nofade

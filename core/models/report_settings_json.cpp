#include "models/report_settings_json.h"

#include "models/json_field_reader.h"
#include "models/model_fields.h"
#include "uncertainty/uncertainty_json.h"

namespace nofade {

QJsonObject reportSettingsToJson(const ReportSettings& s, SettingsDocument document)
{
    const bool report = document == SettingsDocument::Report;
    QJsonObject o;
    o.insert(QStringLiteral("method"), co2MethodName(s.method));
    // A report says what the method used; a session keeps every value for the next change of method.
    const bool pueUsed = !report || s.method == Co2Method::HardwareEnergy;
    o.insert(QStringLiteral("pue"), pueUsed ? QJsonValue(s.pue) : QJsonValue(QJsonValue::Null));
    if (pueUsed && !s.pueSource.isEmpty())
        o.insert(QStringLiteral("pue_source"), s.pueSource);
    if (!report || s.method == Co2Method::PaperEq1)
        o.insert(QStringLiteral("paper_eq1_cpu"), s.eq1Cpu);
    o.insert(QStringLiteral("carbon_intensity_kg_per_kwh"), s.kgPerKwh);
    o.insert(QStringLiteral("carbon_intensity_source"), s.intensitySource);
    o.insert(QStringLiteral("utilisation"), s.utilisation);
    o.insert(QStringLiteral("mac_as_two_flops"), s.macAsTwoFlops);
    o.insert(QStringLiteral("score_scale"), scoreScaleName(s.nofade.scoreScale));
    o.insert(QStringLiteral("log_base"), logBaseName(s.nofade.logBase));
    o.insert(QStringLiteral("knee_threshold_points_per_decade"), s.kneeThreshold);
    QJsonObject measures;
    for (auto it = s.measures.cbegin(); it != s.measures.cend(); ++it)
        measures.insert(it.key(), complexityMeasureName(it.value()));
    o.insert(QStringLiteral("complexity_measures"), measures);
    putUncertaintySettings(o, s);
    if (report) {
        o.insert(QStringLiteral("method_label"), co2MethodLabel(s.method));
        if (s.method == Co2Method::PaperEq1)
            o.insert(QStringLiteral("pue_note"), QStringLiteral("paper-eq1 is used as published, without a PUE factor"));
        o.insert(QStringLiteral("peak_throughput"), QStringLiteral("fp32"));
        o.insert(QStringLiteral("training_flops"), QStringLiteral("3 x forward FLOPs x images_per_epoch x epochs"));
        o.insert(QStringLiteral("min_fit_models"), kMinFitModels);
    }
    return o;
}

ReportSettings reportSettingsFromJson(const QJsonObject& o, SettingsDocument document, QString* error)
{
    const bool session = document == SettingsDocument::Session;
    JsonFieldReader in(o, QStringLiteral("settings."), error);
    ReportSettings s;
    s.method = in.parsed(QStringLiteral("method"), co2MethodFromName, s.method);
    if (session)
        s.pue = in.number(QStringLiteral("pue"));
    else if (const auto pue = in.optionalNumber(QStringLiteral("pue")))
        s.pue = *pue;
    s.pueSource = in.optionalText(QStringLiteral("pue_source"));
    if (session || s.method == Co2Method::PaperEq1)
        s.eq1Cpu = in.text(QStringLiteral("paper_eq1_cpu"));
    s.kgPerKwh = in.number(QStringLiteral("carbon_intensity_kg_per_kwh"));
    s.intensitySource = in.text(QStringLiteral("carbon_intensity_source"));
    s.utilisation = in.number(QStringLiteral("utilisation"));
    s.macAsTwoFlops = in.boolean(QStringLiteral("mac_as_two_flops"));
    s.nofade.scoreScale = in.parsed(QStringLiteral("score_scale"), scoreScaleFromName, s.nofade.scoreScale);
    s.nofade.logBase = in.parsed(QStringLiteral("log_base"), logBaseFromName, s.nofade.logBase);
    s.kneeThreshold = in.number(QStringLiteral("knee_threshold_points_per_decade"));
    const QJsonObject measures = session ? in.object(QStringLiteral("complexity_measures"))
                                         : in.value(QStringLiteral("complexity_measures")).toObject();
    for (auto it = measures.begin(); it != measures.end(); ++it) {
        const auto m = complexityMeasureFromName(it.value().toString());
        if (!m)
            in.fail(QStringLiteral("complexity_measures.") + it.key(), QStringLiteral("not C_JS, C_H, SI, bpp, ID, F1, N1 or CSG"));
        else
            s.measures.insert(it.key(), *m);
    }
    readUncertaintySettings(o, s, error);
    if (session && error->isEmpty()) {
        const QString invalid = s.validate();
        if (!invalid.isEmpty())
            *error = QStringLiteral("settings: ") + invalid;
    }
    return s;
}

} // namespace nofade

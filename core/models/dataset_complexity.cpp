#include "models/dataset_complexity.h"

#include <cmath>
#include <QFileInfo>

#include "complexity/measure_names.h"
#include "profile/profile.h"

namespace nofade {

ComplexityInput complexityFromProfile(const Profile& profile, const QString& dataset, const QString& file)
{
    return complexityFromProfile(profile, profile.jsd(), dataset, file);
}

ComplexityInput complexityFromProfile(const Profile& profile, const JsdSummary& jsd, const QString& dataset,
                                      const QString& file)
{
    ComplexityInput in;
    in.dataset = dataset;
    if (in.dataset.isEmpty()) {
        QFileInfo info(profile.source.path);
        in.dataset = info.fileName().isEmpty() ? QFileInfo(info.path()).fileName() : info.fileName();
    }
    const double ch = profile.entropyComplexity();
    if (std::isfinite(ch))
        in.entropy = ch;
    in.jensenShannon = jsd.complexity;
    in.jensenShannonReason = jsd.reason;
    in.jensenShannonNote = negativeComplexityReason(jsd);
    if (profile.measures)
        for (const MeasureValue& v : profile.measures->values)
            if (v.value && v.name != QLatin1String("entropy"))
                in.measures.insert(v.name, *v.value);
    in.labelled = profile.labelled();
    in.layoutNotice = profile.source.notice;
    in.source = QStringLiteral("profile %1 (%2 images%3)")
                    .arg(QFileInfo(file).fileName())
                    .arg(profile.images())
                    .arg(profile.complete ? QString() : QStringLiteral(", incomplete"));
    return in;
}

ComplexityInput typedComplexity(const QString& dataset, double value, const QString& note)
{
    ComplexityInput in;
    in.dataset = dataset;
    in.typed = value;
    in.source = QStringLiteral("typed in: %1").arg(note);
    return in;
}

ChosenComplexity chooseComplexity(const ComplexityInput& input, ComplexityMeasure measure)
{
    ChosenComplexity c;
    c.source = input.source;
    if (input.typed) {
        c.value = input.typed;
        return c;
    }
    if (measure == ComplexityMeasure::JensenShannon) {
        c.value = input.jensenShannon;
        c.note = input.jensenShannonNote;
        if (!c.value)
            c.reason = QStringLiteral("the profile has no C_JS: %1").arg(input.jensenShannonReason);
    } else if (measure == ComplexityMeasure::Entropy) {
        c.value = input.entropy;
        if (!c.value)
            c.reason = QStringLiteral("the profile has no C_H (no images were analysed)");
    } else {
        const QString name = profileMeasureName(measure);
        if (input.measures.contains(name))
            c.value = input.measures.value(name);
        else
            c.reason = QStringLiteral("the profile has no %1: scan the dataset with that measure (nofade-cli scan "
                                      "--measures %2, or tick it under Complexity measures in the settings)")
                           .arg(complexityMeasureName(measure), name);
    }
    return c;
}

std::vector<MeasureValue> profileMeasureValues(const Profile& profile)
{
    std::vector<MeasureValue> out;
    for (const QString& name : measureNames()) {
        if (const MeasureValue* v = profile.measures ? profile.measures->find(name) : nullptr) {
            out.push_back(*v);
            continue;
        }
        MeasureValue v;
        v.name = name;
        v.definition = measureDefinition(name);
        if (name == QLatin1String("entropy") && profile.images() > 0) {
            v.value = profile.entropyComplexity();
            v.sample = profile.images();
        } else {
            v.reason = QStringLiteral("not computed: tick %1 under Complexity measures in Edit ▸ Settings… and "
                                      "scan the dataset again").arg(name);
        }
        out.push_back(std::move(v));
    }
    return out;
}

} // namespace nofade

#include "models/dataset_complexity.h"

#include <cmath>
#include <QFileInfo>

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
    } else {
        c.value = input.entropy;
        if (!c.value)
            c.reason = QStringLiteral("the profile has no C_H (no images were analysed)");
    }
    return c;
}

} // namespace nofade

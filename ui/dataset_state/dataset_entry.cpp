#include "dataset_state/dataset_entry.h"

#include <cmath>

namespace nofade::ui {

QString taskName(DatasetTask task)
{
    switch (task) {
    case DatasetTask::Classification: return QStringLiteral("classification");
    case DatasetTask::Detection: return QStringLiteral("detection");
    case DatasetTask::Segmentation: return QStringLiteral("segmentation");
    }
    return {};
}

std::optional<DatasetTask> taskFromName(const QString& name)
{
    for (DatasetTask t : {DatasetTask::Classification, DatasetTask::Detection, DatasetTask::Segmentation})
        if (taskName(t) == name)
            return t;
    return std::nullopt;
}

QString measureName(ComplexityMeasure measure)
{
    return complexityMeasureName(measure);
}

QString stateText(DatasetState state)
{
    switch (state) {
    case DatasetState::Added: return QStringLiteral("not scanned");
    case DatasetState::Queued: return QStringLiteral("queued");
    case DatasetState::Scanning: return QStringLiteral("scanning");
    case DatasetState::Cancelling: return QStringLiteral("cancelling");
    case DatasetState::Scanned: return QStringLiteral("scanned");
    case DatasetState::Partial: return QStringLiteral("incomplete (cancelled)");
    case DatasetState::Loaded: return QStringLiteral("loaded profile");
    case DatasetState::Failed: return QStringLiteral("failed");
    }
    return {};
}

ComplexityMeasure defaultMeasureFor(DatasetTask task)
{
    return task == DatasetTask::Classification ? ComplexityMeasure::JensenShannon : ComplexityMeasure::Entropy;
}

std::optional<double> DatasetEntry::complexity() const
{
    if (!profile)
        return std::nullopt;
    if (measure != ComplexityMeasure::Entropy && measure != ComplexityMeasure::JensenShannon) {
        // SI, bpp, ID, F1, N1, CSG: the value a scan with that measure stored in the profile.
        const MeasureValue* v = profile->measures ? profile->measures->find(profileMeasureName(measure)) : nullptr;
        return v ? v->value : std::nullopt;
    }
    if (profile->sample) { // a quick estimate: the sample's own C_JS is biased up, the estimate is not
        const SampleEstimate& e = profile->sample->estimate;
        if (measure == ComplexityMeasure::Entropy)
            return std::isfinite(e.mean) ? std::optional<double>(e.mean) : std::nullopt;
        return e.js;
    }
    if (measure == ComplexityMeasure::Entropy) {
        if (profile->images() == 0)
            return std::nullopt;
        return profile->entropyComplexity();
    }
    if (jsd && jsd->complexity)
        return jsd->complexity;
    return std::nullopt;
}

QString DatasetEntry::missingMeasureReason(ComplexityMeasure m) const
{
    if (!profile || complexityAvailable(m))
        return {};
    if (m == ComplexityMeasure::JensenShannon)
        return jsd && !jsd->reason.isEmpty() ? jsd->reason : QStringLiteral("no class distances");
    if (m == ComplexityMeasure::Entropy)
        return QStringLiteral("no image was analysed");
    const QString name = profileMeasureName(m);
    if (const MeasureValue* v = profile->measures ? profile->measures->find(name) : nullptr; v && !v->reason.isEmpty())
        return v->reason;
    return QStringLiteral("not computed for this dataset: tick %1 under Complexity measures (Edit ▸ Settings…) and scan it again")
        .arg(name);
}

bool DatasetEntry::complexityAvailable(ComplexityMeasure m) const
{
    DatasetEntry probe;
    probe.profile = profile;
    probe.jsd = jsd;
    probe.measure = m;
    return probe.complexity().has_value();
}

} // namespace nofade::ui

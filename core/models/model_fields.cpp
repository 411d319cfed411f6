#include "models/model_fields.h"

#include <QRegularExpression>

namespace nofade {

QString taskName(Task task)
{
    switch (task) {
    case Task::Classification: return QStringLiteral("classification");
    case Task::Detection: return QStringLiteral("detection");
    case Task::Segmentation: return QStringLiteral("segmentation");
    }
    return {};
}

std::optional<Task> taskFromName(const QString& name)
{
    const QString n = name.trimmed().toLower();
    for (Task t : {Task::Classification, Task::Detection, Task::Segmentation})
        if (n == taskName(t))
            return t;
    return std::nullopt;
}

QString provenanceName(HoursProvenance provenance)
{
    switch (provenance) {
    case HoursProvenance::Reported: return QStringLiteral("reported");
    case HoursProvenance::Derived: return QStringLiteral("derived");
    case HoursProvenance::Estimated: return QStringLiteral("estimated");
    case HoursProvenance::Measured: return QStringLiteral("measured");
    }
    return {};
}

std::optional<HoursProvenance> provenanceFromName(const QString& name)
{
    const QString n = name.trimmed().toLower();
    for (HoursProvenance p : {HoursProvenance::Reported, HoursProvenance::Derived, HoursProvenance::Estimated,
                              HoursProvenance::Measured})
        if (n == provenanceName(p))
            return p;
    return std::nullopt;
}

QString confidenceName(Confidence confidence)
{
    switch (confidence) {
    case Confidence::Confident: return QStringLiteral("confident");
    case Confidence::Likely: return QStringLiteral("likely");
    case Confidence::Speculative: return QStringLiteral("speculative");
    }
    return {};
}

std::optional<Confidence> confidenceFromName(const QString& name)
{
    const QString n = name.trimmed().toLower();
    for (Confidence c : {Confidence::Confident, Confidence::Likely, Confidence::Speculative})
        if (n == confidenceName(c))
            return c;
    return std::nullopt;
}

QString scoreScaleName(ScoreScale scale)
{
    return scale == ScoreScale::Percent ? QStringLiteral("percent") : QStringLiteral("fraction");
}

std::optional<ScoreScale> scoreScaleFromName(const QString& name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("percent"))
        return ScoreScale::Percent;
    if (n == QLatin1String("fraction"))
        return ScoreScale::Fraction;
    return std::nullopt;
}

std::optional<ComputeUnit> computeUnitFromText(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("^([kmgtp]?)(flops?|macs?|madds?)$"),
                                            QRegularExpression::CaseInsensitiveOption);
    const auto match = pattern.match(text.trimmed());
    if (!match.hasMatch())
        return std::nullopt;
    ComputeUnit unit;
    const QString prefix = match.captured(1).toLower();
    if (prefix == QLatin1String("k")) unit.scale = 1e3;
    else if (prefix == QLatin1String("m")) unit.scale = 1e6;
    else if (prefix == QLatin1String("g")) unit.scale = 1e9;
    else if (prefix == QLatin1String("t")) unit.scale = 1e12;
    else if (prefix == QLatin1String("p")) unit.scale = 1e15;
    unit.macs = !match.captured(2).toLower().startsWith(QLatin1String("flop"));
    return unit;
}

} // namespace nofade

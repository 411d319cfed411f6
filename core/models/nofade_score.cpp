#include "models/nofade_score.h"

#include <cmath>

namespace nofade {

QString logBaseName(LogBase base)
{
    switch (base) {
    case LogBase::Natural: return QStringLiteral("ln");
    case LogBase::Ten: return QStringLiteral("log10");
    case LogBase::Two: return QStringLiteral("log2");
    }
    return {};
}

std::optional<LogBase> logBaseFromName(const QString& name)
{
    const QString n = name.trimmed().toLower();
    for (LogBase b : {LogBase::Natural, LogBase::Ten, LogBase::Two})
        if (n == logBaseName(b))
            return b;
    return std::nullopt;
}

QString complexityMeasureName(ComplexityMeasure measure)
{
    switch (measure) {
    case ComplexityMeasure::JensenShannon:
        return QStringLiteral("C_JS");
    case ComplexityMeasure::Entropy:
        return QStringLiteral("C_H");
    case ComplexityMeasure::SpatialInformation:
        return QStringLiteral("SI");
    case ComplexityMeasure::CompressedBpp:
        return QStringLiteral("bpp");
    case ComplexityMeasure::IntrinsicDimension:
        return QStringLiteral("ID");
    case ComplexityMeasure::FisherF1:
        return QStringLiteral("F1");
    case ComplexityMeasure::BorderlineN1:
        return QStringLiteral("N1");
    case ComplexityMeasure::SpectralCsg:
        return QStringLiteral("CSG");
    }
    return {};
}

std::vector<ComplexityMeasure> complexityMeasures()
{
    return {ComplexityMeasure::JensenShannon, ComplexityMeasure::Entropy,        ComplexityMeasure::SpatialInformation,
            ComplexityMeasure::CompressedBpp, ComplexityMeasure::IntrinsicDimension, ComplexityMeasure::FisherF1,
            ComplexityMeasure::BorderlineN1,  ComplexityMeasure::SpectralCsg};
}

QString profileMeasureName(ComplexityMeasure measure)
{
    if (measure == ComplexityMeasure::JensenShannon)
        return {};
    if (measure == ComplexityMeasure::Entropy)
        return QStringLiteral("entropy");
    return complexityMeasureName(measure).toLower();
}

std::optional<ComplexityMeasure> complexityMeasureFromName(const QString& name)
{
    const QString n = name.trimmed().toUpper().remove(QLatin1Char('_'));
    if (n == QLatin1String("CJS") || n == QLatin1String("JS"))
        return ComplexityMeasure::JensenShannon;
    if (n == QLatin1String("CH") || n == QLatin1String("H") || n == QLatin1String("ENTROPY"))
        return ComplexityMeasure::Entropy;
    for (ComplexityMeasure m : complexityMeasures())
        if (n == complexityMeasureName(m).toUpper())
            return m;
    return std::nullopt;
}

ComplexityMeasure defaultMeasure(Task datasetTask)
{
    return datasetTask == Task::Classification ? ComplexityMeasure::JensenShannon : ComplexityMeasure::Entropy;
}

std::optional<double> noFade(double score, double complexity, double flops, LogBase base)
{
    if (!(flops > 1.0))
        return std::nullopt;
    double logF = std::log(flops);
    if (base == LogBase::Ten)
        logF = std::log10(flops);
    else if (base == LogBase::Two)
        logF = std::log2(flops);
    return score * complexity / logF;
}

} // namespace nofade

#include "complexity/measure_names.h"

namespace nofade {

QStringList measureNames()
{
    return {QStringLiteral("entropy"), QStringLiteral("si"), QStringLiteral("bpp"), QStringLiteral("id"),
            QStringLiteral("f1"), QStringLiteral("n1"), QStringLiteral("csg")};
}

bool isPerImageMeasure(const QString& name)
{
    return name == QLatin1String("entropy") || name == QLatin1String("si") || name == QLatin1String("bpp");
}

bool isDatasetMeasure(const QString& name)
{
    return measureNames().contains(name) && !isPerImageMeasure(name);
}

bool isClassMeasure(const QString& name)
{
    return name == QLatin1String("f1") || name == QLatin1String("n1") || name == QLatin1String("csg");
}

QString measureDefinition(const QString& name)
{
    if (name == QLatin1String("entropy"))
        return QStringLiteral("C_H: mean over images of the Shannon entropy (bits) of the 256-bin grey histogram");
    if (name == QLatin1String("si"))
        return QStringLiteral("spatial information (ITU-T P.910): population std of the Sobel gradient magnitude "
                              "over the grey image's interior pixels; mean over images");
    if (name == QLatin1String("bpp"))
        return QStringLiteral("compressed bits per pixel: 8 x zlib compress2 level-6 size of the grey raster / "
                              "pixels; mean over images");
    if (name == QLatin1String("id"))
        return QStringLiteral("intrinsic dimension, TwoNN maximum likelihood (Facco et al. 2017): n / sum ln(r2/r1) "
                              "on the 32x32 INTER_AREA grey vectors in [0, 1]; exact duplicates left out");
    if (name == QLatin1String("f1"))
        return QStringLiteral("Fisher's discriminant ratio, ECoL normalised form (Ho & Basu 2002): "
                              "1 / (1 + max over features of between-class / within-class scatter) on the "
                              "32x32 vectors");
    if (name == QLatin1String("n1"))
        return QStringLiteral("fraction of borderline points (Ho & Basu 2002): points incident to a Euclidean "
                              "minimum-spanning-tree edge joining two classes / n, on the 32x32 vectors");
    if (name == QLatin1String("csg"))
        return QStringLiteral("cumulative spectral gradient (Branchaud-Charron et al. 2019): 16-component PCA of the "
                              "32x32 vectors, k = 3 Parzen-window class similarities, Bray-Curtis graph Laplacian, "
                              "sum of the running maximum of its scaled eigenvalue gaps");
    return {};
}

std::optional<QStringList> parseMeasureList(const QString& text, QString* error)
{
    const QStringList known = measureNames();
    QStringList asked;
    for (const QString& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString name = part.trimmed().toLower();
        if (name == QLatin1String("all")) {
            asked = known;
            continue;
        }
        if (!known.contains(name)) {
            if (error)
                *error = QStringLiteral("unknown measure \"%1\" (known: %2, or all)").arg(part.trimmed(), known.join(QLatin1Char(',')));
            return std::nullopt;
        }
        if (!asked.contains(name))
            asked.push_back(name);
    }
    if (asked.isEmpty()) {
        if (error)
            *error = QStringLiteral("no measure named (known: %1, or all)").arg(known.join(QLatin1Char(',')));
        return std::nullopt;
    }
    QStringList ordered;
    for (const QString& name : known)
        if (asked.contains(name))
            ordered.push_back(name);
    return ordered;
}

} // namespace nofade

#pragma once
// Grid carbon intensities (resources/carbon-intensity.csv): the paper's EPA factor, the world
// average, countries and regions. Names match case- and space-insensitively and through aliases.
#include <vector>
#include <QByteArray>
#include <QString>
#include <QStringList>

namespace nofade {

struct CarbonIntensity {
    QString region;
    double kgPerKwh = 0.0;
    QString year;
    QStringList aliases;
    QString source;
};

class CarbonTable {
public:
    // Columns: region, kg_co2_per_kwh, year, aliases (';'-separated), source. Bad rows are
    // skipped with a message naming file, row, column and reason.
    static CarbonTable fromCsv(const QByteArray& bytes, const QString& origin, QStringList* errors);
    static CarbonTable bundled(); // the bundled table (its own problems go to qWarning; a test keeps it clean)

    const CarbonIntensity* find(const QString& regionOrAlias) const;
    const std::vector<CarbonIntensity>& regions() const { return m_regions; }

private:
    std::vector<CarbonIntensity> m_regions;
};

} // namespace nofade

#include "models/carbon_table.h"

#include "models/bundled_data.h"
#include "models/csv_table.h"
#include "models/text_values.h"

namespace nofade {

CarbonTable CarbonTable::fromCsv(const QByteArray& bytes, const QString& origin, QStringList* errors)
{
    CarbonTable table;
    const CsvTable csv(parseCsv(bytes));
    for (const CsvProblem& p : csv.document().problems)
        errors->append(QStringLiteral("%1: line %2: %3").arg(origin).arg(p.line).arg(p.reason));
    for (const char* required : {"region", "kg_co2_per_kwh"}) {
        if (csv.column(QString::fromLatin1(required)) < 0) {
            errors->append(QStringLiteral("%1: the header has no \"%2\" column").arg(origin, QLatin1String(required)));
            return table;
        }
    }
    for (int r = 0; r < csv.dataRecords().size(); ++r) {
        auto text = [&](const char* column) { return csv.value(r, QString::fromLatin1(column)).value_or(QString()).trimmed(); };
        CarbonIntensity c;
        c.region = text("region");
        if (c.region.isEmpty()) {
            errors->append(cellMessage(origin, r, csv.line(r), QStringLiteral("region"), QStringLiteral("is empty")));
            continue;
        }
        const QString value = text("kg_co2_per_kwh");
        const auto kg = parseNumber(value);
        if (!kg || *kg < 0) {
            errors->append(cellMessage(origin, r, csv.line(r), QStringLiteral("kg_co2_per_kwh"),
                                       QStringLiteral("\"%1\" is not a non-negative number").arg(value)));
            continue;
        }
        c.kgPerKwh = *kg;
        c.year = text("year");
        for (const QString& alias : text("aliases").split(QLatin1Char(';'), Qt::SkipEmptyParts))
            if (!alias.trimmed().isEmpty())
                c.aliases << alias.trimmed();
        c.source = text("source");
        // A name or alias that another row already uses would make find() ambiguous.
        bool clash = false;
        for (const QString& name : QStringList{c.region} + c.aliases) {
            if (const CarbonIntensity* other = table.find(name)) {
                errors->append(cellMessage(origin, r, csv.line(r), name == c.region ? QStringLiteral("region") : QStringLiteral("aliases"),
                                           QStringLiteral("\"%1\" already names \"%2\"").arg(name, other->region)));
                clash = true;
            }
        }
        if (clash)
            continue;
        table.m_regions.push_back(std::move(c));
    }
    return table;
}

CarbonTable CarbonTable::bundled()
{
    QStringList errors;
    CarbonTable table = fromCsv(bundledCarbonCsv(), QStringLiteral("bundled carbon-intensity.csv"), &errors);
    if (!errors.isEmpty())
        qWarning("%s", qPrintable(errors.join(QLatin1Char('\n'))));
    return table;
}

const CarbonIntensity* CarbonTable::find(const QString& regionOrAlias) const
{
    const QString key = nameKey(regionOrAlias);
    for (const CarbonIntensity& c : m_regions)
        if (nameKey(c.region) == key)
            return &c;
    for (const CarbonIntensity& c : m_regions)
        for (const QString& alias : c.aliases)
            if (nameKey(alias) == key)
                return &c;
    return nullptr;
}

} // namespace nofade

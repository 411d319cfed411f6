#include "models/pue_table.h"

#include "models/bundled_data.h"
#include "models/csv_table.h"
#include "models/text_values.h"

namespace nofade {

PueTable PueTable::fromCsv(const QByteArray& bytes, const QString& origin, QStringList* errors)
{
    PueTable table;
    const CsvTable csv(parseCsv(bytes));
    for (const CsvProblem& p : csv.document().problems)
        errors->append(QStringLiteral("%1: line %2: %3").arg(origin).arg(p.line).arg(p.reason));
    for (const char* required : {"provider", "pue"}) {
        if (csv.column(QString::fromLatin1(required)) < 0) {
            errors->append(QStringLiteral("%1: the header has no \"%2\" column").arg(origin, QLatin1String(required)));
            return table;
        }
    }
    for (int r = 0; r < csv.dataRecords().size(); ++r) {
        auto text = [&](const char* column) { return csv.value(r, QString::fromLatin1(column)).value_or(QString()).trimmed(); };
        auto error = [&](const QString& column, const QString& reason) {
            errors->append(cellMessage(origin, r, csv.line(r), column, reason));
        };
        ProviderPue p;
        p.provider = text("provider");
        if (p.provider.isEmpty()) {
            error(QStringLiteral("provider"), QStringLiteral("is empty"));
            continue;
        }
        const auto pue = parseNumber(text("pue"));
        if (!pue || *pue < 1.0) {
            error(QStringLiteral("pue"), QStringLiteral("\"%1\" is not a number of at least 1").arg(text("pue")));
            continue;
        }
        p.pue = *pue;
        p.year = text("year");
        for (const QString& alias : text("aliases").split(QLatin1Char(';'), Qt::SkipEmptyParts))
            if (!alias.trimmed().isEmpty())
                p.aliases << alias.trimmed();
        p.source = text("source");
        bool clash = false;
        for (const QString& name : QStringList{p.provider} + p.aliases) {
            if (const ProviderPue* other = table.find(name)) {
                error(name == p.provider ? QStringLiteral("provider") : QStringLiteral("aliases"),
                      QStringLiteral("\"%1\" already names \"%2\"").arg(name, other->provider));
                clash = true;
            }
        }
        if (!clash)
            table.m_providers.push_back(std::move(p));
    }
    return table;
}

PueTable PueTable::bundled()
{
    QStringList errors;
    PueTable table = fromCsv(bundledPueCsv(), QStringLiteral("bundled pue.csv"), &errors);
    if (!errors.isEmpty())
        qWarning("%s", qPrintable(errors.join(QLatin1Char('\n'))));
    return table;
}

const ProviderPue* PueTable::find(const QString& providerOrAlias) const
{
    const QString key = nameKey(providerOrAlias);
    for (const ProviderPue& p : m_providers)
        if (nameKey(p.provider) == key)
            return &p;
    for (const ProviderPue& p : m_providers)
        for (const QString& alias : p.aliases)
            if (nameKey(alias) == key)
                return &p;
    return nullptr;
}

} // namespace nofade

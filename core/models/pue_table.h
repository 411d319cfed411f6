#pragma once
// Default power usage effectiveness per provider (resources/pue.csv): the cloud providers, an
// on-premise or unknown data centre, a workstation. Names match case- and space-insensitively
// and through aliases ("aws", "gcp", "azure", "unknown").
#include <vector>
#include <QByteArray>
#include <QString>
#include <QStringList>

namespace nofade {

struct ProviderPue {
    QString provider;
    double pue = 1.0;
    QString year;
    QStringList aliases;
    QString source;
};

class PueTable {
public:
    // Columns: provider, pue (>= 1), year, aliases (';'-separated), source. Bad rows, and names or
    // aliases used twice, are skipped with a message naming file, row, column and reason.
    static PueTable fromCsv(const QByteArray& bytes, const QString& origin, QStringList* errors);
    static PueTable bundled(); // its own problems go to qWarning; a test keeps it clean

    const ProviderPue* find(const QString& providerOrAlias) const;
    const std::vector<ProviderPue>& providers() const { return m_providers; }

private:
    std::vector<ProviderPue> m_providers;
};

} // namespace nofade

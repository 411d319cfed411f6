#include "imports/run_import.h"

#include <algorithm>

#include "imports/codecarbon_import.h"
#include "imports/epoch_import.h"
#include "imports/sacct_import.h"

namespace nofade {

QString importFormatName(ImportFormat format)
{
    switch (format) {
    case ImportFormat::CodeCarbon: return QStringLiteral("codecarbon");
    case ImportFormat::Sacct: return QStringLiteral("sacct");
    case ImportFormat::Epoch: return QStringLiteral("epoch");
    }
    return {};
}

std::optional<ImportFormat> importFormatFromName(const QString& name)
{
    const QString n = name.trimmed().toLower();
    for (ImportFormat f : {ImportFormat::CodeCarbon, ImportFormat::Sacct, ImportFormat::Epoch})
        if (n == importFormatName(f))
            return f;
    return std::nullopt;
}

ImportResult importRuns(ImportFormat format, const QByteArray& bytes, const QString& fileName,
                        const ImportOptions& options)
{
    ImportResult result = format == ImportFormat::CodeCarbon ? importCodeCarbon(bytes, fileName, options)
                          : format == ImportFormat::Sacct    ? importSacct(bytes, fileName, options)
                                                             : importEpoch(bytes, fileName, options);
    std::stable_sort(result.issues.begin(), result.issues.end(),
                     [](const ImportIssue& a, const ImportIssue& b) { return a.line < b.line; });
    warnAboutMissingCells(result);
    return result;
}

} // namespace nofade

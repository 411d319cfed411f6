#pragma once
// The user's own runs -> model-table rows: one entry point for the CLI and the GUI's preview.
#include <optional>
#include <QByteArray>
#include <QString>

#include "imports/imported_run.h"

namespace nofade {

enum class ImportFormat { CodeCarbon, Sacct, Epoch };
QString importFormatName(ImportFormat format); // codecarbon | sacct | epoch
std::optional<ImportFormat> importFormatFromName(const QString& name);

// Reads the file's rows, applies the options, and lists every problem in line order (whole-file
// warnings about cells the model table still needs come last). Bad lines are left out, the rest
// imported. Serialise with importedRowsToCsv; ModelTable::fromCsv of that validates it as a table.
ImportResult importRuns(ImportFormat format, const QByteArray& bytes, const QString& fileName,
                        const ImportOptions& options);

} // namespace nofade

#pragma once
// Imported rows appended to a model table: the table's own rows stay byte for byte as they were,
// columns the table lacks (energy_kwh, co2_kg, year...) are added to its header, and the result
// is validated as a whole under `options`. Pure, no I/O.
#include <vector>

#include "imports/imported_run.h"
#include "models/model_table.h"

namespace nofade {

ModelTable appendImportedRows(const ModelTable& table, const std::vector<ImportedRow>& rows,
                              const ModelTableOptions& options);

} // namespace nofade

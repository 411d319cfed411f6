#pragma once
// Which run log a file is, from its header line: sacct's '|'-separated JobID/ElapsedRaw header,
// CodeCarbon's energy_consumed/emissions/duration columns, Epoch AI's Model and Training compute
// columns. Pure, no I/O.
#include <optional>
#include <QByteArray>

#include "imports/run_import.h"

namespace nofade {

// `head`: the file's first bytes (the header line is enough). Nullopt when no format matches.
std::optional<ImportFormat> guessImportFormat(const QByteArray& head);

} // namespace nofade

#pragma once
// Slurm accounting: `sacct -P -o JobID,JobName,ElapsedRaw,AllocTRES,NodeList,State` ('|'
// separated, a header line; the columns are found by name). Device-hours of a job =
// ElapsedRaw / 3600 x its allocated GPUs (AllocTRES gres/gpu=N, or the sum of gres/gpu:TYPE=N).
// Only allocation lines count: steps (123.batch, 123.0, 123_4.extern) run inside their job's
// allocation and would count it twice. Jobs that did not complete are named in warnings and
// counted only with includeFailed. Pure, no I/O.
#include <optional>
#include <QByteArray>
#include <QString>

#include "imports/imported_run.h"

namespace nofade {

ImportResult importSacct(const QByteArray& bytes, const QString& fileName, const ImportOptions& options);

// The GPUs of an AllocTRES value ("billing=8,cpu=8,gres/gpu:a100=4,gres/gpu=4,mem=64G,node=1"):
// gres/gpu=N when given, else the sum of the typed counts; `type` gets the first GPU type named.
// Nullopt when a GPU count is not a whole number.
std::optional<int> gpusOfTres(const QString& tres, QString* type);

} // namespace nofade

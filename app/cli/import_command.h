#pragma once
#include <QStringList>

namespace nofade::cli {

// nofade-cli import FILE --from codecarbon|sacct|epoch --out models.csv: the user's own runs as a
// model table.
int runImportCommand(const QStringList& args);

} // namespace nofade::cli

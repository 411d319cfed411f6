#pragma once
#include <QStringList>

namespace nofade::cli {

// nofade-cli scan PATH [options]: see docs/CLI.md. `args` starts with the command name.
int runScanCommand(const QStringList& args);

} // namespace nofade::cli

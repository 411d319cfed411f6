#pragma once
#include <QStringList>

namespace nofade::cli {

// nofade-cli report [options]: training energy, CO2, NoFADE and diminishing-returns fits of a
// model table; see docs/CLI.md. `args` starts with the command name.
int runReportCommand(const QStringList& args);

} // namespace nofade::cli

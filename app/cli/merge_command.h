#pragma once
#include <QStringList>

namespace nofade::cli {

// nofade-cli merge A.json B.json ... --out FILE: shard profiles -> the profile of the whole scan.
int runMergeCommand(const QStringList& args);

} // namespace nofade::cli

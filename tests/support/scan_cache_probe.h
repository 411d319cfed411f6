#pragma once
// Looking into a scan cache from outside, for the "nothing lost" tests: which images it holds, and
// a way to prove that they are not decoded again.
#include <QString>
#include <QStringList>

namespace nofade::test {

// The images whose results are committed to the cache file (paths relative to the dataset),
// read through a read-only connection so that a running scan is not disturbed.
QStringList cachedPaths(const QString& cacheFile);

// Overwrites a file with zeros of the same size and gives it back its modification time: decoded
// again it would fail, taken from the cache it still counts with its old entropy.
bool spoilKeepingStamp(const QString& path);

} // namespace nofade::test

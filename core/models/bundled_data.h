#pragma once
// The data files bundled into the core (resources/, compiled in as Qt resources), so the CLI and
// the GUI find them without install paths.
#include <QByteArray>
#include <QString>

namespace nofade {

inline constexpr char kBundledCorpusPath[] = ":/nofade/corpus/models.csv";
inline constexpr char kBundledHardwarePath[] = ":/nofade/hardware.csv";
inline constexpr char kBundledCarbonPath[] = ":/nofade/carbon-intensity.csv";
inline constexpr char kBundledPuePath[] = ":/nofade/pue.csv";

QByteArray bundledCorpusCsv();
QByteArray bundledHardwareCsv();
QByteArray bundledCarbonCsv();
QByteArray bundledPueCsv();

} // namespace nofade

#include "models/bundled_data.h"

#include <QFile>

// The resource object of a static library needs an explicit reference to be initialised.
static void initNoFadeModelResources()
{
    Q_INIT_RESOURCE(nofade_models_data);
}

namespace nofade {

namespace {

QByteArray readBundled(const char* path)
{
    static const bool initialised = [] { initNoFadeModelResources(); return true; }();
    Q_UNUSED(initialised);
    QFile file(QString::fromLatin1(path));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("bundled resource %s is missing from the build", path);
    return file.readAll();
}

} // namespace

QByteArray bundledCorpusCsv() { return readBundled(kBundledCorpusPath); }
QByteArray bundledHardwareCsv() { return readBundled(kBundledHardwarePath); }
QByteArray bundledCarbonCsv() { return readBundled(kBundledCarbonPath); }
QByteArray bundledPueCsv() { return readBundled(kBundledPuePath); }

} // namespace nofade

#pragma once
// The names of the complexity measures (as the CLI and the profile JSON spell them) and their
// one-line definitions.
#include <optional>
#include <QString>
#include <QStringList>

namespace nofade {

// entropy, si, bpp (per image); id, f1, n1, csg (per dataset, on the small-vector sample).
QStringList measureNames();
bool isPerImageMeasure(const QString& name);
bool isDatasetMeasure(const QString& name);
bool isClassMeasure(const QString& name); // needs classes: f1, n1, csg
QString measureDefinition(const QString& name);

// "entropy,si,csg" or "all" into names in measureNames() order; nullopt with `error`.
std::optional<QStringList> parseMeasureList(const QString& text, QString* error);

} // namespace nofade

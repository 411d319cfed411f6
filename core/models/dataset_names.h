#pragma once
// Dataset names as people write them: "MS COCO", "COCO" and "coco2017" are one dataset.
// Pure, no I/O.
#include <QString>

namespace nofade {

// The key datasets are matched by: the canonical name's nameKey() for a known alias, else the
// name's own nameKey().
QString datasetKey(const QString& name);

// The canonical spelling of a known dataset ("MS COCO" -> "COCO"), else the name trimmed.
QString canonicalDatasetName(const QString& name);

} // namespace nofade

#pragma once
// Epoch AI's "Data on AI Models" CSV (Model, Task, Training compute (FLOP), Training hardware,
// Hardware quantity, Training time (hours), Hardware utilization, Parameters, Publication date,
// Confidence, ...): published models as rows whose score the user fills in. Training time and
// hardware count become wall_hours x device_count (provenance reported, as Epoch compiled them
// from the publications); the total training compute goes to training_flops, from which the
// report estimates the hours when none are given. Pure, no I/O.
#include <QByteArray>
#include <QString>

#include "imports/imported_run.h"

namespace nofade {

ImportResult importEpoch(const QByteArray& bytes, const QString& fileName, const ImportOptions& options);

} // namespace nofade

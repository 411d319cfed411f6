#pragma once
// The report's settings as JSON, written and read once for both documents that hold them: a
// report (nofade.report/1's "settings", which adds descriptive fields and writes only what the
// method uses) and a session file (every field exactly, read strictly: a key missing or of the
// wrong type refuses the file).
#include <QJsonObject>
#include <QString>

#include "models/report.h"

namespace nofade {

enum class SettingsDocument { Report, Session };

QJsonObject reportSettingsToJson(const ReportSettings& s, SettingsDocument document);
// A problem is named in `error` ("settings.pue: not a number"); the settings are then partial.
ReportSettings reportSettingsFromJson(const QJsonObject& o, SettingsDocument document, QString* error);

} // namespace nofade

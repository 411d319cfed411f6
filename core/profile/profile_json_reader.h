#pragma once
// Reading a profile JSON (nofade.profile/1) from a device without holding the whole document:
// the per-image rows are parsed one at a time straight into Profile::perImage, the class pairs
// (recomputed from the classes on load) are checked and skipped, and only the small rest of the
// document goes through QJsonDocument and profileFromJson. The same profile as
// profileFromJson(QJsonDocument::fromJson(bytes)), with the same errors; a malformed text is named
// by its byte offset in the file, a bad row by "per_image[i].field".
#include <optional>
#include <QIODevice>
#include <QString>

#include "profile/profile.h"

namespace nofade {

std::optional<Profile> readProfileJson(QIODevice& in, QString* error);

} // namespace nofade

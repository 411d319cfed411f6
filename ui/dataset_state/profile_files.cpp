#include "dataset_state/profile_files.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QtConcurrent/QtConcurrentRun>

#include "datasets/dataset_opener.h"
#include "profile/profile_json.h"
#include "profile/profile_json_reader.h"

namespace nofade::ui {

bool ProfileFiles::save(const Profile& profile, const QString& file, QString* error)
{
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("%1: cannot write: %2").arg(file, out.errorString());
        return false;
    }
    // Written as it is made: the per-image rows never exist as one text in memory.
    if (!writeProfileJson(out, profile, true, {}) || !out.commit()) {
        *error = QStringLiteral("%1: cannot write: %2").arg(file, out.errorString());
        return false;
    }
    return true;
}

LoadedProfile ProfileFiles::load(const QString& file)
{
    LoadedProfile r;
    r.file = file;
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly)) {
        r.error = QStringLiteral("%1: cannot read: %2").arg(file, in.errorString());
        return r;
    }
    QString error;
    // Read as it streams in: neither the text nor a document of its per-image rows is held.
    std::optional<Profile> p = readProfileJson(in, &error);
    if (!p) {
        r.error = QStringLiteral("%1: not a NoFADE profile: %2").arg(file, error);
        return r;
    }
    auto profile = std::make_shared<const Profile>(std::move(*p));
    r.jsd = std::make_shared<const JsdSummary>(profile->jsd());
    // The images themselves are optional: a shared profile is complete without them.
    if (!profile->source.path.isEmpty() && QFileInfo::exists(profile->source.path)) {
        OpenedDataset opened = openDataset(profile->source.path, profile->source.format);
        if (opened.source && opened.source->itemCount() == profile->source.items)
            r.source = std::shared_ptr<const DatasetSource>(std::move(opened.source));
    }
    r.profile = std::move(profile);
    return r;
}

QFuture<LoadedProfile> ProfileFiles::loadAsync(const QString& file)
{
    return QtConcurrent::run([file] { return load(file); });
}

QString ProfileFiles::fileFilter()
{
    return QStringLiteral("NoFADE profiles (*.json);;All files (*)");
}

} // namespace nofade::ui

#include "documents/session_file.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

#include "models/json_field_reader.h"
#include "models/report_settings_json.h"

namespace nofade {

namespace {

QJsonValue number(const std::optional<double>& v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

QJsonArray complexitiesJson(const std::vector<ComplexityInput>& inputs)
{
    QJsonArray out;
    for (const ComplexityInput& c : inputs)
        out.append(QJsonObject{
            {QStringLiteral("dataset"), c.dataset},
            {QStringLiteral("entropy"), number(c.entropy)},
            {QStringLiteral("jensen_shannon"), number(c.jensenShannon)},
            {QStringLiteral("jensen_shannon_reason"), c.jensenShannonReason},
            {QStringLiteral("typed"), number(c.typed)},
            {QStringLiteral("source"), c.source},
        });
    return out;
}

using Reader = JsonFieldReader;

std::vector<ComplexityInput> readComplexities(const QJsonArray& list, const QString& key, QString* error)
{
    std::vector<ComplexityInput> out;
    for (int i = 0; i < list.size(); ++i) {
        if (!list.at(i).isObject()) {
            *error = QStringLiteral("%1[%2]: not an object").arg(key).arg(i);
            return out;
        }
        Reader in(list.at(i).toObject(), QStringLiteral("%1[%2].").arg(key).arg(i), error);
        ComplexityInput c;
        c.dataset = in.text(QStringLiteral("dataset"));
        c.entropy = in.optionalNumber(QStringLiteral("entropy"));
        c.jensenShannon = in.optionalNumber(QStringLiteral("jensen_shannon"));
        c.jensenShannonReason = in.text(QStringLiteral("jensen_shannon_reason"));
        c.typed = in.optionalNumber(QStringLiteral("typed"));
        c.source = in.text(QStringLiteral("source"));
        out.push_back(c);
    }
    return out;
}

} // namespace

QByteArray sessionToJson(const SessionData& session)
{
    QJsonArray datasets;
    for (const SessionDataset& d : session.datasets)
        datasets.append(QJsonObject{{QStringLiteral("name"), d.name},
                                    {QStringLiteral("path"), d.path},
                                    {QStringLiteral("task"), d.task},
                                    {QStringLiteral("measure"), d.measure},
                                    {QStringLiteral("profile"), d.profile},
                                    {QStringLiteral("shard_folder"), d.shardFolder}});
    const QJsonObject o{
        {QStringLiteral("schema"), QStringLiteral("%1%2").arg(QLatin1String(kSessionSchemaPrefix)).arg(kSessionVersion)},
        {QStringLiteral("models"), QJsonObject{{QStringLiteral("name"), session.modelsName},
                                               {QStringLiteral("bundled"), session.modelsBundled},
                                               {QStringLiteral("csv"), QString::fromUtf8(session.modelsCsv)}}},
        {QStringLiteral("settings"), reportSettingsToJson(session.settings, SettingsDocument::Session)},
        {QStringLiteral("typed_complexities"), complexitiesJson(session.typedComplexities)},
        {QStringLiteral("profile_complexities"), complexitiesJson(session.profileComplexities)},
        {QStringLiteral("datasets"), datasets},
        {QStringLiteral("charts"), session.charts},
    };
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

std::optional<SessionData> sessionFromJson(const QByteArray& bytes, const QString& file, QString* error)
{
    QString why;
    auto failed = [&]() -> std::optional<SessionData> {
        *error = QStringLiteral("%1: %2").arg(file, why);
        return std::nullopt;
    };
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parse);
    if (parse.error != QJsonParseError::NoError) {
        why = QStringLiteral("not a session file: JSON error at byte %1: %2").arg(parse.offset).arg(parse.errorString());
        return failed();
    }
    if (!doc.isObject()) {
        why = QStringLiteral("not a session file: the JSON is not an object");
        return failed();
    }
    const QJsonObject o = doc.object();
    const QString schema = o.value(QStringLiteral("schema")).toString();
    const QString prefix = QLatin1String(kSessionSchemaPrefix);
    if (!schema.startsWith(prefix)) {
        why = schema.isEmpty() ? QStringLiteral("not a session file (no \"schema\": \"%1%2\")").arg(prefix).arg(kSessionVersion)
                               : QStringLiteral("not a session file (schema \"%1\")").arg(schema);
        return failed();
    }
    bool ok = false;
    const int version = schema.mid(prefix.size()).toInt(&ok);
    if (!ok || version < 1) {
        why = QStringLiteral("unknown session schema \"%1\"").arg(schema);
        return failed();
    }
    if (version > kSessionVersion) {
        why = QStringLiteral("written by a newer NoFADE Studio (session version %1; this version reads up to %2). "
                             "Open it with a newer version.").arg(version).arg(kSessionVersion);
        return failed();
    }
    SessionData s;
    Reader in(o, QString(), &why);
    const QJsonObject models = in.object(QStringLiteral("models"));
    {
        Reader m(models, QStringLiteral("models."), &why);
        s.modelsName = m.text(QStringLiteral("name"));
        s.modelsBundled = m.boolean(QStringLiteral("bundled"));
        s.modelsCsv = m.text(QStringLiteral("csv")).toUtf8();
    }
    s.settings = reportSettingsFromJson(in.object(QStringLiteral("settings")), SettingsDocument::Session, &why);
    s.typedComplexities = readComplexities(in.array(QStringLiteral("typed_complexities")), QStringLiteral("typed_complexities"), &why);
    s.profileComplexities = readComplexities(in.array(QStringLiteral("profile_complexities")), QStringLiteral("profile_complexities"), &why);
    const QJsonArray datasets = in.array(QStringLiteral("datasets"));
    for (int i = 0; i < datasets.size() && why.isEmpty(); ++i) {
        Reader d(datasets.at(i).toObject(), QStringLiteral("datasets[%1].").arg(i), &why);
        SessionDataset ds;
        ds.name = d.text(QStringLiteral("name"));
        ds.path = d.text(QStringLiteral("path"));
        ds.task = d.text(QStringLiteral("task"));
        ds.measure = d.text(QStringLiteral("measure"));
        ds.profile = d.text(QStringLiteral("profile"));
        ds.shardFolder = d.optionalText(QStringLiteral("shard_folder")); // absent in sessions saved before it was kept
        s.datasets.push_back(ds);
    }
    s.charts = in.object(QStringLiteral("charts"));
    if (!why.isEmpty())
        return failed();
    return s;
}

bool writeSessionFile(const SessionData& session, const QString& file, QString* error)
{
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(sessionToJson(session)) < 0 || !out.commit()) {
        *error = QStringLiteral("%1: cannot write: %2").arg(file, out.errorString());
        return false;
    }
    return true;
}

std::optional<SessionData> readSessionFile(const QString& file, QString* error)
{
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: cannot read: %2").arg(file, in.errorString());
        return std::nullopt;
    }
    return sessionFromJson(in.readAll(), file, error);
}

} // namespace nofade

#pragma once
// A session file (JSON, "schema": "nofade.session/1"): the model table with its edits (the CSV
// text, so that nothing of the user's file is lost), the report settings, the typed-in and the
// profiles' dataset complexities, references to the datasets (name, path, task, measure, saved
// profile) and the charts' choices (an object the chart views own). Reading checks everything
// before anything is used: a damaged file or one of a newer version is refused with a message
// naming the file and what is wrong.
#include <optional>
#include <vector>
#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include "models/dataset_complexity.h"
#include "models/report.h"

namespace nofade {

inline constexpr char kSessionSchemaPrefix[] = "nofade.session/";
inline constexpr int kSessionVersion = 1;

struct SessionDataset {
    QString name;
    QString path;
    QString task;     // DatasetTask name
    QString measure;  // "C_JS" | "C_H" | "SI" | "bpp" | "ID" | "F1" | "N1" | "CSG"
    QString profile;  // a saved profile file, or empty
    QString shardFolder; // a folder of shard profiles the dataset is merged from (watched), or empty

    bool operator==(const SessionDataset&) const = default;
};

struct SessionData {
    QByteArray modelsCsv;
    QString modelsName; // the table's file name ("bundled corpus" for the corpus)
    bool modelsBundled = false; // the unedited bundled corpus: reopened as the bundled corpus of the day
    ReportSettings settings;
    std::vector<ComplexityInput> typedComplexities;
    std::vector<ComplexityInput> profileComplexities;
    std::vector<SessionDataset> datasets;
    QJsonObject charts;
};

QByteArray sessionToJson(const SessionData& session);
// Nullopt with `error` ("FILE: reason") for anything malformed, of another schema or newer.
std::optional<SessionData> sessionFromJson(const QByteArray& bytes, const QString& file, QString* error);

// Atomic (QSaveFile): the old file stays whole if writing fails.
bool writeSessionFile(const SessionData& session, const QString& file, QString* error);
std::optional<SessionData> readSessionFile(const QString& file, QString* error);

} // namespace nofade

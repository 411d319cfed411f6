#pragma once
// The report JSON's keys for uncertainty, life-cycle terms and the frontier analysis
// (docs/CLI.md), written beside the keys of nofade.report/1 and read back from them. Absent keys
// (a report written before them) read as "not computed".
#include <QJsonObject>
#include <QString>

#include "models/report.h"

namespace nofade {

void putUncertaintySettings(QJsonObject& settings, const ReportSettings& s);
void putModelUncertainty(QJsonObject& model, const ModelResult& m);
void putFrontier(QJsonObject& dataset, const DatasetResult& d);

// Each sets `error` to "<path><key>: <reason>" on the first malformed key, if `error` is empty.
void readUncertaintySettings(const QJsonObject& settings, ReportSettings& s, QString* error);
void readModelUncertainty(const QJsonObject& model, const QString& path, ModelResult& m, QString* error);
void readFrontier(const QJsonObject& dataset, const QString& path, DatasetResult& d, QString* error);

} // namespace nofade

#pragma once
// NoFADE = score x C_dataset / log(f_FLOPs) (METHODS.md section 6). Pure, no I/O.
#include <optional>
#include <QString>

#include "models/model_fields.h"

namespace nofade {

enum class LogBase { Natural, Ten, Two };
QString logBaseName(LogBase base); // "ln" | "log10" | "log2"
std::optional<LogBase> logBaseFromName(const QString& name);

// Which complexity a dataset's NoFADE uses: C_JS (classification datasets by default), C_H
// (detection/segmentation by default).
enum class ComplexityMeasure { JensenShannon, Entropy };
QString complexityMeasureName(ComplexityMeasure measure); // "C_JS" | "C_H"
std::optional<ComplexityMeasure> complexityMeasureFromName(const QString& name);
ComplexityMeasure defaultMeasure(Task datasetTask);

struct NoFadeSettings {
    ScoreScale scoreScale = ScoreScale::Percent; // the score is used as written in the table
    LogBase logBase = LogBase::Natural;
};

// score x complexity / log_base(flops). Nullopt when log(flops) <= 0 (flops <= 1).
std::optional<double> noFade(double score, double complexity, double flops, LogBase base);

} // namespace nofade

#pragma once
// NoFADE = score x C_dataset / log(f_FLOPs) (METHODS.md section 6). Pure, no I/O.
#include <optional>
#include <vector>
#include <QString>

#include "models/model_fields.h"

namespace nofade {

enum class LogBase { Natural, Ten, Two };
QString logBaseName(LogBase base); // "ln" | "log10" | "log2"
std::optional<LogBase> logBaseFromName(const QString& name);

// Which complexity a dataset's NoFADE uses: C_JS (classification datasets by default), C_H
// (detection/segmentation by default), or one of the other complexity measures of a profile
// (complexity/measure_names.h: si, bpp, id, f1, n1, csg).
enum class ComplexityMeasure { JensenShannon, Entropy, SpatialInformation, CompressedBpp, IntrinsicDimension, FisherF1,
                               BorderlineN1, SpectralCsg };
QString complexityMeasureName(ComplexityMeasure measure); // "C_JS" | "C_H" | "SI" | "bpp" | "ID" | "F1" | "N1" | "CSG"
// Every measure, the paper's two first.
std::vector<ComplexityMeasure> complexityMeasures();
// The profile's measure name (measureNames(): "entropy", "si", ...); empty for C_JS.
QString profileMeasureName(ComplexityMeasure measure);
std::optional<ComplexityMeasure> complexityMeasureFromName(const QString& name);
ComplexityMeasure defaultMeasure(Task datasetTask);

struct NoFadeSettings {
    ScoreScale scoreScale = ScoreScale::Percent; // the score is used as written in the table
    LogBase logBase = LogBase::Natural;
};

// score x complexity / log_base(flops). Nullopt when log(flops) <= 0 (flops <= 1).
std::optional<double> noFade(double score, double complexity, double flops, LogBase base);

} // namespace nofade

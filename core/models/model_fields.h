#pragma once
// The value types of the model table's cells (docs/MODELS.md) and their text forms. Pure.
#include <optional>
#include <QString>

namespace nofade {

enum class Task { Classification, Detection, Segmentation };
QString taskName(Task task);
std::optional<Task> taskFromName(const QString& name); // case-insensitive

// measured: recorded while the run happened (a tracker such as CodeCarbon, the scheduler's accounting).
enum class HoursProvenance { Reported, Derived, Estimated, Measured };
QString provenanceName(HoursProvenance provenance);
std::optional<HoursProvenance> provenanceFromName(const QString& name);

// How sure a row's source makes its numbers, in Epoch AI's terms (their database's Confidence).
enum class Confidence { Confident, Likely, Speculative };
QString confidenceName(Confidence confidence);
std::optional<Confidence> confidenceFromName(const QString& name); // case-insensitive

// How the table's scores are written: 83.6 (percent, the default) or 0.836 (fraction).
enum class ScoreScale { Percent, Fraction };
QString scoreScaleName(ScoreScale scale);
std::optional<ScoreScale> scoreScaleFromName(const QString& name);
inline double maxScore(ScoreScale scale) { return scale == ScoreScale::Percent ? 100.0 : 1.0; }

// A compute unit such as "GFLOPs" or "GMACs": what was counted and the SI prefix.
struct ComputeUnit {
    bool macs = false;    // multiply-accumulates rather than FLOPs
    double scale = 1.0;   // 1, 1e3 (K), 1e6 (M), 1e9 (G), 1e12 (T), 1e15 (P)
};
// Accepts FLOPs/FLOP/FLOPS and MACs/MAC/MAdds with an optional K, M, G, T or P prefix, any case.
std::optional<ComputeUnit> computeUnitFromText(const QString& text);

} // namespace nofade

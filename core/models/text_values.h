#pragma once
// Small text conventions shared by the model, hardware and carbon tables. Pure, no I/O.
#include <optional>
#include <QString>

namespace nofade {

// The key two names are compared by: case-folded, with spaces, '-', '_' and '.' removed
// ("Tesla V100-SXM2-16GB" and "tesla v100 sxm2 16gb" share a key).
QString nameKey(const QString& name);

// A finite decimal number in C locale ("12.5", "-3", "4.1e9"), surrounding spaces allowed.
// Nullopt for empty text, words, thousands separators, "nan" or "inf".
std::optional<double> parseNumber(const QString& text);

// The shortest text that reads back as the same double ("0.1", "4100000000", "1e-05").
QString formatNumber(double value);

} // namespace nofade

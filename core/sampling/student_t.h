#pragma once
// The two-sided 95% critical value of Student's t distribution, for confidence intervals of a
// sample mean. Pure, no I/O.

namespace nofade {

// t such that P(|T| <= t) = 0.95 for T ~ t(df); df >= 1 (may be fractional). Hill's algorithm
// (Comm. ACM 13:617, 1970, algorithm 396), exact for df = 1 and 2, within 1e-5 elsewhere.
double studentT95(double df);

inline constexpr double kNormal95 = 1.959963984540054; // the normal distribution's value

} // namespace nofade

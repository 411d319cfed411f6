#pragma once
// Fisher's maximum discriminant ratio F1 in ECoL's normalised form (Ho & Basu, IEEE TPAMI 24(3),
// 2002; Lorena et al., ACM Computing Surveys 52(5), 2019): per feature f,
// r_f = sum_c n_c (mu_cf - mu_f)^2 / sum_c sum_{x in c} (x_f - mu_cf)^2 (features with a zero
// denominator skipped), F1 = 1 / (1 + max_f r_f). Near 1: every single feature overlaps (hard).
#include "complexity/measure_result.h"
#include "complexity/vector_set.h"

namespace nofade {

// `set`: labelled vectors, classes 0..K-1.
MeasureResult fisherF1(const VectorSet& set);

} // namespace nofade

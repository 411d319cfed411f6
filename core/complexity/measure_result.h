#pragma once
// What one dataset measure gives on one sample: a value, or the reason there is none.
#include <cstdint>
#include <optional>
#include <QString>

namespace nofade {

struct MeasureResult {
    std::optional<double> value;
    QString reason;          // why there is no value
    std::int64_t points = 0; // sample points the value rests on
    std::int64_t leftOut = 0; // points the measure could not use (TwoNN: exact duplicates)
};

} // namespace nofade

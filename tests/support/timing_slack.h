#pragma once
// Wall-clock bounds in tests catch a frozen GUI or an ignored cancel, not speed (bench/ measures
// speed). A loaded 2-core CI machine can be twice as slow as a quiet one; sanitizers about ten
// times: the bounds are scaled by this factor so they fail only on a real hang.

namespace nofade::test {

#ifdef NOFADE_SANITIZED
inline constexpr bool kSanitized = true;
inline constexpr double kTimingSlack = 20.0;
#else
inline constexpr bool kSanitized = false;
inline constexpr double kTimingSlack = 2.0;
#endif

} // namespace nofade::test

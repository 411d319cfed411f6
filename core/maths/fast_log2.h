#pragma once
// log2 of several doubles at once, written in plain arithmetic and bit operations on GCC/Clang
// vector types, so it compiles to whatever instruction set the function it is inlined into
// targets: two lanes of SSE2 in the portable code, four of AVX2 with FMA in the class-distance
// kernel's AVX2 variant. (Four-lane vectors in SSE2 code would be split, and their comparisons
// done one lane at a time: each instruction set gets its own width.)
//
// The helpers take and return vectors by value, which GCC and Clang flag (-Wpsabi) for 32-byte
// vectors in a file built without AVX, as such a function's calling convention differs between
// builds. They are always inlined, never called across that boundary: files including this one
// are compiled with -Wno-psabi (see core/maths/CMakeLists.txt), and no public header includes it.
#include <cstdint>

namespace nofade {

// Vector types of `width` doubles: values, their bits, and what comparing two of them gives.
struct Lanes2 {
    static constexpr int width = 2;
    using Double = double __attribute__((vector_size(16)));
    using Bits = std::uint64_t __attribute__((vector_size(16)));
    using Mask = std::int64_t __attribute__((vector_size(16)));
};
struct Lanes4 {
    static constexpr int width = 4;
    using Double = double __attribute__((vector_size(32)));
    using Bits = std::uint64_t __attribute__((vector_size(32)));
    using Mask = std::int64_t __attribute__((vector_size(32)));
};

// x = 2^k f with f in [sqrt(1/2), sqrt(2)) found from the bits alone (the offset trick of musl's
// log2), then log2(f) = 2/ln2 * atanh(z), z = (f-1)/(f+1), |z| <= 0.1716, as z P(z^2): P is the
// degree-7 Chebyshev fit of 2/ln2 * atanh(z)/z over z^2 in [0, 0.02944] (mpmath.chebyfit, 50
// digits; with the coefficients rounded to doubles, within 1.5e-17 of it, relative). The division
// is the rounding that matters: within a few ulp of the true value, no table, branch or libm call.
// Every x must be positive and normal; x = 0 gives a finite garbage value (-1023), never NaN, so a
// caller can mask such lanes out afterwards. `minus`, an integer, is subtracted at no cost (it
// folds into the exponent's constant): log2Positive(x, 1) = log2(x / 2).
template <typename L>
[[gnu::always_inline]] inline typename L::Double log2Positive(typename L::Double x, double minus = 0.0)
{
    using Double = typename L::Double;
    using Bits = typename L::Bits;
    constexpr std::uint64_t sqrtHalfBits = 0x3FE6A09E667F3BCDull; // bits of sqrt(1/2)
    constexpr std::uint64_t exponentOne = 0x3FFull << 52;         // bits of 1.0
    const Bits bits = reinterpret_cast<Bits>(x);
    // Biased so the subtraction never wraps: biasedK = k + 1023.
    const Bits biasedK = (bits - sqrtHalfBits + exponentOne) >> 52;
    const Double f = reinterpret_cast<Double>(bits - (biasedK << 52) + exponentOne);
    // k as a double without an int64 -> double conversion (AVX2 has none): 2^52 + biasedK, exactly.
    constexpr double twoTo52 = 4503599627370496.0;
    const Double k = reinterpret_cast<Double>(biasedK | 0x4330000000000000ull) - (twoTo52 + 1023.0 + minus);
    const Double z = (f - 1.0) / (f + 1.0); // f - 1 is exact (Sterbenz)
    const Double w = z * z;
    Double p = w * 0.2136589569431927 + 0.2209130842311768;
    p = p * w + 0.262334352504183;
    p = p * w + 0.32059853491395984;
    p = p * w + 0.4121985858409005;
    p = p * w + 0.5770780163455203;
    p = p * w + 0.9617966939259898;
    p = p * w + 2.8853900817779268; // 2/ln2
    return k + z * p;
}

// Lane-wise a where `mask` is set, else b.
template <typename L>
[[gnu::always_inline]] inline typename L::Double select(typename L::Mask mask, typename L::Double a,
                                                        typename L::Double b)
{
    using Mask = typename L::Mask;
    return reinterpret_cast<typename L::Double>((mask & reinterpret_cast<Mask>(a)) | (~mask & reinterpret_cast<Mask>(b)));
}

} // namespace nofade

#pragma once

namespace lcs::audience {

// Reproducible arithmetic for the audience's decisions. A seeded room must give the same session
// on every platform, and libm's exp() differs between C libraries (glibc, MSVC, Apple) in its last
// bits, which is enough to flip a `unit() < p` decision and send the whole room down another
// path. These use only +, −, ×, ÷ and comparisons on doubles, which IEEE 754 defines exactly;
// the files that use them are compiled without floating-point contraction (no fused
// multiply-add), see plugin/core/CMakeLists.txt.

/// e^x within 2 ulp of the exact value for |x| ≤ 700 (clamped beyond).
double portable_exp(double x);

/// The logistic function 1 / (1 + e^−x).
double logistic(double x);

} // namespace lcs::audience

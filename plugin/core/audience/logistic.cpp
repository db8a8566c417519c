#include "core/audience/logistic.hpp"

#include <array>
#include <cstddef>
#include <cstdint>

namespace lcs::audience {
namespace {
/// 1/n! for n = 0..13, each rounded once (IEEE division of exact integers).
constexpr std::array<double, 14> inverse_factorials()
{
	std::array<double, 14> c{};
	double factorial = 1.0;
	for (int n = 0; n < 14; ++n) {
		if (n > 0)
			factorial *= n; // exact: 13! < 2^53
		c[static_cast<std::size_t>(n)] = 1.0 / factorial;
	}
	return c;
}
constexpr auto kInverseFactorial = inverse_factorials();

/// 2^k, exact for −1022 ≤ k ≤ 1023 (products of powers of two).
double power_of_two(int64_t k)
{
	double result = 1.0;
	double base = k < 0 ? 0.5 : 2.0;
	for (uint64_t n = static_cast<uint64_t>(k < 0 ? -k : k); n != 0; n >>= 1) {
		if (n & 1)
			result *= base;
		base *= base;
	}
	return result;
}
} // namespace

double portable_exp(double x)
{
	if (!(x == x))
		return x; // NaN
	if (x > 700.0)
		x = 700.0;
	else if (x < -700.0)
		x = -700.0;
	// x = k·ln2 + r with |r| ≤ ln2/2; ln2 in two parts (the high part has trailing zero bits, so
	// k·high is exact) keeps r accurate.
	constexpr double kLog2E = 1.4426950408889634074;
	constexpr double kLn2High = 6.93147180369123816490e-01;
	constexpr double kLn2Low = 1.90821492927058770002e-10;
	const double scaled = x * kLog2E;
	const auto k = static_cast<int64_t>(scaled < 0 ? scaled - 0.5 : scaled + 0.5);
	const double kd = static_cast<double>(k);
	const double r = (x - kd * kLn2High) - kd * kLn2Low;
	// e^r by its Taylor polynomial to r^13/13! (the remainder is below 1e-17 for |r| ≤ 0.35).
	double sum = kInverseFactorial.back();
	for (std::size_t n = kInverseFactorial.size() - 1; n-- > 0;)
		sum = sum * r + kInverseFactorial[n];
	return sum * power_of_two(k);
}

double logistic(double x)
{
	if (x >= 0)
		return 1.0 / (1.0 + portable_exp(-x));
	const double e = portable_exp(x);
	return e / (1.0 + e);
}

} // namespace lcs::audience

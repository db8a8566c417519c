#pragma once

#include <cstdint>
#include <limits>
#include <optional>

// 64-bit integer arithmetic that says when it would overflow instead of wrapping (signed overflow
// is undefined behaviour). Hostile logs can carry any int64 value in qty or *_cents.
namespace lcs::metrics {

inline std::optional<int64_t> checked_add(int64_t a, int64_t b)
{
	constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
	constexpr int64_t kMin = std::numeric_limits<int64_t>::min();
	if (b > 0 ? a > kMax - b : a < kMin - b)
		return std::nullopt;
	return a + b;
}

inline std::optional<int64_t> checked_sub(int64_t a, int64_t b)
{
	constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
	constexpr int64_t kMin = std::numeric_limits<int64_t>::min();
	if (b < 0 ? a > kMax + b : a < kMin + b)
		return std::nullopt;
	return a - b;
}

inline std::optional<int64_t> checked_mul(int64_t a, int64_t b)
{
	constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
	constexpr int64_t kMin = std::numeric_limits<int64_t>::min();
	if (a == 0 || b == 0)
		return int64_t{0};
	const bool overflows = a > 0 ? (b > 0 ? a > kMax / b : b < kMin / a) : (b > 0 ? a < kMin / b : b < kMax / a);
	if (overflows)
		return std::nullopt;
	return a * b;
}

} // namespace lcs::metrics

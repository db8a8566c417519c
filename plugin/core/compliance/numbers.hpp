#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

// Amounts of money as written or said, in minor units (cents, 分): 三百九十九, 九块九 (9.9),
// 一万二 (12000), 两百, 十九块八毛, 一千零一, ¥199, ￥199, 199元, 199.00, 1.2万, $19.99,
// 19.99 dollars. Used for price claims (原价 三百九十九) and safe on any input (fuzzed).
namespace lcs::compliance {

struct Amount {
	int64_t cents = 0;
	size_t begin = 0; // byte span of the amount in the text (currency sign and unit included)
	size_t end = 0;
};

/// The amount that starts exactly at byte `at`, or nullopt. A Chinese numeral needs a unit or a
/// currency sign (一次 is no amount) unless bare_numerals (right after 原价: 原价三百九十九).
[[nodiscard]] std::optional<Amount> parse_amount_at(std::string_view text, size_t at, bool bare_numerals = false);

/// The first amount (bare numerals allowed) that starts within max_skip code points after byte `from` (never across a
/// sentence end: 。！？!?; or a newline), or nullopt.
[[nodiscard]] std::optional<Amount> find_amount(std::string_view text, size_t from, size_t max_skip);

} // namespace lcs::compliance

#include "core/compliance/pinyin.hpp"

#include <algorithm>
#include <cstring>

#include "core/compliance/pinyin_table.hpp"
#include "core/util/utf8.hpp"

namespace lcs::compliance::pinyin {

namespace t = pinyin_table;

std::optional<uint16_t> of(char32_t cp)
{
	const char32_t *end = t::kCodePoints + t::kCount;
	const char32_t *it = std::lower_bound(t::kCodePoints, end, cp);
	if (it == end || *it != cp)
		return std::nullopt;
	return t::kReadings[it - t::kCodePoints];
}

std::optional<uint16_t> syllable(std::string_view latin)
{
	const char *const *end = t::kSyllables + t::kSyllableCount;
	const char *const *it = std::lower_bound(t::kSyllables, end, latin,
						 [](const char *s, std::string_view v) { return std::string_view(s) < v; });
	if (it == end || std::string_view(*it) != latin)
		return std::nullopt;
	return static_cast<uint16_t>(it - t::kSyllables);
}

std::string_view text(uint16_t syllable)
{
	return syllable < t::kSyllableCount ? std::string_view(t::kSyllables[syllable]) : std::string_view();
}

std::optional<std::vector<std::pair<size_t, uint16_t>>> split(std::u32string_view letters)
{
	// Fewest syllables wins (zuihao → zui·hao, not zu·i·hao), computed right to left.
	constexpr size_t kLongest = 6; // zhuang
	const size_t n = letters.size();
	if (n == 0 || n > 64)
		return std::nullopt;
	std::vector<int> best(n + 1, -1); // syllables needed for letters[i..n)
	std::vector<std::pair<size_t, uint16_t>> step(n + 1, {0, 0});
	best[n] = 0;
	std::string piece;
	for (size_t i = n; i-- > 0;) {
		for (size_t len = std::min(kLongest, n - i); len >= 1; --len) {
			if (best[i + len] < 0)
				continue;
			piece.clear();
			bool ascii = true;
			for (size_t k = i; k < i + len; ++k) {
				ascii = ascii && letters[k] >= U'a' && letters[k] <= U'z';
				piece.push_back(static_cast<char>(letters[k]));
			}
			if (!ascii)
				continue;
			if (const auto s = syllable(piece); s && (best[i] < 0 || best[i + len] + 1 < best[i])) {
				best[i] = best[i + len] + 1;
				step[i] = {len, *s};
			}
		}
	}
	if (best[0] < 0)
		return std::nullopt;
	std::vector<std::pair<size_t, uint16_t>> out;
	for (size_t i = 0; i < n; i += step[i].first)
		out.emplace_back(i, step[i].second);
	return out;
}

std::string of_text(std::string_view text)
{
	std::string out;
	for (size_t at = 0; at < text.size();) {
		uint32_t cp = 0;
		const size_t n = util::utf8_sequence(text, at, &cp);
		at += n == 0 ? 1 : n;
		if (n == 0)
			continue;
		if (const auto s = of(static_cast<char32_t>(cp))) {
			if (!out.empty())
				out.push_back(' ');
			out += pinyin::text(*s);
		}
	}
	return out;
}

} // namespace lcs::compliance::pinyin

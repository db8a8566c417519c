#include "core/compliance/exemptions.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <string>

#include "core/util/utf8.hpp"

namespace lcs::compliance {
namespace {

bool ascii_letter(uint32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

struct CodePoint {
	uint32_t cp;
	size_t begin;
	size_t end;
};

/// Byte ranges between matching quotation marks: “…” 「…」 『…』 ‘…’ and ASCII "…" '…'
/// (an apostrophe inside a word, don't, is no quotation mark). Marks do not pair across lines.
std::vector<std::pair<size_t, size_t>> quote_ranges(std::string_view text)
{
	std::vector<CodePoint> cps;
	for (size_t at = 0; at < text.size();) {
		uint32_t cp = 0;
		const size_t n = util::utf8_sequence(text, at, &cp);
		cps.push_back({n == 0 ? 0xFFFD : cp, at, at + (n == 0 ? 1 : n)});
		at += n == 0 ? 1 : n;
	}
	static constexpr std::array<std::pair<uint32_t, uint32_t>, 6> kPairs = {{
		{0x201C, 0x201D}, {0x300C, 0x300D}, {0x300E, 0x300F}, {0x2018, 0x2019}, {'"', '"'}, {'\'', '\''}}};
	std::vector<std::pair<size_t, size_t>> out;
	for (const auto &[open, close] : kPairs) {
		std::optional<size_t> opened; // index in cps
		for (size_t i = 0; i < cps.size(); ++i) {
			const uint32_t c = cps[i].cp;
			if (c == '\n') {
				opened.reset();
				continue;
			}
			const bool prev_letter = i > 0 && ascii_letter(cps[i - 1].cp);
			const bool next_letter = i + 1 < cps.size() && ascii_letter(cps[i + 1].cp);
			if (opened && c == close) {
				if (close == '\'' && next_letter)
					continue; // don't
				out.emplace_back(cps[*opened].end, cps[i].begin);
				opened.reset();
			} else if (!opened && c == open) {
				if (open == '\'' && prev_letter)
					continue;
				opened = i;
			}
		}
	}
	return out;
}

// Negations right before a term (不是最好的, 不会马上涨价, 没有第一).
const std::vector<std::u32string> &negations_adjacent()
{
	static const std::vector<std::u32string> k = {U"不是", U"不", U"没有", U"没", U"并非", U"绝非", U"绝不", U"不算",
						      U"算不上", U"谈不上", U"称不上", U"并不", U"从不", U"不能说", U"不会",
						      U"不用", U"不需要", U"无需", U"不必", U"别说", U"不敢说"};
	return k;
}
// Negations with up to two characters between (不是全网最低, 不用去淘宝搜, 不主打抗皱, 不说比超市便宜):
// a negated verb or 是, never a bare 不 (不错的最好 is no negation, and 不要错过 is none either).
const std::vector<std::u32string> &negations_near()
{
	static const std::vector<std::u32string> k = {U"不是", U"没有", U"并非", U"绝非", U"算不上", U"谈不上", U"称不上",
						      U"不用", U"不需要", U"无需", U"不必", U"不说", U"不敢说", U"不能说",
						      U"不主打", U"不宣传", U"不承诺", U"不保证", U"没说", U"从不说"};
	return k;
}
const std::vector<std::u32string> &negations_latin()
{
	static const std::vector<std::u32string> k = {U"not", U"no", U"never", U"nor", U"without", U"isnt", U"arent",
						      U"wasnt", U"dont", U"doesnt", U"cant", U"wont", U"neither"};
	return k;
}

bool ends_with(std::u32string_view text, size_t end, std::u32string_view s)
{
	return end >= s.size() && text.compare(end - s.size(), s.size(), s) == 0;
}

} // namespace

TextExemptions::TextExemptions(std::string_view text, const NormalizedText &normalized, const Context &context)
	: nt_(normalized), quotes_(quote_ranges(text))
{
	const Normalizer &norm = Normalizer::instance();
	const std::u32string_view chars = nt_.chars;
	for (const auto &name : context.names) {
		const std::u32string key = norm.key(name);
		if (key.empty())
			continue;
		for (size_t at = chars.find(key); at != std::u32string_view::npos; at = chars.find(key, at + 1))
			names_.emplace_back(at, at + key.size());
	}
}

bool TextExemptions::quoted(size_t begin, size_t end) const
{
	return std::any_of(quotes_.begin(), quotes_.end(),
			   [&](const auto &q) { return q.first <= begin && end <= q.second; });
}

bool TextExemptions::in_name(size_t begin, size_t end) const
{
	return std::any_of(names_.begin(), names_.end(), [&](const auto &n) { return n.first <= begin && end <= n.second; });
}

bool TextExemptions::negated(size_t begin) const
{
	const std::u32string_view chars = nt_.chars;
	if (begin == 0 || chars[begin - 1] == kBreak)
		return false;
	const bool latin = chars[begin] < 0x80;
	if (!latin) {
		if ((nt_.gap[begin] & kGapPunctuation) != 0)
			return false;
		for (const auto &n : negations_adjacent())
			if (ends_with(chars, begin, n))
				return true;
		for (size_t gap = 0; gap <= 2 && gap < begin; ++gap) {
			if (chars[begin - gap] == kBreak || (nt_.gap[begin - gap] & kGapPunctuation) != 0)
				break; // 不，最好的: a comma ends what a negation covers
			for (const auto &n : negations_near())
				if (ends_with(chars, begin - gap, n))
					return true;
		}
		return false;
	}
	// Latin text: the word right before, or the one before a short word (not the best, no real cure).
	// Words start where something was dropped (a space) before a character.
	auto word_before = [&](size_t end) -> std::pair<size_t, size_t> {
		if (end == 0 || chars[end - 1] == kBreak || chars[end - 1] >= 0x80)
			return {end, end};
		size_t s = end - 1;
		while (s > 0 && !nt_.gap[s] && chars[s - 1] != kBreak && chars[s - 1] < 0x80)
			--s;
		return {s, end};
	};
	auto is_negation = [&](std::pair<size_t, size_t> w) {
		const std::u32string_view word = chars.substr(w.first, w.second - w.first);
		return std::find(negations_latin().begin(), negations_latin().end(), word) != negations_latin().end();
	};
	if (!nt_.gap[begin])
		return false;
	// Up to three short words may stand between (not the best, isn't your last chance, never pay
	// for a five star review), never a comma or other punctuation (no, this is the best).
	size_t end = begin;
	for (int words = 0; words < 4; ++words) {
		if ((nt_.gap[end] & kGapPunctuation) != 0)
			return false;
		const auto w = word_before(end);
		if (w.first == w.second)
			return false;
		if (is_negation(w))
			return true;
		// n't: "isn't" reads "isn" "t".
		if (w.second - w.first == 1 && chars[w.first] == U't') {
			const auto n = word_before(w.first);
			if (n.first != n.second && chars[n.second - 1] == U'n')
				return true;
		}
		if (w.second - w.first > 5)
			return false;
		end = w.first;
	}
	return false;
}

} // namespace lcs::compliance

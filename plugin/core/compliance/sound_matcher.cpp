#include "core/compliance/sound_matcher.hpp"

#include "core/compliance/pinyin.hpp"

namespace lcs::compliance {
namespace {

// Syllable tokens: syllable number + 1 (0 separates and never matches).
constexpr char32_t kNoSound = 0;

struct Token {
	char32_t sound;
	size_t begin; // normalised characters
	size_t end;
	bool romanised;
};

bool latin_letter(char32_t c)
{
	return c >= U'a' && c <= U'z';
}

} // namespace

void SoundMatcher::build(std::vector<Term> terms)
{
	for (auto &t : terms) {
		if (t.key.size() < 2)
			continue; // one character by sound matches far too much
		std::u32string sounds;
		for (const char32_t c : t.key) {
			const auto s = pinyin::of(c);
			if (!s) {
				sounds.clear();
				break;
			}
			sounds.push_back(static_cast<char32_t>(*s) + 1);
		}
		if (sounds.empty())
			continue;
		automaton_.add(sounds);
		terms_.push_back(std::move(t));
	}
	automaton_.build();
}

std::vector<SoundMatcher::Hit> SoundMatcher::find(const NormalizedText &text) const
{
	std::vector<Hit> out;
	if (terms_.empty())
		return out;
	const std::u32string_view chars = text.chars;
	std::vector<Token> tokens;
	tokens.reserve(chars.size());
	bool any_sound = false;
	for (size_t i = 0; i < chars.size();) {
		if (latin_letter(chars[i])) {
			// A word of Latin letters (up to the next dropped space or symbol) read as pinyin.
			size_t j = i + 1;
			while (j < chars.size() && latin_letter(chars[j]) && !text.gap[j])
				++j;
			if (const auto parts = pinyin::split(chars.substr(i, j - i))) {
				for (size_t k = 0; k < parts->size(); ++k) {
					const size_t b = i + (*parts)[k].first;
					const size_t e = k + 1 < parts->size() ? i + (*parts)[k + 1].first : j;
					tokens.push_back({static_cast<char32_t>((*parts)[k].second) + 1, b, e, true});
				}
				any_sound = true;
			} else {
				tokens.push_back({kNoSound, i, j, false});
			}
			i = j;
			continue;
		}
		const auto s = chars[i] == kBreak ? std::nullopt : pinyin::of(chars[i]);
		tokens.push_back({s ? static_cast<char32_t>(*s) + 1 : kNoSound, i, i + 1, false});
		any_sound = any_sound || s.has_value();
		++i;
	}
	if (!any_sound)
		return out;
	std::u32string sounds;
	sounds.reserve(tokens.size());
	for (const auto &t : tokens)
		sounds.push_back(t.sound);
	std::vector<AhoCorasick::Hit> hits;
	automaton_.find(sounds, hits);
	for (const auto &h : hits) {
		const Term &term = terms_[h.pattern];
		bool romanised = false;
		size_t same = 0;
		for (size_t k = h.begin; k < h.end; ++k) {
			const Token &t = tokens[k];
			romanised = romanised || t.romanised;
			if (!t.romanised && chars[t.begin] == term.key[k - h.begin])
				++same;
		}
		const size_t length = h.end - h.begin;
		if (same == length)
			continue; // the term itself: a plain match
		if (!romanised && same == 0)
			continue; // only sound-alike characters: too often an ordinary word
		out.push_back({term.rule, term.term, tokens[h.begin].begin, tokens[h.end - 1].end});
	}
	return out;
}

} // namespace lcs::compliance

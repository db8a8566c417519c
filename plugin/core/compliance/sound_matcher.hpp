#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/compliance/aho_corasick.hpp"
#include "core/compliance/normalizer.hpp"

// Matching by sound: a Chinese term also matches where the text has characters of the same
// toneless pinyin (醉好 for 最好) or the romanised syllables in their place (zui低, zui hao).
// To keep ordinary words out, a sound hit needs at least one romanised syllable or one character
// identical to the term's in the same place (罪低价 for 最低价, not 嘴甜 for 最甜… unless one
// character is the term's own); a hit with all of the term's own characters is a plain match.
namespace lcs::compliance {

class SoundMatcher {
public:
	struct Term {
		uint32_t rule;
		uint32_t term;
		std::u32string key; // the normalised term
	};
	struct Hit {
		uint32_t rule;
		uint32_t term;
		size_t begin; // normalised characters
		size_t end;
	};

	void build(std::vector<Term> terms);
	[[nodiscard]] std::vector<Hit> find(const NormalizedText &text) const;

private:
	AhoCorasick automaton_;
	std::vector<Term> terms_; // by pattern id
};

} // namespace lcs::compliance

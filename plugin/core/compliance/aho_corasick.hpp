#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

// Aho–Corasick: every occurrence of many patterns in one pass over a text. The alphabet is 32-bit
// (normalised code points, or pinyin syllable numbers). Build once, then find() from any thread.
namespace lcs::compliance {

class AhoCorasick {
public:
	struct Hit {
		size_t pattern; // the id add() returned
		size_t begin;   // first character of the occurrence in the text
		size_t end;     // one past its last character
	};

	/// Adds a pattern (not empty) before build(); returns its id (ids count from 0).
	size_t add(std::u32string_view pattern);
	/// Computes the failure links; no add() after it.
	void build();

	/// Every occurrence of every pattern, in order of their end (then longest first).
	void find(std::u32string_view text, std::vector<Hit> &out) const;

	[[nodiscard]] size_t patterns() const { return lengths_.size(); }

private:
	struct Node {
		std::vector<std::pair<char32_t, uint32_t>> next; // sorted by character
		uint32_t fail = 0;
		uint32_t output = 0;    // nearest node on the failure chain (itself included) that ends patterns; 0: none
		std::vector<uint32_t> ends; // patterns ending here
	};
	[[nodiscard]] uint32_t child(uint32_t node, char32_t c) const;

	std::vector<Node> nodes_ = std::vector<Node>(1);
	std::vector<size_t> lengths_;
	bool built_ = false;
};

} // namespace lcs::compliance

#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Dense ids for the texts a log repeats (viewer ids, SKUs): the first text seen is 0, the next
// new one 1, and so on. What is counted per viewer or per product then lives in vectors and
// integer sets indexed by id instead of sets of strings (one hash of the text per event, no
// allocation for a text already seen). The texts are kept in one buffer; ids never change.
namespace lcs::metrics {

class TextIds {
public:
	static constexpr uint32_t kNone = UINT32_MAX;

	/// The id of `text`, giving it the next id when it is new.
	uint32_t intern(std::string_view text);
	/// The id of `text`, or kNone when it was never interned.
	[[nodiscard]] uint32_t find(std::string_view text) const;
	[[nodiscard]] std::string_view text(uint32_t id) const
	{
		return std::string_view(chars_).substr(offsets_[id], offsets_[id + 1] - offsets_[id]);
	}
	[[nodiscard]] uint32_t size() const { return static_cast<uint32_t>(hashes_.size()); }

private:
	[[nodiscard]] size_t slot_of(std::string_view text, uint32_t hash) const;
	void grow();

	std::string chars_;                 // every text, one after the other
	std::vector<size_t> offsets_{0};    // text i is chars_[offsets_[i], offsets_[i + 1])
	std::vector<uint32_t> hashes_;      // of text i
	std::vector<uint32_t> slots_;       // open addressing: id + 1, 0 empty; size a power of two
};

} // namespace lcs::metrics

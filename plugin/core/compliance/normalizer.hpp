#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

// The text the compliance checker matches on, and where each of its characters came from.
// Unicode NFKC with case folding (ICU), traditional → simplified characters (OpenCC's t2s,
// character by character: it keeps lengths), full-width forms (part of NFKC). Spaces, punctuation,
// symbols and emoji are dropped, so that 最*好 and 最 好 read 最好, but a sentence end (。！？!?；;
// …, a newline, a '.' before a space or the end) is kept as a hard break no match may cross.
namespace lcs::compliance {

/// The hard break in normalised text: not a Unicode code point, so no term can contain it.
inline constexpr char32_t kBreak = 0x110000;
/// NormalizedText::gap bits: something was dropped before the character (or it starts the text or
/// a sentence); what was dropped includes punctuation (a comma, a quotation mark), not only spaces.
inline constexpr uint8_t kGapAny = 1;
inline constexpr uint8_t kGapPunctuation = 2;

struct NormalizedText {
	std::u32string chars;          // normalised characters; kBreak for a sentence end
	std::vector<uint32_t> begin;   // per character: first byte of what it came from in the original
	std::vector<uint32_t> end;     // per character: one past the last byte
	std::vector<uint8_t> gap;      // per character: kGap* bits of what was dropped right before it

	[[nodiscard]] size_t size() const { return chars.size(); }
	/// Byte range in the original text of normalised characters [from, to) (to > from).
	[[nodiscard]] size_t byte_begin(size_t from) const { return begin[from]; }
	[[nodiscard]] size_t byte_end(size_t to) const { return end[to - 1]; }
};

class Normalizer {
public:
	/// The process-wide normaliser (ICU and the t2s table are set up once, on first use).
	static const Normalizer &instance();

	/// Normalises UTF-8 text (invalid bytes are dropped like symbols). Thread-safe.
	[[nodiscard]] NormalizedText normalize(std::string_view text) const;
	/// The normalised characters of a term or phrase, without breaks (what is matched).
	[[nodiscard]] std::u32string key(std::string_view text) const;

	/// Whether OpenCC's t2s data could be read (traditional characters are otherwise kept).
	[[nodiscard]] bool has_t2s() const { return !t2s_.empty(); }
	/// One code point through case folding, NFKC and t2s, appended to out.
	void fold(char32_t cp, std::u32string &out) const;

private:
	Normalizer();
	std::vector<char16_t> t2s_; // BMP code point → simplified code point (0: unchanged)
	const void *nfkc_cf_ = nullptr; // icu::Normalizer2, owned by ICU
};

/// UTF-8 of normalised characters (kBreak as '|'), for messages and tests.
[[nodiscard]] std::string to_utf8(std::u32string_view chars);

} // namespace lcs::compliance

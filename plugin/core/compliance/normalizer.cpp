#include "core/compliance/normalizer.hpp"

#include <opencc/opencc.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "core/util/utf8.hpp"

namespace lcs::compliance {
namespace {

using util::append_utf8;

// The t2s table: every CJK character of the BMP through OpenCC's t2s once, one per line (so
// phrase rules never join neighbours), keeping only those that map to exactly one other character.
std::vector<char16_t> build_t2s()
{
	std::vector<char16_t> table;
	opencc_t od = opencc_open("t2s.json");
	if (od == reinterpret_cast<opencc_t>(-1))
		od = opencc_open("/usr/share/opencc/t2s.json");
	if (od == reinterpret_cast<opencc_t>(-1))
		return table;
	const char32_t ranges[][2] = {{0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xF900, 0xFAFF}};
	std::string input;
	for (const auto &r : ranges)
		for (char32_t cp = r[0]; cp <= r[1]; ++cp) {
			append_utf8(input, cp);
			input.push_back('\n');
		}
	char *converted = opencc_convert_utf8(od, input.data(), input.size());
	opencc_close(od);
	if (!converted)
		return table;
	const std::string_view out(converted);
	table.assign(0x10000, 0);
	size_t at = 0;
	for (const auto &r : ranges)
		for (char32_t cp = r[0]; cp <= r[1] && at < out.size(); ++cp) {
			const size_t nl = out.find('\n', at);
			const std::string_view line = out.substr(at, nl == std::string_view::npos ? out.size() - at : nl - at);
			uint32_t to = 0;
			if (const size_t n = util::utf8_sequence(line, 0, &to); n != 0 && n == line.size() && to != cp && to < 0x10000)
				table[cp] = static_cast<char16_t>(to);
			at = nl == std::string_view::npos ? out.size() : nl + 1;
		}
	opencc_convert_utf8_free(converted);
	return table;
}

bool is_break(char32_t cp)
{
	switch (cp) {
	case U'\n': case U'\r': case U'!': case U'?': case U';': case 0x3002: case 0x2026: case 0x2028: case 0x2029:
	case 0x203C: case 0x2047: case 0x2048: case 0x2049:
		return true;
	default:
		return false;
	}
}

bool is_kept(char32_t cp)
{
	if (cp < 0x80)
		return (cp >= U'a' && cp <= U'z') || (cp >= U'0' && cp <= U'9') || (cp >= U'A' && cp <= U'Z');
	return (U_GET_GC_MASK(static_cast<UChar32>(cp)) & (U_GC_L_MASK | U_GC_N_MASK)) != 0;
}

// fast_ entries: the folded character in the low 21 bits, its class above.
constexpr uint32_t kClassShift = 24;
constexpr uint32_t kCharMask = (1u << 21) - 1;
enum FastClass : uint32_t { kSlow = 0, kKept = 1, kDropped = 2, kDroppedPunctuation = 3, kHardBreak = 4 };

} // namespace

const Normalizer &Normalizer::instance()
{
	static const Normalizer normalizer;
	return normalizer;
}

Normalizer::Normalizer() : t2s_(build_t2s())
{
	UErrorCode status = U_ZERO_ERROR;
	const icu::Normalizer2 *n = icu::Normalizer2::getNFKCCasefoldInstance(status);
	nfkc_cf_ = U_SUCCESS(status) ? n : nullptr;
	// The common case in one look-up: a BMP character that folds to one character. '.' and …
	// keep the full path (a full stop's meaning depends on what follows; … stays one break).
	fast_.assign(0x10000, 0);
	std::u32string folded;
	for (char32_t cp = 0; cp < 0x10000; ++cp) {
		if ((cp >= 0xD800 && cp <= 0xDFFF) || cp == U'.' || cp == 0x2026)
			continue;
		folded.clear();
		fold(cp, folded);
		if (folded.size() != 1 || folded[0] == U'.' || folded[0] > kCharMask)
			continue;
		const char32_t c = folded[0];
		uint32_t cls = kKept;
		if (is_break(c))
			cls = kHardBreak;
		else if (!is_kept(c))
			cls = u_ispunct(static_cast<UChar32>(c)) ? kDroppedPunctuation : kDropped;
		fast_[cp] = (cls << kClassShift) | static_cast<uint32_t>(c);
	}
}

void Normalizer::fold(char32_t cp, std::u32string &out) const
{
	auto simplified = [this](char32_t c) {
		if (c < t2s_.size() && t2s_[c] != 0)
			return static_cast<char32_t>(t2s_[c]);
		return c;
	};
	if (cp < 0x80) {
		out.push_back(cp >= U'A' && cp <= U'Z' ? cp + 32 : cp);
		return;
	}
	const auto *n = static_cast<const icu::Normalizer2 *>(nfkc_cf_);
	if (!n || n->isInert(static_cast<UChar32>(cp))) {
		out.push_back(simplified(cp));
		return;
	}
	UErrorCode status = U_ZERO_ERROR;
	const icu::UnicodeString folded = n->normalize(icu::UnicodeString(static_cast<UChar32>(cp)), status);
	if (U_FAILURE(status)) {
		out.push_back(cp);
		return;
	}
	for (int32_t i = 0; i < folded.length(); i = folded.moveIndex32(i, 1))
		out.push_back(simplified(static_cast<char32_t>(folded.char32At(i))));
}

NormalizedText Normalizer::normalize(std::string_view text) const
{
	NormalizedText out;
	out.chars.reserve(text.size());
	out.begin.reserve(text.size());
	out.end.reserve(text.size());
	out.gap.reserve(text.size());
	uint8_t gap = kGapAny;
	std::u32string folded;
	size_t at = 0;
	while (at < text.size()) {
		uint32_t cp = 0;
		size_t n = util::utf8_sequence(text, at, &cp);
		if (n == 0) { // an invalid byte: dropped
			++at;
			gap |= kGapAny;
			continue;
		}
		const auto b = static_cast<uint32_t>(at);
		const auto e = static_cast<uint32_t>(at + n);
		at += n;
		if (const uint32_t fast = cp < fast_.size() ? fast_[cp] : 0; fast != 0) {
			const char32_t c = fast & kCharMask;
			switch (fast >> kClassShift) {
			case kKept:
				out.chars.push_back(c);
				out.begin.push_back(b);
				out.end.push_back(e);
				out.gap.push_back(gap);
				gap = 0;
				continue;
			case kDropped:
				gap |= kGapAny;
				continue;
			case kDroppedPunctuation:
				gap |= kGapAny | kGapPunctuation;
				continue;
			default: // kHardBreak: below, with the full path
				break;
			}
		}
		folded.clear();
		if (cp == 0x2026) // … folds to "...": it ends a sentence as a whole
			folded.push_back(U'…');
		else
			fold(cp, folded);
		for (const char32_t c : folded) {
			bool hard = is_break(c);
			if (c == U'.') {
				// A full stop ends a sentence before a space or the end, not inside NO.1 or 19.99.
				uint32_t next = 0;
				const size_t m = util::utf8_sequence(text, at, &next);
				hard = at >= text.size() || (m != 0 && (u_isspace(static_cast<UChar32>(next)) != 0));
			}
			if (hard) {
				if (!out.chars.empty() && out.chars.back() == kBreak) {
					out.end.back() = e;
				} else {
					out.chars.push_back(kBreak);
					out.begin.push_back(b);
					out.end.push_back(e);
					out.gap.push_back(kGapAny | kGapPunctuation);
				}
				gap = kGapAny | kGapPunctuation;
				continue;
			}
			if (!is_kept(c)) {
				gap |= u_ispunct(static_cast<UChar32>(c)) ? kGapAny | kGapPunctuation : kGapAny;
				continue;
			}
			out.chars.push_back(c);
			out.begin.push_back(b);
			out.end.push_back(e);
			out.gap.push_back(gap);
			gap = 0;
		}
	}
	return out;
}

std::u32string Normalizer::key(std::string_view text) const
{
	std::u32string k = normalize(text).chars;
	std::erase(k, kBreak);
	return k;
}

std::string to_utf8(std::u32string_view chars)
{
	std::string out;
	for (const char32_t c : chars) {
		if (c == kBreak)
			out.push_back('|');
		else
			append_utf8(out, c);
	}
	return out;
}

} // namespace lcs::compliance

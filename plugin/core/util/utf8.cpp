#include "core/util/utf8.hpp"

namespace lcs::util {

size_t utf8_sequence(std::string_view text, size_t at, uint32_t *code_point)
{
	if (at >= text.size())
		return 0;
	const auto c = static_cast<unsigned char>(text[at]);
	size_t need = 0;
	uint32_t cp = 0;
	if (c < 0x80) {
		need = 0;
		cp = c;
	} else if (c >= 0xC2 && c <= 0xDF) {
		need = 1;
		cp = c & 0x1FU;
	} else if (c >= 0xE0 && c <= 0xEF) {
		need = 2;
		cp = c & 0x0FU;
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 3;
		cp = c & 0x07U;
	} else {
		return 0;
	}
	if (at + need >= text.size())
		return 0; // cut off
	for (size_t k = 1; k <= need; ++k) {
		const auto cc = static_cast<unsigned char>(text[at + k]);
		if ((cc & 0xC0U) != 0x80U)
			return 0;
		cp = (cp << 6) | (cc & 0x3FU);
	}
	const uint32_t min = need == 0 ? 0 : need == 1 ? 0x80 : need == 2 ? 0x800 : 0x10000;
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	if (code_point)
		*code_point = cp;
	return need + 1;
}

void append_utf8(std::string &out, uint32_t cp)
{
	if (cp < 0x80) {
		out.push_back(static_cast<char>(cp));
	} else if (cp < 0x800) {
		out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
		out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
	} else if (cp < 0x10000) {
		out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
		out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
		out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
	} else {
		out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
		out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
		out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
		out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
	}
}

} // namespace lcs::util

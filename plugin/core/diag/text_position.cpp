#include "core/diag/text_position.hpp"

#include <algorithm>
#include <cstdint>
#include <string>

namespace lcs::diag {

TextPositions::TextPositions(std::string_view text) : text_(text)
{
	line_starts_.push_back(0);
	for (size_t i = 0; i < text.size(); ++i)
		if (text[i] == '\n')
			line_starts_.push_back(i + 1);
	bytes_scanned_ = text.size();
}

TextPositions::LineColumn TextPositions::at(size_t byte_offset) const
{
	byte_offset = std::min(byte_offset, text_.size());
	const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), byte_offset);
	const size_t line_index = static_cast<size_t>(it - line_starts_.begin()) - 1;
	const size_t start = line_starts_[line_index];
	int column = 1;
	bytes_scanned_ += byte_offset - start;
	for (size_t i = start; i < byte_offset; ++i)
		if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80)
			++column;
	return {static_cast<int>(line_index) + 1, column};
}

size_t first_invalid_utf8(std::string_view text)
{
	const auto *s = reinterpret_cast<const unsigned char *>(text.data());
	const size_t n = text.size();
	size_t i = 0;
	while (i < n) {
		const unsigned char c = s[i];
		if (c < 0x80) {
			++i;
			continue;
		}
		size_t len = 0;
		uint32_t cp = 0;
		if (c >= 0xC2 && c <= 0xDF) {
			len = 2;
			cp = c & 0x1F;
		} else if (c >= 0xE0 && c <= 0xEF) {
			len = 3;
			cp = c & 0x0F;
		} else if (c >= 0xF0 && c <= 0xF4) {
			len = 4;
			cp = c & 0x07;
		} else {
			return i;
		}
		if (i + len > n)
			return i;
		for (size_t k = 1; k < len; ++k) {
			if ((s[i + k] & 0xC0) != 0x80)
				return i;
			cp = (cp << 6) | (s[i + k] & 0x3F);
		}
		if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
		    (cp >= 0xD800 && cp <= 0xDFFF))
			return i;
		i += len;
	}
	return std::string_view::npos;
}

} // namespace lcs::diag

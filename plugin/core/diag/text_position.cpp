#include "core/diag/text_position.hpp"

#include <algorithm>
#include <cstdint>
#include <string>

namespace lcs::diag {
namespace {
// Every kStride bytes the index records how many code points come before: a lookup counts at most
// kStride bytes twice (at its offset and at its line's start), however long the line.
constexpr size_t kStride = 64;

bool starts_code_point(char c)
{
	return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
}
} // namespace

TextPositions::TextPositions(std::string_view text) : text_(text)
{
	line_starts_.push_back(0);
	code_points_at_stride_.reserve(text.size() / kStride + 1);
	size_t code_points = 0;
	for (size_t i = 0; i < text.size(); ++i) {
		if (i % kStride == 0)
			code_points_at_stride_.push_back(code_points);
		if (text[i] == '\n')
			line_starts_.push_back(i + 1);
		if (starts_code_point(text[i]))
			++code_points;
	}
	if (text.size() % kStride == 0)
		code_points_at_stride_.push_back(code_points); // so that the end of the text has an entry
	bytes_scanned_ = text.size();
}

size_t TextPositions::code_points_before(size_t byte_offset) const
{
	const size_t block = byte_offset / kStride;
	size_t count = code_points_at_stride_[block];
	for (size_t i = block * kStride; i < byte_offset; ++i)
		count += starts_code_point(text_[i]) ? 1 : 0;
	bytes_scanned_ += byte_offset - block * kStride;
	return count;
}

TextPositions::LineColumn TextPositions::at(size_t byte_offset) const
{
	byte_offset = std::min(byte_offset, text_.size());
	const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), byte_offset);
	const size_t line_index = static_cast<size_t>(it - line_starts_.begin()) - 1;
	const size_t start = line_starts_[line_index];
	const size_t column = code_points_before(byte_offset) - code_points_before(start) + 1;
	return {static_cast<int>(line_index) + 1, static_cast<int>(column)};
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

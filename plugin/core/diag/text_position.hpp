#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace lcs::diag {

// Turns byte offsets of a UTF-8 text into 1-based line and column (code points). The index is
// built in one pass (line starts, and the count of code points every few bytes), so a lookup
// costs a binary search and a short bounded scan, in any order: locating every value of a
// minified one-line pack stays linear in its size.
class TextPositions {
public:
	explicit TextPositions(std::string_view text);

	struct LineColumn {
		int line = 1;
		int column = 1;
	};
	[[nodiscard]] LineColumn at(size_t byte_offset) const;

	/// Bytes of the text examined so far (index building and every lookup): the cost of locating,
	/// for tests.
	[[nodiscard]] size_t bytes_scanned() const { return bytes_scanned_; }

private:
	[[nodiscard]] size_t code_points_before(size_t byte_offset) const;

	std::string_view text_;
	std::vector<size_t> line_starts_;
	std::vector<size_t> code_points_at_stride_; // code points before byte k × stride
	mutable size_t bytes_scanned_ = 0;
};

/// Offset of the first byte that is not valid UTF-8 (overlong forms, surrogates and code points
/// above U+10FFFF count as invalid), or npos when the whole text is valid.
size_t first_invalid_utf8(std::string_view text);

} // namespace lcs::diag

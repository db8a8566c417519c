#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diag/diagnostic.hpp"

namespace lcs::compliance {

// Where a byte of a decoded JSON string value is in the file: the pack reader keeps where each
// string value starts (its opening quote); a finding's term lies some code points further. With
// the file's text, the raw string is walked so that escapes (\n, \", \u00e9, surrogate pairs)
// count as the characters they take in the file; without it (a pack read from memory) or when the
// raw text does not decode to the value (the file changed since), the column is the quote's plus
// the code points before the term, which is exact for strings without escapes before the term.
class StringColumns {
public:
	explicit StringColumns(std::optional<std::string_view> source);

	/// The location of byte `offset` of `value`, whose opening quote is at `quote`.
	[[nodiscard]] diag::Location locate(const diag::Location &quote, std::string_view value, size_t offset) const;

private:
	/// Column (1-based, code points) of the offset in the raw string, or none when unknown.
	[[nodiscard]] std::optional<int> raw_column(const diag::Location &quote, std::string_view value, size_t offset) const;

	std::optional<std::string_view> source_;
	std::vector<size_t> line_starts_;
};

/// Code points in a UTF-8 text.
[[nodiscard]] size_t code_points(std::string_view text);

} // namespace lcs::compliance

#pragma once

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

#include "core/compliance/checker.hpp"
#include "core/compliance/normalizer.hpp"

// The general exemptions every rule may allow (Rule::allow): a term inside quotation marks (it is
// cited, not claimed), negated right before (不是最好的, not the best), or part of a product name,
// brand or trademark in play (Context::names).
namespace lcs::compliance {

class TextExemptions {
public:
	TextExemptions(std::string_view text, const NormalizedText &normalized, const Context &context);

	/// Whether bytes [begin, end) of the text lie inside one pair of quotation marks.
	[[nodiscard]] bool quoted(size_t begin, size_t end) const;
	/// Whether normalised characters [begin, end) lie inside an occurrence of a name.
	[[nodiscard]] bool in_name(size_t begin, size_t end) const;
	/// Whether a negation ends right before normalised character `begin` (or one short word before
	/// it in Latin text: not the best).
	[[nodiscard]] bool negated(size_t begin) const;

private:
	const NormalizedText &nt_;
	std::vector<std::pair<size_t, size_t>> quotes_; // byte ranges inside the marks
	std::vector<std::pair<size_t, size_t>> names_;  // normalised character ranges
};

} // namespace lcs::compliance

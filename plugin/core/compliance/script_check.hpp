#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/compliance/checker.hpp"
#include "core/diag/diagnostic.hpp"
#include "core/pack/library.hpp"
#include "core/pack/pack.hpp"

// Compliance over a script pack (`lcs lint`, `lcs validate`, the prompter and the desk): what the
// host will say (cue texts; coach notes excluded) and what the shelf shows (product names, selling
// points, promotion texts), each checked with the facts the pack gives.
namespace lcs::compliance {

/// The price facts a pack gives about a product.
[[nodiscard]] PriceFacts price_facts(const pack::Product &product);

// One finding in a pack, with where it is: the line and column of the term itself in the file.
struct PackFinding {
	Finding finding;
	diag::Location where;
	std::string field;  // "cue.text", "product.name", "product.selling_points", "promotion.name", ...
	std::string cue_id; // for cue texts
};

/// Every finding in one pack, in file order. Each text is checked with the pack's language, the
/// product it is about (a cue: its pin, else the latest earlier pin of its segment; a promotion:
/// its sku) and urgency backed while a promotion with a concrete deadline or stock has started in
/// the cue's segment (else unknown). Columns of terms come from the pack file (pack.path) read
/// again, so JSON escapes before a term are counted as written; see StringColumns.
[[nodiscard]] std::vector<PackFinding> lint_pack(const pack::Pack &pack, const Checker &checker);
/// The same with the pack file's text given (a pack read from memory).
[[nodiscard]] std::vector<PackFinding> lint_pack(const pack::Pack &pack, const Checker &checker, std::string_view source);

/// The findings of every cue of a library, by cue id (cues without findings are absent; exempted
/// hits are kept as info, as Checker::check returns them, so callers mark a cue by worst()): what
/// the prompter and the desk's Script view mark before the trainee says it.
[[nodiscard]] std::map<std::string, Findings> check_script(const pack::Library &library, const Checker &checker);

} // namespace lcs::compliance

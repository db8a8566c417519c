#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// What the compliance checker found in a text (docs/compliance.md). The categories and severities
// are those of the contract (shared/design/contract.md section 3, `lcs lint`).
namespace lcs::compliance {

enum class Severity { info, caution, ban };

[[nodiscard]] std::string_view to_string(Severity severity);
[[nodiscard]] std::optional<Severity> severity_from(std::string_view text);

/// absolute · medical · efficacy · price · urgency · off_platform · inducement, in that order.
[[nodiscard]] const std::vector<std::string> &categories();

/// How sure a hit is: the term as written; after normalisation (case, width, traditional
/// characters, symbols or spaces inserted inside the term); or by sound (pinyin of homophones and
/// romanised syllables, e.g. 醉好, zui低): lower confidence.
enum class Confidence { exact, normalized, pinyin };

[[nodiscard]] std::string_view to_string(Confidence confidence);

// One finding. Offsets are bytes of the UTF-8 text that was checked, so callers can turn them
// into line and column (diag::text_position) or mark the span in a prompter.
struct Finding {
	std::string rule;      // rule id, e.g. "absolute.best"
	std::string category;  // one of categories()
	Severity severity = Severity::caution;
	Confidence confidence = Confidence::exact;
	std::string term;      // the span of the original text that matched, as written
	size_t begin = 0;      // byte offset of the span in the checked text
	size_t end = 0;        // one past its last byte
	std::string message;   // what is wrong, in the language asked for
	std::string legal_ref; // the legal basis, e.g. "《中华人民共和国广告法》第九条第（三）项 (2021-04-29)"
	std::string suggestion; // what to say instead, in the language asked for
	/// Why an exception of the rule (or a general one: quoted, negated, a product name) exempts
	/// this hit; the finding is then kept with severity info, never dropped.
	std::string exempt_reason;
	/// For price claims: the claimed amount and what the evidence allows (minor units).
	std::optional<int64_t> claimed_cents;
	std::optional<int64_t> evidence_cents;
};

using Findings = std::vector<Finding>;

/// The highest severity among findings (info when there are none).
[[nodiscard]] Severity worst(const Findings &findings);

} // namespace lcs::compliance

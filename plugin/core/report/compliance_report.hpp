#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/report/session_report.hpp"

// The session's compliance flags as the review shows them (docs/report.md): each flag's effective
// severity and category, the counts by severity and category, which checks ran and which did not,
// and the names of categories, severities and places in zh-CN and en-US.
namespace lcs::report {

/// The checks a session can run live (header compliance_checks), named like a flag's `where`.
const std::vector<std::string> &session_checks(); // cue · speech · price

/// ban · caution · info as logged; "unrated" for a flag without a (known) severity — an older
/// log's price-honesty flag. The rubric and `lcs compare` count an unrated flag as a ban: before
/// severities existed only violations were logged (a strike price above the list price, a
/// falling tiered price, "limited time" without an end: 价格欺诈).
std::string flag_severity(const FlagRow &flag);
/// The logged category; "price" for a flag of the price check that has none (all it checks is
/// prices); "" when unknown.
std::string flag_category(const FlagRow &flag);
/// ban or unrated.
bool counts_as_ban(const FlagRow &flag);

struct ComplianceCounts {
	int64_t ban = 0, caution = 0, info = 0, unrated = 0;
	[[nodiscard]] int64_t bans() const { return ban + unrated; } // unrated counts as a ban
};
ComplianceCounts count_flags(const SessionReport &report);

/// Whether the header lists any compliance check (older logs have none: nothing was checked).
bool compliance_checked(const SessionReport &report);

/// {"flags":[{"t","video_time"?,"rule","term","where","severity","category","confidence",
/// "text","legal_ref","suggestion","cue_id", "severity_logged"}], "by_category":{…},
/// "by_severity":{"ban","caution","info","unrated"}, "checks": the header's compliance_checks or
/// null, "not_checked": the session checks it did not run}.
nlohmann::ordered_json compliance_json(const SessionReport &report);

/// Names a person reads, zh-CN when `zh`: 禁用/Ban, 绝对化用语/Absolute terms, 口播/Speech, …
std::string severity_name(const std::string &severity, bool zh);
std::string category_name(const std::string &category, bool zh);
std::string where_name(const std::string &where, bool zh);

/// The flag's sentence (its text, else the term) split around the first occurrence of the term:
/// {before, term, after}; term empty when the text does not contain it as written.
struct TermInText {
	std::string before, term, after;
};
TermInText term_in_text(const FlagRow &flag);

} // namespace lcs::report

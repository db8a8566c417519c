#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/compliance/finding.hpp"
#include "core/diag/diagnostic.hpp"

// Compliance rules as data: data/compliance/<language>/<category>.json, one file per category of
// the contract, schema "lcs.compliance/1" (docs/compliance.md has the format and how to add a rule).
namespace lcs::compliance {

inline constexpr const char *kRuleSchema = "lcs.compliance/1";

/// Text in both languages of the product ("zh-CN", "en-US"); in() falls back to the other one.
struct Bilingual {
	std::map<std::string, std::string> text;
	[[nodiscard]] const std::string &in(const std::string &language) const;
};

struct LegalBasis {
	std::string law;     // e.g. "《中华人民共和国广告法》"
	std::string article; // e.g. "第九条第（三）项"
	std::string as_of;   // the version relied on, ISO date
	/// "law article (as_of)", how findings and reports print it.
	[[nodiscard]] std::string to_string() const;
};

// An exception the rule allows: a hit inside one of `phrases`, or right before one of `after`, or
// right after one of `before` (all compared on normalised text) is exempt for `reason`
// (usage_tip · sequence · standard_grade · composition · self_comparison · product_name ·
// quoted · negated · fact_with_source · other), with `note` saying why.
struct RuleException {
	std::vector<std::string> phrases;
	std::vector<std::string> after;
	std::vector<std::string> before;
	std::string reason;
	Bilingual note;
};

/// What a rule needs beyond words: a price claim is checked against the product's price evidence,
/// an urgency claim against what is live in the session.
enum class Needs { words, price_claim, urgency };

struct Rule {
	std::string id;       // unique over all loaded sets, e.g. "absolute.best"
	std::string category; // the file's category
	std::string language; // the file's language
	Severity severity = Severity::caution;
	std::vector<std::string> terms; // literal terms, matched on normalised text
	/// Whether sound-alike matching (pinyin of homophones, romanised syllables) applies to the
	/// Chinese terms (default true for zh-CN).
	bool by_sound = true;
	/// General exemptions the engine applies (default all): quoted · negated · product_name.
	std::vector<std::string> allow = {"quoted", "negated", "product_name"};
	std::vector<RuleException> exceptions;
	Needs needs = Needs::words;
	std::vector<LegalBasis> legal_basis;
	Bilingual message;
	Bilingual suggestion;
	/// Must match (at the rule's severity), must not match at all, must match but be exempted
	/// (info): the rule's own unit tests.
	std::vector<std::string> must_match;
	std::vector<std::string> must_not_match;
	std::vector<std::string> must_exempt;
	diag::Location where; // where the rule is defined
};

struct RuleSet {
	std::string version; // the data set's version (every file of a load carries the same one)
	std::vector<Rule> rules;
	/// The rules of one language.
	[[nodiscard]] std::vector<const Rule *> of_language(const std::string &language) const;
	[[nodiscard]] const Rule *find(const std::string &id) const;
};

struct RuleSetLoad {
	RuleSet rules;
	diag::Diagnostics diagnostics; // errors with file:line:col; a broken file loads none of its rules
};

/// Reads every <language>/<category>.json under dir (data/compliance).
[[nodiscard]] RuleSetLoad load_rule_set(const std::filesystem::path &dir);
/// Reads one rule file's text (path only names it in diagnostics).
[[nodiscard]] RuleSetLoad read_rule_file(const std::string &text, const std::string &path);

} // namespace lcs::compliance

#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

// The coach rubric as read from its file (rubric_file.hpp): dimensions of weighted metrics, each
// scored against a target, and the tiers a score earns. See docs/rubric.md.
namespace lcs::report {

/// A text in several languages ({"zh-CN": …, "en-US": …}) or one plain string.
struct LocalisedText {
	std::map<std::string, std::string> by_language; // a plain string is stored under ""
	[[nodiscard]] std::string in(const std::string &language) const;
};

/// response_score: each question earns `credit` when answered within fast_s seconds, falling
/// linearly to late_credit at slow_s and staying there for slower answers; an unanswered question
/// earns 0. So an answer, however late, never scores below no answer. With capacity_per_min > 0
/// the credit is measured against what a human host can answer: each minute counts at most
/// capacity_per_min of the questions asked in it (a room asking 20 a minute expects 6 answers,
/// not 20), and the score is at most 1.
struct ResponseCredit {
	double fast_s = 10;
	double slow_s = 60;
	double late_credit = 0.25;
	double capacity_per_min = 0; // 0: every question counts
	[[nodiscard]] double credit(double answer_s) const;
};

/// compliance_penalty, compliance_bans, compliance_cautions: which compliance flags count, and
/// (compliance_penalty) what each severity weighs. An unrated flag (an older log's, without a
/// severity) weighs as a ban.
struct ComplianceCount {
	std::vector<std::string> where;      // cue · speech · price · pack; empty: every place
	std::vector<std::string> confidence; // exact · normalized · pinyin; empty: every confidence
	double ban = 3, caution = 1, info = 0;
	[[nodiscard]] bool counts(const std::string &where_value, const std::string &confidence_value) const;
};

/// Whether a rubric metric key counts compliance flags by severity (the three above).
bool is_compliance_count(const std::string &metric);

struct RubricMetric {
	std::string metric; // a contract metric key, or segments_covered, segment_overrun_ratio, response_score,
			    // compliance_penalty, compliance_bans, compliance_cautions
	double target = 0;
	bool lower_is_better = false;
	double tolerance = 1; // lower_is_better: points reach 0 at target + tolerance
	double floor = 0;     // higher-is-better: points are 0 at or below floor, rising linearly to 1 at target
	double weight = 1;
	// A gate: the session cannot pass when the measured value is below it (higher is better) or
	// above it (lower is better), whatever the other dimensions score.
	std::optional<double> pass_limit;
	ResponseCredit response; // response_score only
	ComplianceCount compliance; // compliance_penalty, compliance_bans, compliance_cautions only
};

struct RubricDimension {
	std::string id;
	LocalisedText name;
	double weight = 1;
	std::vector<RubricMetric> metrics;
};

struct RubricTier {
	double min = 0;
	LocalisedText name;
};

struct Rubric {
	LocalisedText name;
	std::vector<RubricDimension> dimensions;
	std::vector<RubricTier> tiers; // highest min first
};

/// The metric keys a rubric may score: the contract metrics and the derived ones.
const std::vector<std::string> &rubric_metric_keys();

} // namespace lcs::report

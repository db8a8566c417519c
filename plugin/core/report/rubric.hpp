#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/diag/diagnostic.hpp"
#include "core/report/rubric_file.hpp"
#include "core/report/session_report.hpp"

// The coach rubric (data/rubric/default.json, "lcs.rubric/1"; docs/rubric.md): weights and
// targets per dimension, a score per dimension and a total with a tier, each point traceable to
// the metric that produced it, and "what to fix first": the three weakest dimensions with the
// moments that show them. A metric may be a gate (pass_limit): a session on its wrong side does not
// pass, its total kept below the pass mark. What the session did not measure is "not measured", never full marks:
// such a metric is left out of its dimension, a dimension with nothing measured is left out of the
// total, and the total is then marked incomplete (and gets no tier).
namespace lcs::report {

struct MetricScore {
	std::string metric;
	std::optional<double> value; // none: not measured in this session (left out of the dimension)
	double target = 0;
	bool lower_is_better = false;
	double floor = 0; // higher is better: no points at or below it
	std::optional<double> score; // 0..1; none when not measured
	double weight = 1;
	std::optional<double> pass_limit;
	bool gate_failed = false; // measured and on the wrong side of pass_limit
	std::optional<ComplianceCount> counts; // compliance_penalty, compliance_bans, compliance_cautions: which flags count
};

struct DimensionScore {
	std::string id;
	std::string name;
	double weight = 0;
	std::optional<double> score; // 0..100; none when none of its metrics was measured
	std::vector<MetricScore> metrics;
	std::vector<TimelineEntry> moments; // for "what to fix first"
};

struct RubricResult {
	std::string name;
	std::vector<DimensionScore> dimensions;
	std::optional<double> total; // 0..100 over the measured dimensions (capped by a failed gate); none when nothing was measured
	std::optional<double> uncapped_total; // the weighted mean before a failed gate capped it
	std::vector<std::string> gates_failed; // "dimension/metric" of each failed pass_limit
	double pass_mark = 0;        // the lowest tier min above 0: a failed gate keeps the total below it
	bool complete = true;        // every dimension measured
	std::string tier;            // empty when the total is incomplete
	std::vector<size_t> fix_first; // indices into dimensions, weakest first (at most three, measured only)

	[[nodiscard]] nlohmann::ordered_json to_json() const;
};

/// Scores a report with a rubric file; names in `language` (zh-CN / en-US). None, with
/// diagnostics (file:line:col and the JSON path), when the file cannot be read or is wrong.
std::optional<RubricResult> score(const SessionReport &report, const std::filesystem::path &rubric_file,
				  const std::string &language, diag::Diagnostics &problems);

/// Scores a report with a rubric already read.
RubricResult score(const SessionReport &report, const Rubric &rubric, const std::string &language);

/// The value a rubric metric has in a session, or none when the session did not measure it:
/// contract metrics by key (null ones are not measured; talk_ratio, dead_air_s and
/// longest_silence_s are not measured when no voice state was ever logged; compliance_flags is
/// not measured unless the header lists the compliance_checks that ran; compliance_penalty,
/// compliance_bans and compliance_cautions count the flags of the metric's places and
/// confidences by severity over the checks that ran (a flag's `where` names its check), and are
/// not measured when none of the metric's places was checked; click_rate is 0, not
/// unmeasured, when viewers came but no product was ever shown to them), segments_covered and
/// segment_overrun_ratio from the segments, and response_score from the questions (none when
/// nobody asked).
std::optional<double> metric_value(const SessionReport &report, const RubricMetric &metric);

} // namespace lcs::report

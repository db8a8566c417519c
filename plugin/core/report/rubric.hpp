#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/diag/diagnostic.hpp"
#include "core/report/session_report.hpp"

// The coach rubric (data/rubric/default.json, "lcs.rubric/1"): weights and targets per
// dimension, a score per dimension and a total with a tier, each point traceable to the metric
// that produced it, and "what to fix first": the three weakest dimensions with the moments that
// show them.
namespace lcs::report {

struct MetricScore {
	std::string metric;
	std::optional<double> value; // none: not measured in this session (left out of the dimension)
	double target = 0;
	bool lower_is_better = false;
	double score = 0; // 0..1
	double weight = 1;
};

struct DimensionScore {
	std::string id;
	std::string name;
	double weight = 0;
	double score = 0; // 0..100
	std::vector<MetricScore> metrics;
	std::vector<TimelineEntry> moments; // for "what to fix first"
};

struct RubricResult {
	std::string name;
	std::vector<DimensionScore> dimensions;
	double total = 0; // 0..100
	std::string tier;
	std::vector<size_t> fix_first; // indices into dimensions, weakest first (at most three)

	[[nodiscard]] nlohmann::ordered_json to_json() const;
};

/// Scores a report with a rubric file; names in `language` (zh-CN / en-US).
std::optional<RubricResult> score(const SessionReport &report, const std::filesystem::path &rubric_file,
				  const std::string &language, diag::Diagnostics &problems);

/// The value of a metric by contract key, or the script metrics derived from segments
/// (segments_covered, segment_overrun_ratio).
std::optional<double> metric_value(const SessionReport &report, const std::string &key);

} // namespace lcs::report

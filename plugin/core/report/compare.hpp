#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/report/rubric.hpp"
#include "core/report/session_report.hpp"

namespace lcs::report {

/// Which way a contract metric should move: more GMV is better, more dead air is worse, more
/// questions is neither (the audience's doing).
enum class MetricDirection { Neutral, HigherIsBetter, LowerIsBetter };
/// How a metric's value reads: cents as money, counts as whole numbers, ratios as percent.
enum class MetricUnit { Number, Count, Money, Ratio, Seconds };
struct MetricKind {
	MetricDirection direction = MetricDirection::Neutral;
	MetricUnit unit = MetricUnit::Number;
};

/// The kind of a contract metric key (Metrics::to_json); unknown keys are neutral numbers.
MetricKind metric_kind(const std::string &key);
const char *direction_name(MetricDirection direction); // "higher_is_better", "lower_is_better", "neutral"

/// A metric value as a person reads it ("¥59.90", "12", "8.5%", "3.2 s"); with signed_delta, a
/// change ("+¥10", "-3", "+1.5 pp"). "—" for null.
std::string format_metric(const std::string &key, const nlohmann::ordered_json &value, bool signed_delta);

/// The figures compared: the contract metrics, then compliance_bans (bans and unrated flags) and
/// compliance_cautions, null when the log lists no compliance check (lower is better).
nlohmann::ordered_json compared_metrics(const SessionReport &report);

struct ComparedSession {
	SessionReport report;
	std::optional<RubricResult> rubric;
};

/// Sessions side by side, in order of start time (a trainee's progress, or a cohort on the same
/// scenario and seed): every contract metric per session with its change from the first
/// ("deltas_from_first", exact integers for counts and cents), whether that change is "better",
/// "worse" or "neutral" ("change_from_first", by each metric's "directions"), and the rubric totals.
/// Each session also has "compliance": {"bans","cautions","info","checks"}, and the deltas,
/// directions and changes include compliance_bans and compliance_cautions (lower is better).
nlohmann::ordered_json compare_json(const std::vector<ComparedSession> &sessions);

/// The same as one self-contained HTML page, with the viewer and GMV curves overlaid.
std::string compare_html(const std::vector<ComparedSession> &sessions, const std::string &language);

} // namespace lcs::report

#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/report/rubric.hpp"
#include "core/report/session_report.hpp"

namespace lcs::report {

struct ComparedSession {
	SessionReport report;
	std::optional<RubricResult> rubric;
};

/// Sessions side by side, in order of start time (a trainee's progress, or a cohort on the same
/// scenario and seed): every contract metric per session with its change from the first, the
/// rubric totals, and the segment timings.
nlohmann::ordered_json compare_json(const std::vector<ComparedSession> &sessions);

/// The same as one self-contained HTML page, with the viewer and GMV curves overlaid.
std::string compare_html(const std::vector<ComparedSession> &sessions, const std::string &language);

} // namespace lcs::report

#pragma once

#include <optional>
#include <string>

#include "core/report/rubric.hpp"
#include "core/report/session_report.hpp"

namespace lcs::report {

/// The coach's report as one self-contained HTML file (inline CSS and SVG; no script, font or
/// request leaves the page): headline metrics, the 五维四率 funnel (曝光 → 进入 → 商品曝光 → 点击 →
/// 成交 with the four rates), charts of viewers, cumulative GMV and orders/comments per minute
/// with markers for segments, pins, promotions, incidents, flags and dead air, the traffic
/// sources (table and viewers-by-source curve, impressions per minute), paid traffic and ROI
/// when there was any spend, question triage per minute (answered vs waiting), per-product and
/// the 合规 / Compliance section (checks run and not run, flags by severity, the findings table
/// with the legal basis and suggestion), per-segment tables, unanswered questions, the rubric and what to fix first. Times show as session time and, with a recording, as video time. zh-CN or en-US.
std::string to_html(const SessionReport &report, const std::optional<RubricResult> &rubric, const std::string &language);

} // namespace lcs::report

#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/report/session_report.hpp"

// The pieces the HTML pages share (html_report.cpp, html_review.cpp): the page's words in
// zh-CN and en-US, number formats, and the inline-SVG minute chart with the session's markers.
namespace lcs::report::html {

class Html {
public:
	explicit Html(const std::string &language) : zh_(language.rfind("zh", 0) == 0) {}
	/// The word for `key` in the page's language (the key itself when there is none).
	[[nodiscard]] std::string w(const char *key) const;
	/// A viewer source (contract section 1) as a person reads it: 推荐 / Recommended feed, …
	[[nodiscard]] std::string source(const std::string &id) const;
	static std::string esc(const std::string &s);
	[[nodiscard]] bool zh() const { return zh_; }

private:
	bool zh_;
};

std::string fmt(double v, int decimals);
std::string pct(const std::optional<double> &v);     // "12.5%", "—"
std::string seconds(const std::optional<double> &v); // "61.0 s", "—"
std::string money(const std::optional<double> &cents);

/// A minute chart as inline SVG: `values` one a minute as a line (or bars, with `second` beside
/// them), over the session's markers (segments, pins, promotions, incidents, flags, dead air).
/// With `h`, a flag's tooltip names its severity in the page's language.
std::string chart(const SessionReport &r, const std::string &title, const std::vector<double> &values, bool bars,
		  const std::vector<double> *second = nullptr, const Html *h = nullptr);

// The review a 罗盘 (Douyin Compass) user recognises (html_review.cpp).
/// 五维四率: 曝光 → 进入 → 商品曝光 → 点击 → 成交 with the four rates between the steps.
std::string funnel_section(const SessionReport &r, const Html &h);
/// Viewers, buyers, GMV and share per traffic source, and viewers by source per minute.
std::string traffic_section(const SessionReport &r, const Html &h);
/// Paid traffic: budget, spend, impressions bought, ROI and each purchase; empty without spend.
std::string ad_spend_section(const SessionReport &r, const Html &h);
/// Questions answered during each minute against those still waiting at its end.
std::string triage_section(const SessionReport &r, const Html &h);

// html_compliance.cpp
/// 合规 / Compliance: which checks ran (and which did not), the counts by severity as badges, and
/// the findings table: time and video time, where, severity, category, the term marked in its
/// sentence, the legal basis and the suggestion.
std::string compliance_section(const SessionReport &r, const Html &h);

} // namespace lcs::report::html

// The sections of the HTML report that read like 罗盘 (Douyin Compass): the 五维四率 funnel,
// traffic sources, paid traffic and question triage. A log from before these events existed
// says "not in this log" rather than showing zeros as facts.
#include "core/report/html_common.hpp"

#include <algorithm>
#include <sstream>

#include "core/util/money.hpp"

namespace lcs::report::html {
namespace {

const char *kSourceColours[] = {"#1565c0", "#2e7d32", "#ef6c00", "#6a1b9a", "#c62828", "#00838f", "#5d4037", "#ad1457"};

std::optional<double> ratio(int64_t part, int64_t whole)
{
	if (whole <= 0)
		return std::nullopt;
	return static_cast<double>(part) / static_cast<double>(whole);
}

std::string replace_all(std::string text, const std::string &from, const std::string &to)
{
	for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
		text.replace(at, from.size(), to);
	return text;
}

/// Viewers present by source, one line a source, with a legend.
std::string source_curve(const SessionReport &r, const Html &h)
{
	const double W = 900, H = 220, L = 60, B = 30, T = 24;
	const double n = std::max<double>(1.0, static_cast<double>(r.minutes.size()));
	double max = 1;
	for (const auto &m : r.minutes)
		for (const int64_t v : m.viewers_by_source)
			max = std::max(max, static_cast<double>(v));
	auto x_of = [&](size_t i) { return L + (W - L - 10) * (static_cast<double>(i) + 0.5) / n; };
	auto y_of = [&](double v) { return T + (H - T - B) * (1.0 - v / max); };
	const std::string title = h.w("traffic_chart");
	std::ostringstream s;
	s << "<figure><svg class=\"chart\" viewBox=\"0 0 " << W << ' ' << H << "\" role=\"img\" aria-label=\"" << Html::esc(title)
	  << "\"><text x=\"" << L << "\" y=\"16\" class=\"ct\">" << Html::esc(title) << "</text><line x1=\"" << L << "\" y1=\"" << H - B
	  << "\" x2=\"" << W - 10 << "\" y2=\"" << H - B << "\" class=\"axis\"/><text x=\"" << L - 6 << "\" y=\"" << T + 8
	  << "\" class=\"lab\" text-anchor=\"end\">" << fmt(max, 0) << "</text>";
	const size_t step = std::max<size_t>(1, r.minutes.size() / 8);
	for (size_t i = 0; i < r.minutes.size(); i += step)
		s << "<text x=\"" << x_of(i) << "\" y=\"" << H - 10 << "\" class=\"lab\" text-anchor=\"middle\">" << i << "′</text>";
	for (size_t k = 0; k < r.sources.size(); ++k) {
		const char *colour = kSourceColours[k % 8];
		s << "<polyline class=\"src\" fill=\"none\" stroke-width=\"2\" stroke=\"" << colour << "\" points=\"";
		for (size_t i = 0; i < r.minutes.size(); ++i) {
			const auto &v = r.minutes[i].viewers_by_source;
			s << x_of(i) << ',' << y_of(k < v.size() ? static_cast<double>(v[k]) : 0.0) << ' ';
		}
		s << "\"><title>" << Html::esc(h.source(r.sources[k])) << "</title></polyline>";
		const double lx = L + 10 + static_cast<double>(k) * 130;
		s << "<rect x=\"" << lx << "\" y=\"" << T + 2 << "\" width=\"10\" height=\"10\" fill=\"" << colour << "\"/><text x=\"" << lx + 14
		  << "\" y=\"" << T + 11 << "\" class=\"lab\">" << Html::esc(h.source(r.sources[k])) << "</text>";
	}
	s << "</svg></figure>";
	return s.str();
}

} // namespace

std::string funnel_section(const SessionReport &r, const Html &h)
{
	const auto &m = r.metrics;
	struct Step {
		std::string name;
		std::optional<int64_t> value; // none: not in this log
	};
	const std::vector<Step> steps = {{h.w("step_impressions"), r.impressions_logged ? std::optional<int64_t>(m.impressions) : std::nullopt},
					 {h.w("step_entered"), m.pv},
					 {h.w("step_exposed"), m.exposed_viewers},
					 {h.w("step_clicked"), r.clickers},
					 {h.w("step_bought"), m.buyers}};
	struct Rate {
		std::string name, key;
		std::optional<double> value;
	};
	const std::vector<Rate> rates = {{h.w("rate_exposure_entry"), "exposure_entry_rate", m.exposure_entry_rate},
					 {h.w("rate_product_exposure"), "product_exposure_rate", m.product_exposure_rate},
					 {h.w("rate_click"), "click_rate", m.click_rate},
					 {h.w("rate_click_order"), "click_to_order_rate", m.click_to_order_rate}};
	// Fixed-shape steps as 罗盘 draws them: the numbers and rates carry the information.
	const double row = 44, bar = 26;
	std::ostringstream o;
	o << "<h2 id=\"funnel\">" << h.w("funnel5") << "</h2><svg class=\"chart funnel\" viewBox=\"0 0 900 " << row * 5 << "\" role=\"img\" aria-label=\""
	  << h.w("funnel5") << "\">";
	for (size_t i = 0; i < steps.size(); ++i) {
		const double width = 520.0 - static_cast<double>(i) * 80.0;
		const double x = 300.0 - width / 2.0, y = 6 + static_cast<double>(i) * row;
		const std::string value = steps[i].value ? std::to_string(*steps[i].value) : h.w("not_in_log");
		o << "<g class=\"step\"><rect x=\"" << x << "\" y=\"" << y << "\" width=\"" << width << "\" height=\"" << bar << "\" rx=\"4\" fill=\""
		  << (steps[i].value ? kSourceColours[0] : "#bbb") << "\" opacity=\"" << 0.45 + 0.12 * static_cast<double>(i)
		  << "\"/><text x=\"300\" y=\"" << y + 18 << "\" text-anchor=\"middle\" class=\"" << (steps[i].value ? "stepv" : "stepv unknown") << "\">" << Html::esc(steps[i].name) << " "
		  << Html::esc(value) << "</text></g>";
		if (i < rates.size()) {
			const bool known = rates[i].value.has_value();
			o << "<text x=\"600\" y=\"" << y + bar + 12 << "\" class=\"rate\" data-metric=\"" << rates[i].key << "\">↓ "
			  << Html::esc(rates[i].name) << " " << (known ? pct(rates[i].value) : i == 0 && !r.impressions_logged ? h.w("not_in_log") : "—")
			  << "</text>";
		}
	}
	o << "</svg>";
	if (!r.impressions_logged)
		o << "<p class=\"legend\">" << h.w("funnel_no_impressions") << "</p>";
	return o.str();
}

std::string traffic_section(const SessionReport &r, const Html &h)
{
	const auto &m = r.metrics;
	std::ostringstream o;
	o << "<h2 id=\"traffic\">" << h.w("traffic") << "</h2>";
	if (!r.sources_logged) {
		o << "<p class=\"not-in-log\">" << h.w("traffic_none") << "</p>";
	} else {
		o << "<table class=\"traffic\"><tr><th>" << h.w("source") << "</th><th>" << h.w("viewers") << "</th><th>" << h.w("share") << "</th><th>"
		  << h.w("buyers") << "</th><th>" << h.w("conversion") << "</th><th>GMV</th><th>" << h.w("gmv_share") << "</th></tr>";
		for (const auto &row : m.traffic)
			o << "<tr data-source=\"" << Html::esc(row.source) << "\"><td>" << Html::esc(h.source(row.source)) << "</td><td>" << row.uv
			  << "</td><td>" << pct(ratio(row.uv, m.uv)) << "</td><td>" << row.buyers << "</td><td>" << pct(ratio(row.buyers, row.uv))
			  << "</td><td>" << util::format_yuan(row.gmv_cents) << "</td><td>" << pct(ratio(row.gmv_cents, m.gmv_cents)) << "</td></tr>";
		o << "</table>" << source_curve(r, h);
	}
	if (r.impressions_logged) {
		std::vector<double> impressions;
		for (const auto &row : r.minutes)
			impressions.push_back(static_cast<double>(row.impressions));
		o << chart(r, h.w("impressions_chart"), impressions, true, nullptr, &h);
	}
	return o.str();
}

std::string ad_spend_section(const SessionReport &r, const Html &h)
{
	const auto &m = r.metrics;
	if (m.ad_spend_cents <= 0 && r.ad_spend.empty())
		return {};
	int64_t bought = 0;
	for (const auto &a : r.ad_spend)
		bought += a.impressions;
	const metrics::Metrics::TrafficRow *paid = nullptr;
	for (const auto &row : m.traffic)
		if (row.source == "paid")
			paid = &row;
	const auto scenario = r.header.value("scenario", nlohmann::json::object());
	const auto budget = scenario.find("ad_budget_cents");
	std::vector<std::pair<std::string, std::string>> cards;
	if (budget != scenario.end() && budget->is_number_integer()) {
		cards.emplace_back(h.w("ad_budget"), util::format_yuan(budget->get<int64_t>()));
		cards.emplace_back(h.w("ad_left"), util::format_yuan(std::max<int64_t>(0, budget->get<int64_t>() - m.ad_spend_cents)));
	}
	cards.emplace_back(h.w("ad_spent"), util::format_yuan(m.ad_spend_cents));
	cards.emplace_back(h.w("ad_impressions"), std::to_string(bought));
	cards.emplace_back(h.w("roi"), m.roi ? fmt(*m.roi, 2) : "—");
	cards.emplace_back(h.w("paid_viewers"), paid ? std::to_string(paid->uv) : "0");
	cards.emplace_back(h.w("paid_buyers"), paid ? std::to_string(paid->buyers) : "0");
	cards.emplace_back(h.w("paid_gmv"), util::format_yuan(paid ? paid->gmv_cents : 0));
	if (const auto paid_roi = ratio(paid ? paid->gmv_cents : 0, m.ad_spend_cents))
		cards.emplace_back(h.w("paid_roi"), fmt(*paid_roi, 2));
	std::ostringstream o;
	o << "<h2 id=\"ads\">" << h.w("ads") << "</h2><div class=\"grid\">";
	for (const auto &[label, value] : cards)
		o << "<div class=\"card\"><b>" << Html::esc(value) << "</b><span>" << Html::esc(label) << "</span></div>";
	o << "</div><table class=\"ads\"><tr><th>" << h.w("time") << "</th><th>" << h.w("video") << "</th><th>" << h.w("amount") << "</th><th>"
	  << h.w("ad_impressions") << "</th><th>" << h.w("cpm") << "</th><th>" << h.w("campaign") << "</th></tr>";
	for (const auto &a : r.ad_spend)
		o << "<tr><td>" << clock_text(a.t) << "</td><td>" << r.video_time(a.t).value_or("—") << "</td><td>" << util::format_yuan(a.amount_cents)
		  << "</td><td>" << a.impressions << "</td><td>"
		  << (a.impressions > 0 ? util::format_yuan(a.amount_cents * 1000 / a.impressions) : std::string("—")) << "</td><td>"
		  << Html::esc(a.campaign) << "</td></tr>";
	o << "</table>";
	return o.str();
}

std::string triage_section(const SessionReport &r, const Html &h)
{
	std::ostringstream o;
	o << "<h2 id=\"triage\">" << h.w("triage") << "</h2>";
	if (r.questions.empty()) {
		o << "<p>" << h.w("no_questions") << "</p>";
		return o.str();
	}
	std::vector<double> answered, waiting;
	for (const auto &row : r.minutes) {
		answered.push_back(static_cast<double>(row.questions_answered));
		waiting.push_back(static_cast<double>(row.questions_waiting));
	}
	// The most questions waiting at once: asked +1, answered −1, in time order (an answer first).
	std::vector<std::pair<int64_t, int>> changes;
	for (const auto &q : r.questions) {
		changes.emplace_back(q.t, 1);
		if (q.answered_t)
			changes.emplace_back(*q.answered_t, -1);
	}
	std::sort(changes.begin(), changes.end());
	int64_t most_waiting = 0, now_waiting = 0;
	for (const auto &change : changes)
		most_waiting = std::max(most_waiting, now_waiting += change.second);
	std::string summary = h.w("triage_summary");
	summary = replace_all(summary, "%1", std::to_string(r.metrics.questions));
	summary = replace_all(summary, "%2", std::to_string(r.metrics.answered));
	summary = replace_all(summary, "%3", std::to_string(most_waiting));
	o << "<p>" << Html::esc(summary) << "</p>" << chart(r, h.w("triage_chart"), answered, true, &waiting, &h);
	return o.str();
}

} // namespace lcs::report::html

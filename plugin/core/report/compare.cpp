#include "core/report/compare.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <sstream>

#include "core/metrics/checked_int.hpp"
#include "core/report/compliance_report.hpp"
#include "core/util/money.hpp"

namespace lcs::report {
namespace {

std::string label_of(const SessionReport &r)
{
	return r.header.value("trainee", "") + " · " + r.header.value("started_at", "") + " · " +
	       r.header.value("scenario", nlohmann::json::object()).value("id", "") + " #" + std::to_string(r.header.value("seed", uint64_t{0}));
}

std::string esc(const std::string &s)
{
	std::string out;
	for (const char c : s)
		out += c == '<' ? std::string("&lt;") : c == '>' ? std::string("&gt;") : c == '&' ? std::string("&amp;") : std::string(1, c);
	return out;
}

std::string num(const nlohmann::ordered_json &v)
{
	if (v.is_null())
		return "—";
	if (v.is_number_integer())
		return std::to_string(v.get<int64_t>());
	char buf[48];
	std::snprintf(buf, sizeof buf, "%.3g", v.get<double>());
	return buf;
}

std::string fixed(double v, int decimals)
{
	char buf[64];
	std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
	return buf;
}

} // namespace

nlohmann::ordered_json compared_metrics(const SessionReport &r)
{
	nlohmann::ordered_json j = r.metrics.to_json();
	const bool checked = compliance_checked(r);
	const auto counts = count_flags(r);
	if (!j.contains("compliance_bans"))
		j["compliance_bans"] = checked ? nlohmann::ordered_json(counts.bans()) : nlohmann::ordered_json(nullptr);
	if (!j.contains("compliance_cautions"))
		j["compliance_cautions"] = checked ? nlohmann::ordered_json(counts.caution) : nlohmann::ordered_json(nullptr);
	return j;
}

MetricKind metric_kind(const std::string &key)
{
	using D = MetricDirection;
	using U = MetricUnit;
	static const std::map<std::string, MetricKind> kinds = {
		{"duration_s", {D::Neutral, U::Seconds}},
		{"pv", {D::HigherIsBetter, U::Count}},
		{"uv", {D::HigherIsBetter, U::Count}},
		{"pcu", {D::HigherIsBetter, U::Count}},
		{"acu", {D::HigherIsBetter, U::Number}},
		{"avg_watch_s", {D::HigherIsBetter, U::Seconds}},
		{"orders", {D::HigherIsBetter, U::Count}},
		{"units", {D::HigherIsBetter, U::Count}},
		{"buyers", {D::HigherIsBetter, U::Count}},
		{"gmv_cents", {D::HigherIsBetter, U::Money}},
		{"gpm_cents", {D::HigherIsBetter, U::Money}},
		{"uv_value_cents", {D::HigherIsBetter, U::Money}},
		{"aov_cents", {D::HigherIsBetter, U::Money}},
		{"conversion_rate", {D::HigherIsBetter, U::Ratio}},
		{"interaction_rate", {D::HigherIsBetter, U::Ratio}},
		{"follow_rate", {D::HigherIsBetter, U::Ratio}},
		{"exposed_viewers", {D::HigherIsBetter, U::Count}},
		{"click_rate", {D::HigherIsBetter, U::Ratio}},
		{"click_to_order_rate", {D::HigherIsBetter, U::Ratio}},
		{"questions", {D::Neutral, U::Count}}, // the audience's doing, not the host's
		{"answered", {D::HigherIsBetter, U::Count}},
		{"response_rate", {D::HigherIsBetter, U::Ratio}},
		{"median_response_s", {D::LowerIsBetter, U::Seconds}},
		{"talk_ratio", {D::HigherIsBetter, U::Ratio}},
		{"dead_air_s", {D::LowerIsBetter, U::Seconds}},
		{"longest_silence_s", {D::LowerIsBetter, U::Seconds}},
		{"compliance_flags", {D::LowerIsBetter, U::Count}},
		{"compliance_bans", {D::LowerIsBetter, U::Count}},
		{"compliance_cautions", {D::LowerIsBetter, U::Count}},
		{"impressions", {D::HigherIsBetter, U::Count}}, // the platform showed the room more
		{"exposure_entry_rate", {D::HigherIsBetter, U::Ratio}},
		{"product_exposure_rate", {D::HigherIsBetter, U::Ratio}},
		// Spending more is not better or worse by itself; what it returned is (roi).
		{"ad_spend_cents", {D::Neutral, U::Money}},
		{"roi", {D::HigherIsBetter, U::Number}},
		{"speech_chars_per_min", {D::Neutral, U::Number}}, // faster speech is not better
	};
	const auto it = kinds.find(key);
	return it == kinds.end() ? MetricKind{} : it->second;
}

const char *direction_name(MetricDirection d)
{
	return d == MetricDirection::HigherIsBetter ? "higher_is_better" : d == MetricDirection::LowerIsBetter ? "lower_is_better" : "neutral";
}

std::string format_metric(const std::string &key, const nlohmann::ordered_json &v, bool signed_delta)
{
	if (v.is_null() || !v.is_number())
		return "—";
	const double x = v.get<double>();
	const std::string sign = signed_delta && x > 0 ? "+" : "";
	switch (metric_kind(key).unit) {
	case MetricUnit::Money:
		return sign + util::format_yuan(static_cast<int64_t>(std::llround(x)));
	case MetricUnit::Count:
		return sign + std::to_string(v.is_number_integer() ? v.get<int64_t>() : static_cast<int64_t>(std::llround(x)));
	case MetricUnit::Ratio:
		return sign + fixed(x * 100.0, 1) + (signed_delta ? " pp" : "%");
	case MetricUnit::Seconds:
		return sign + fixed(x, 1) + " s";
	case MetricUnit::Number:
		break;
	}
	return sign + num(v);
}

namespace {

/// better / worse / neutral for a change of `delta` in a metric of that direction.
const char *verdict(MetricDirection direction, double delta)
{
	if (delta == 0 || direction == MetricDirection::Neutral)
		return "neutral";
	return (delta > 0) == (direction == MetricDirection::HigherIsBetter) ? "better" : "worse";
}

/// v − v0, exact for whole numbers (counts, cents).
nlohmann::ordered_json difference(const nlohmann::ordered_json &v, const nlohmann::ordered_json &v0)
{
	if (v.is_null() || v0.is_null())
		return nullptr;
	if (v.is_number_integer() && v0.is_number_integer())
		if (const auto d = metrics::checked_sub(v.get<int64_t>(), v0.get<int64_t>()))
			return *d;
	return v.get<double>() - v0.get<double>();
}

const char *kColours[] = {"#1565c0", "#c62828", "#2e7d32", "#ef6c00", "#6a1b9a", "#00838f", "#5d4037", "#ad1457"};

std::string overlay(const std::vector<ComparedSession> &sessions, const std::string &title, bool gmv)
{
	const double W = 900, H = 240, L = 60, B = 28, T = 24;
	double max = 1, minutes = 1;
	for (const auto &s : sessions) {
		minutes = std::max(minutes, static_cast<double>(s.report.minutes.size()));
		for (const auto &m : s.report.minutes)
			max = std::max(max, gmv ? static_cast<double>(m.gmv_cumulative_cents) / 100.0 : static_cast<double>(m.viewers));
	}
	std::ostringstream o;
	o << "<svg class=\"chart\" viewBox=\"0 0 " << W << ' ' << H << "\" role=\"img\" aria-label=\"" << esc(title) << "\"><text x=\"" << L
	  << "\" y=\"16\" class=\"ct\">" << esc(title) << "</text><line x1=\"" << L << "\" y1=\"" << H - B << "\" x2=\"" << W - 10 << "\" y2=\""
	  << H - B << "\" stroke=\"#999\"/><text x=\"" << L - 6 << "\" y=\"" << T + 8 << "\" class=\"lab\" text-anchor=\"end\">"
	  << static_cast<int64_t>(max) << "</text>";
	for (size_t i = 0; i < sessions.size(); ++i) {
		o << "<polyline fill=\"none\" stroke-width=\"2\" stroke=\"" << kColours[i % 8] << "\" points=\"";
		const auto &mins = sessions[i].report.minutes;
		for (size_t k = 0; k < mins.size(); ++k) {
			const double v = gmv ? static_cast<double>(mins[k].gmv_cumulative_cents) / 100.0 : static_cast<double>(mins[k].viewers);
			o << L + (W - L - 10) * (static_cast<double>(k) + 0.5) / minutes << ',' << T + (H - T - B) * (1.0 - v / max) << ' ';
		}
		o << "\"/>";
	}
	o << "</svg>";
	return o.str();
}

} // namespace

nlohmann::ordered_json compare_json(const std::vector<ComparedSession> &sessions)
{
	nlohmann::ordered_json j;
	auto list = nlohmann::ordered_json::array();
	for (const auto &s : sessions) {
		nlohmann::ordered_json entry;
		entry["label"] = label_of(s.report);
		entry["session_id"] = s.report.header.value("session_id", "");
		entry["metrics"] = s.report.metrics.to_json();
		const auto counts = count_flags(s.report);
		entry["compliance"] = {{"bans", counts.bans()},
				       {"cautions", counts.caution},
				       {"info", counts.info},
				       {"checks", s.report.compliance_checks ? nlohmann::ordered_json(*s.report.compliance_checks) : nlohmann::ordered_json(nullptr)}};
		if (s.rubric) {
			entry["rubric_total"] = s.rubric->total ? nlohmann::ordered_json(*s.rubric->total) : nlohmann::ordered_json(nullptr);
			entry["rubric_complete"] = s.rubric->complete;
		}
		list.push_back(entry);
	}
	j["sessions"] = list;
	// Change of every metric (and the compliance bans and cautions) from the first session, and
	// whether each change is for the better.
	nlohmann::ordered_json deltas = nlohmann::ordered_json::object();
	nlohmann::ordered_json verdicts = nlohmann::ordered_json::object();
	nlohmann::ordered_json directions = nlohmann::ordered_json::object();
	if (!sessions.empty()) {
		const auto first = compared_metrics(sessions.front().report);
		for (const auto &[key, v0] : first.items()) {
			const MetricDirection direction = metric_kind(key).direction;
			auto row = nlohmann::ordered_json::array();
			auto verdict_row = nlohmann::ordered_json::array();
			for (const auto &s : sessions) {
				const auto d = difference(compared_metrics(s.report)[key], v0);
				row.push_back(d);
				verdict_row.push_back(d.is_null() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(verdict(direction, d.get<double>())));
			}
			deltas[key] = row;
			verdicts[key] = verdict_row;
			directions[key] = direction_name(direction);
		}
	}
	j["directions"] = directions;
	j["deltas_from_first"] = deltas;
	j["change_from_first"] = verdicts;
	return j;
}

std::string compare_html(const std::vector<ComparedSession> &sessions, const std::string &language)
{
	const bool zh = language.rfind("zh", 0) == 0;
	std::ostringstream o;
	o << "<!DOCTYPE html><html lang=\"" << (zh ? "zh-CN" : "en-US") << "\"><head><meta charset=\"utf-8\"><title>"
	  << (zh ? "场次对比" : "Sessions compared") << "</title><style>"
	  << "body{font-family:system-ui,'PingFang SC','Microsoft YaHei','WenQuanYi Micro Hei',sans-serif;margin:24px auto;max-width:1100px;color:#222}"
	  << "table{border-collapse:collapse;font-size:13px;width:100%}td,th{border-bottom:1px solid #eee;padding:4px 6px;text-align:right}"
	  << "td:first-child,th:first-child{text-align:left}.better{color:#2e7d32}.worse{color:#c62828}.neutral{color:#666}svg.chart{width:100%;height:auto}"
	  << ".ct{font-size:13px;font-weight:600}.lab{font-size:10px;fill:#666}</style></head><body><h1>"
	  << (zh ? "场次对比" : "Sessions compared") << "</h1><table><tr><th></th>";
	for (size_t i = 0; i < sessions.size(); ++i)
		o << "<th style=\"color:" << kColours[i % 8] << "\">" << esc(label_of(sessions[i].report)) << "</th>";
	o << "</tr>";
	if (!sessions.empty()) {
		bool any_rubric = false;
		for (const auto &s : sessions)
			any_rubric = any_rubric || s.rubric.has_value();
		if (any_rubric) {
			o << "<tr><td><b>" << (zh ? "教练评分" : "Rubric total") << "</b></td>";
			for (const auto &s : sessions)
				o << "<td><b>" << (s.rubric && s.rubric->total ? fixed(*s.rubric->total, 0) : "—") << "</b>"
				  << (s.rubric && !s.rubric->complete ? (zh ? "（不完整）" : " (incomplete)") : "") << "</td>";
			o << "</tr>";
		}
		const auto first = compared_metrics(sessions.front().report);
		for (const auto &[key, v0] : first.items()) {
			const MetricDirection direction = metric_kind(key).direction;
			o << "<tr><td>" << key << "</td>";
			for (size_t i = 0; i < sessions.size(); ++i) {
				const auto v = compared_metrics(sessions[i].report)[key];
				o << "<td>" << esc(format_metric(key, v, false));
				if (const auto d = difference(v, v0); i > 0 && !d.is_null() && d.get<double>() != 0)
					o << " <span class=\"" << verdict(direction, d.get<double>()) << "\">(" << esc(format_metric(key, d, true)) << ")</span>";
				o << "</td>";
			}
			o << "</tr>";
		}
	}
	o << "</table>" << overlay(sessions, zh ? "在线人数" : "Concurrent viewers", false)
	  << overlay(sessions, zh ? "累计成交金额 (¥)" : "Cumulative GMV (¥)", true) << "</body></html>\n";
	return o.str();
}

} // namespace lcs::report

#include "core/report/compare.hpp"

#include <algorithm>
#include <cstdio>
#include <sstream>

namespace lcs::report {
namespace {

std::string label_of(const SessionReport &r)
{
	return r.header.value("trainee", "") + " · " + r.header.value("started_at", "") + " · " +
	       r.header.value("scenario", nlohmann::json::object()).value("id", "") + " #" + std::to_string(r.header.value("seed", 0));
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
		if (s.rubric)
			entry["rubric_total"] = s.rubric->total;
		list.push_back(entry);
	}
	j["sessions"] = list;
	// Change of every metric from the first session.
	nlohmann::ordered_json deltas = nlohmann::ordered_json::object();
	if (!sessions.empty()) {
		const auto first = sessions.front().report.metrics.to_json();
		for (const auto &[key, v0] : first.items()) {
			auto row = nlohmann::ordered_json::array();
			for (const auto &s : sessions) {
				const auto v = s.report.metrics.to_json()[key];
				row.push_back(v.is_null() || v0.is_null() ? nlohmann::ordered_json(nullptr)
									  : nlohmann::ordered_json(v.get<double>() - v0.get<double>()));
			}
			deltas[key] = row;
		}
	}
	j["deltas_from_first"] = deltas;
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
	  << "td:first-child,th:first-child{text-align:left}.up{color:#2e7d32}.down{color:#c62828}svg.chart{width:100%;height:auto}"
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
				o << "<td><b>" << (s.rubric ? num(nlohmann::ordered_json(s.rubric->total)) : "—") << "</b></td>";
			o << "</tr>";
		}
		const auto first = sessions.front().report.metrics.to_json();
		for (const auto &[key, v0] : first.items()) {
			o << "<tr><td>" << key << "</td>";
			for (size_t i = 0; i < sessions.size(); ++i) {
				const auto v = sessions[i].report.metrics.to_json()[key];
				o << "<td>" << num(v);
				if (i > 0 && !v.is_null() && !v0.is_null()) {
					const double d = v.get<double>() - v0.get<double>();
					if (d != 0)
						o << " <span class=\"" << (d > 0 ? "up" : "down") << "\">(" << (d > 0 ? "+" : "") << num(nlohmann::ordered_json(d)) << ")</span>";
				}
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

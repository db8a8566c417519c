#include "core/report/html_report.hpp"

#include <algorithm>
#include <sstream>

#include "core/report/compliance_report.hpp"
#include "core/report/html_common.hpp"
#include "core/util/money.hpp"

namespace lcs::report {
using html::chart;
using html::fmt;
using html::Html;
using html::money;
using html::pct;
using html::seconds;

namespace {

/// The places a compliance count covers, e.g. " [Speech, Price]"; empty for other metrics.
std::string places(const MetricScore &ms, const Html &h)
{
	if (!ms.counts || ms.counts->where.empty())
		return {};
	std::string out;
	for (const auto &w : ms.counts->where)
		out += (out.empty() ? "" : ", ") + where_name(w, h.zh());
	return " [" + out + "]";
}

} // namespace

std::string to_html(const SessionReport &r, const std::optional<RubricResult> &rubric, const std::string &language)
{
	const Html h(language);
	const auto &m = r.metrics;
	auto time_cell = [&](int64_t t) {
		std::string s = "<td>" + clock_text(t) + "</td><td>" + r.video_time(t).value_or("—") + "</td>";
		return s;
	};
	std::ostringstream o;
	o << "<!DOCTYPE html><html lang=\"" << (h.zh() ? "zh-CN" : "en-US") << "\"><head><meta charset=\"utf-8\">"
	  << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" << h.w("title") << " · "
	  << Html::esc(r.header.value("trainee", "")) << "</title><style>"
	  << "body{font-family:system-ui,'PingFang SC','Microsoft YaHei','WenQuanYi Micro Hei',sans-serif;margin:24px auto;max-width:960px;color:#222}"
	  << "h1{font-size:24px}h2{font-size:18px;border-bottom:2px solid #eee;padding-bottom:4px;margin-top:28px}"
	  << ".grid{display:grid;grid-template-columns:repeat(4,1fr);gap:8px}.card{background:#f6f7f9;border-radius:8px;padding:10px}"
	  << ".card b{display:block;font-size:20px}.card span{font-size:12px;color:#666}"
	  << "table{border-collapse:collapse;width:100%;font-size:13px}td,th{border-bottom:1px solid #eee;padding:4px 6px;text-align:left}"
	  << "svg.chart{width:100%;height:auto;background:#fcfcfd}.ct{font-size:13px;font-weight:600}.lab{font-size:10px;fill:#666}"
	  << ".axis{stroke:#999}.seg{stroke:#6c8ebf;stroke-dasharray:3 3}.dead{fill:#999;opacity:.25}.pin{fill:#d79b00;font-size:10px}"
	  << ".promo{fill:#2e7d32}.inc{fill:#ef6c00;font-size:12px}.flag{fill:#c62828;font-size:12px}.flag.caution{fill:#ef6c00}.flag.info{fill:#9e9e9e}"
	  << ".sev{display:inline-block;border-radius:4px;padding:0 6px;color:#fff;font-size:12px;white-space:nowrap}.sev.ban,.sev.unrated{background:#c62828}"
	  << ".sev.caution{background:#ef6c00}.sev.info{background:#9e9e9e}mark{background:#ffe082}.badges .sev{font-size:14px;margin-right:6px}"
	  << "polyline.b1{fill:none;stroke:#1565c0;stroke-width:2}rect.b1{fill:#1565c0}rect.b2{fill:#90caf9}"
	  << ".stepv{font-size:13px;fill:#fff;font-weight:600}.stepv.unknown{fill:#555}.rate{font-size:12px;fill:#333}.not-in-log{color:#666;font-style:italic}"
	  << ".gate{color:#c62828}"
	  << ".legend{font-size:12px;color:#666}.tier{font-size:28px;font-weight:700}.incomplete{color:#ef6c00}"
	  << "@media print{body{margin:0}h2{break-after:avoid}figure,table{break-inside:avoid}}"
	  << "</style></head><body>";
	o << "<h1>" << h.w("title") << "</h1><p>" << h.w("trainee") << ": <b>" << Html::esc(r.header.value("trainee", ""))
	  << "</b> · " << h.w("scenario") << ": " << Html::esc(r.header.value("scenario", nlohmann::json::object()).value("name", ""))
	  << " · " << h.w("started") << ": " << Html::esc(r.header.value("started_at", "")) << " · " << h.w("seed") << ": "
	  << r.header.value("seed", uint64_t{0}) << "</p>";
	if (rubric) {
		o << "<p><span class=\"tier\">" << (rubric->total ? fmt(*rubric->total, 0) : "—") << "</span> / 100";
		if (rubric->complete)
			o << " · <b>" << Html::esc(rubric->tier) << "</b>";
		else
			o << " · <b class=\"incomplete\">" << h.w("incomplete") << "</b>";
		o << "</p>";
		if (!rubric->gates_failed.empty()) {
			std::string failed;
			for (const auto &d : rubric->dimensions)
				for (const auto &ms : d.metrics)
					if (ms.gate_failed)
						failed += (failed.empty() ? "" : ", ") + d.name + " · " + ms.metric + " " + (ms.value ? fmt(*ms.value, 2) : "—") +
							  (ms.lower_is_better ? " > " : " < ") + fmt(*ms.pass_limit, 2);
			o << "<p class=\"gate\"><b>" << h.w("gate_failed") << "</b> " << Html::esc(failed);
			if (rubric->uncapped_total)
				o << " (" << h.w("uncapped") << " " << fmt(*rubric->uncapped_total, 0) << ")";
			o << "</p>";
		}
	}

	// Headline metrics.
	const std::vector<std::pair<std::string, std::string>> cards = {
		{h.w("gmv"), util::format_yuan(m.gmv_cents)}, {h.w("uv"), std::to_string(m.uv)}, {h.w("pv"), std::to_string(m.pv)},
		{h.w("pcu"), std::to_string(m.pcu)}, {h.w("avg_watch"), seconds(m.avg_watch_s)}, {h.w("conversion"), pct(m.conversion_rate)},
		{h.w("gpm"), money(m.gpm_cents)}, {h.w("uv_value"), money(m.uv_value_cents)}, {h.w("aov"), money(m.aov_cents)},
		{h.w("response"), pct(m.response_rate)}, {h.w("median_response"), seconds(m.median_response_s)},
		{h.w("talk"), pct(m.talk_ratio)}, {h.w("dead_air"), fmt(m.dead_air_s, 0) + " s"},
		{h.w("flags"), std::to_string(m.compliance_flags)}, {h.w("orders"), std::to_string(m.orders)},
		{h.w("units"), std::to_string(m.units)}};
	o << "<div class=\"grid\">";
	for (const auto &[label, value] : cards)
		o << "<div class=\"card\"><b>" << Html::esc(value) << "</b><span>" << Html::esc(label) << "</span></div>";
	o << "</div>";

	o << html::funnel_section(r, h);

	// Charts.
	std::vector<double> viewers, gmv, orders, comments;
	for (const auto &row : r.minutes) {
		viewers.push_back(static_cast<double>(row.viewers));
		gmv.push_back(static_cast<double>(row.gmv_cumulative_cents) / 100.0);
		orders.push_back(static_cast<double>(row.orders));
		comments.push_back(static_cast<double>(row.comments));
	}
	o << chart(r, h.w("viewers_chart"), viewers, false, nullptr, &h) << chart(r, h.w("gmv_chart") + " (¥)", gmv, false, nullptr, &h)
	  << chart(r, h.w("activity_chart") + " (" + h.w("orders") + " / " + h.w("comments") + ")", orders, true, &comments, &h)
	  << "<p class=\"legend\">" << h.w("legend") << "</p>";
	o << html::traffic_section(r, h) << html::ad_spend_section(r, h) << html::triage_section(r, h) << html::compliance_section(r, h);

	// Products and segments.
	o << "<h2>" << h.w("products") << "</h2><table><tr><th>SKU</th><th></th><th>" << h.w("exposed") << "</th><th>" << h.w("clicks")
	  << "</th><th>" << h.w("orders") << "</th><th>" << h.w("units") << "</th><th>GMV</th><th>" << h.w("conversion") << "</th></tr>";
	for (const auto &p : r.products)
		o << "<tr><td>" << Html::esc(p.sku) << "</td><td>" << Html::esc(p.name) << "</td><td>" << p.exposed << "</td><td>" << p.clicks
		  << "</td><td>" << p.orders << "</td><td>" << p.units << "</td><td>" << util::format_yuan(p.gmv_cents) << "</td><td>"
		  << pct(p.conversion_rate) << "</td></tr>";
	o << "</table><h2>" << h.w("segments") << "</h2><table><tr><th></th><th>" << h.w("planned") << "</th><th>" << h.w("actual")
	  << "</th><th>" << h.w("viewers_start") << "</th><th>" << h.w("viewers_end") << "</th><th>" << h.w("orders")
	  << "</th><th>GMV</th><th>" << h.w("questions") << "</th><th>" << h.w("answered") << "</th></tr>";
	for (const auto &s : r.segments)
		o << "<tr><td>" << Html::esc(s.name) << "</td><td>" << clock_text(s.planned_ms) << "</td><td"
		  << (s.actual_ms > s.planned_ms ? " style=\"color:#c62828\"" : "") << ">" << clock_text(s.actual_ms) << "</td><td>"
		  << s.viewers_at_start << "</td><td>" << s.viewers_at_end << "</td><td>" << s.orders << "</td><td>"
		  << util::format_yuan(s.gmv_cents) << "</td><td>" << s.questions << "</td><td>" << s.answered << "</td></tr>";
	o << "</table>";

	// Unanswered questions.
	o << "<h2>" << h.w("unanswered") << "</h2><table><tr><th>" << h.w("time") << "</th><th>" << h.w("video") << "</th><th></th></tr>";
	int shown = 0;
	for (const auto &q : r.questions)
		if (!q.answered_t && shown++ < 50)
			o << "<tr>" << time_cell(q.t) << "<td>" << Html::esc(q.text) << "</td></tr>";
	if (shown == 0)
		o << "<tr><td colspan=\"3\">" << h.w("none") << "</td></tr>";
	o << "</table>";

	// Rubric.
	if (rubric) {
		o << "<h2>" << h.w("rubric") << " · " << Html::esc(rubric->name) << "</h2><table><tr><th></th><th>" << h.w("score")
		  << "</th><th>" << h.w("value") << " / " << h.w("target") << "</th></tr>";
		for (const auto &d : rubric->dimensions) {
			o << "<tr><td><b>" << Html::esc(d.name) << "</b></td><td><b>" << (d.score ? fmt(*d.score, 0) : h.w("not_measured"))
			  << "</b></td><td>";
			for (const auto &ms : d.metrics)
				o << Html::esc(ms.metric) << Html::esc(places(ms, h)) << " " << (ms.value ? fmt(*ms.value, 2) : "—") << (ms.lower_is_better ? " ≤ " : " ≥ ")
				  << fmt(ms.target, 2) << (ms.floor > 0 ? " (0 ≤ " + fmt(ms.floor, 2) + ")" : std::string()) << " → "
				  << (ms.score ? fmt(*ms.score * 100.0, 0) : h.w("not_measured"))
				  << (ms.pass_limit ? std::string(" · ") + h.w("gate") + (ms.lower_is_better ? " ≤ " : " ≥ ") + fmt(*ms.pass_limit, 2) : std::string())
				  << (ms.gate_failed ? " ✕" : "") << "<br>";
			o << "</td></tr>";
		}
		o << "</table><h2>" << h.w("fix_first") << "</h2><ol>";
		for (const size_t i : rubric->fix_first) {
			const auto &d = rubric->dimensions[i];
			o << "<li><b>" << Html::esc(d.name) << "</b> (" << (d.score ? fmt(*d.score, 0) : h.w("not_measured")) << ")<ul>";
			for (const auto &mo : d.moments)
				o << "<li>" << clock_text(mo.t) << (r.video_time(mo.t) ? " (▶ " + *r.video_time(mo.t) + ")" : std::string()) << " — "
				  << (mo.severity.empty() ? std::string() : Html::esc(severity_name(mo.severity, h.zh())) + " · ")
				  << Html::esc(mo.label.empty() ? mo.kind : mo.label)
				  << (mo.duration_ms ? " · " + fmt(static_cast<double>(mo.duration_ms) / 1000.0, 0) + " s" : std::string()) << "</li>";
			o << "</ul></li>";
		}
		o << "</ol>";
	}
	o << "</body></html>\n";
	return o.str();
}

} // namespace lcs::report

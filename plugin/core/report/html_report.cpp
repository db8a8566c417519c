#include "core/report/html_report.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <sstream>

#include "core/util/money.hpp"

namespace lcs::report {
namespace {

const std::map<std::string, std::pair<const char *, const char *>> &words()
{
	// key → {zh-CN, en-US}
	static const std::map<std::string, std::pair<const char *, const char *>> w = {
		{"title", {"直播复盘报告", "Live session review"}},
		{"trainee", {"学员", "Trainee"}},
		{"scenario", {"场景", "Scenario"}},
		{"started", {"开始时间", "Started"}},
		{"seed", {"随机种子", "Seed"}},
		{"gmv", {"成交金额 GMV", "GMV"}},
		{"uv", {"观看人数 UV", "Viewers (UV)"}},
		{"pv", {"观看人次 PV", "Views (PV)"}},
		{"pcu", {"峰值在线", "Peak concurrent"}},
		{"avg_watch", {"人均观看时长", "Average watch time"}},
		{"conversion", {"成交转化率", "Conversion"}},
		{"gpm", {"千次观看成交 GPM", "GPM"}},
		{"uv_value", {"UV价值", "GMV per viewer"}},
		{"aov", {"客单价", "Average order value"}},
		{"response", {"问题回复率", "Questions answered"}},
		{"median_response", {"回复用时中位数", "Median answer time"}},
		{"talk", {"说话占比", "Talk ratio"}},
		{"dead_air", {"冷场总时长", "Dead air"}},
		{"flags", {"合规提示", "Compliance flags"}},
		{"funnel", {"转化漏斗", "Funnel"}},
		{"exposed", {"曝光", "Exposed"}},
		{"clicked", {"点击", "Clicked"}},
		{"ordered", {"成交", "Bought"}},
		{"viewers_chart", {"在线人数", "Concurrent viewers"}},
		{"gmv_chart", {"累计成交金额", "Cumulative GMV"}},
		{"activity_chart", {"每分钟订单与评论", "Orders and comments per minute"}},
		{"orders", {"订单", "Orders"}},
		{"comments", {"评论", "Comments"}},
		{"products", {"商品", "Products"}},
		{"segments", {"环节", "Segments"}},
		{"planned", {"计划", "Planned"}},
		{"actual", {"实际", "Actual"}},
		{"viewers_start", {"开始在线", "Viewers at start"}},
		{"viewers_end", {"结束在线", "Viewers at end"}},
		{"questions", {"提问", "Questions"}},
		{"answered", {"已回复", "Answered"}},
		{"clicks", {"点击", "Clicks"}},
		{"units", {"件数", "Units"}},
		{"unanswered", {"未回复的问题", "Unanswered questions"}},
		{"time", {"时间", "Time"}},
		{"video", {"录像时间", "Video time"}},
		{"rubric", {"教练评分", "Coach rubric"}},
		{"total", {"总分", "Total"}},
		{"fix_first", {"优先改进", "What to fix first"}},
		{"score", {"得分", "Score"}},
		{"value", {"数值", "Value"}},
		{"target", {"目标", "Target"}},
		{"legend", {"图例：竖线=环节 ▲=讲解商品 ●=活动 ◆=事件 ✕=合规 灰色=冷场", "Legend: line = segment, ▲ = pin, ● = promotion, ◆ = incident, ✕ = flag, grey = dead air"}},
		{"none", {"无", "None"}},
		{"not_measured", {"未测到", "not measured"}},
		{"incomplete", {"评分不完整：部分维度本场未测到，未定等级", "Incomplete: some dimensions were not measured in this session, so no tier"}},
	};
	return w;
}

class Html {
public:
	explicit Html(std::string language) : zh_(language.rfind("zh", 0) == 0) {}
	std::string w(const char *key) const
	{
		const auto it = words().find(key);
		return it == words().end() ? key : (zh_ ? it->second.first : it->second.second);
	}
	static std::string esc(const std::string &s)
	{
		std::string out;
		for (const char c : s) {
			switch (c) {
			case '<': out += "&lt;"; break;
			case '>': out += "&gt;"; break;
			case '&': out += "&amp;"; break;
			case '"': out += "&quot;"; break;
			default: out.push_back(c);
			}
		}
		return out;
	}
	[[nodiscard]] bool zh() const { return zh_; }

private:
	bool zh_;
};

std::string fmt(double v, int decimals)
{
	char buf[64];
	std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
	return buf;
}

std::string pct(const std::optional<double> &v)
{
	return v ? fmt(*v * 100.0, 1) + "%" : "—";
}

std::string seconds(const std::optional<double> &v)
{
	return v ? fmt(*v, 1) + " s" : "—";
}

std::string money(const std::optional<double> &cents)
{
	return cents ? util::format_yuan(static_cast<int64_t>(*cents + 0.5)) : "—";
}

/// A line chart with event markers, as inline SVG.
std::string chart(const SessionReport &r, const std::string &title, const std::vector<double> &values, bool bars,
		  const std::vector<double> *second = nullptr)
{
	const double W = 900, H = 220, L = 60, B = 30, T = 24;
	const double n = std::max<double>(1.0, static_cast<double>(values.size()));
	double max = 1;
	for (const double v : values)
		max = std::max(max, v);
	if (second)
		for (const double v : *second)
			max = std::max(max, v);
	const double duration_min = std::max(1.0, r.metrics.duration_s / 60.0);
	auto x_of_t = [&](int64_t t) { return L + (W - L - 10) * (static_cast<double>(t) / 60000.0) / duration_min; };
	auto x_of_i = [&](size_t i) { return L + (W - L - 10) * (static_cast<double>(i) + 0.5) / n; };
	auto y_of = [&](double v) { return T + (H - T - B) * (1.0 - v / max); };
	std::ostringstream s;
	s << "<figure><svg class=\"chart\" viewBox=\"0 0 " << W << ' ' << H << "\" role=\"img\" aria-label=\"" << Html::esc(title)
	  << "\"><text x=\"" << L << "\" y=\"16\" class=\"ct\">" << Html::esc(title) << "</text>";
	s << "<line x1=\"" << L << "\" y1=\"" << H - B << "\" x2=\"" << W - 10 << "\" y2=\"" << H - B << "\" class=\"axis\"/>";
	s << "<text x=\"" << L - 6 << "\" y=\"" << T + 8 << "\" class=\"lab\" text-anchor=\"end\">" << fmt(max, 0) << "</text>";
	for (int m = 0; m <= static_cast<int>(duration_min); m += std::max(1, static_cast<int>(duration_min / 8)))
		s << "<text x=\"" << x_of_t(m * 60000LL) << "\" y=\"" << H - 10 << "\" class=\"lab\" text-anchor=\"middle\">" << m
		  << "′</text>";
	// Markers under the data.
	for (const auto &e : r.timeline) {
		const double x = x_of_t(e.t);
		if (e.kind == "dead_air")
			s << "<rect x=\"" << x << "\" y=\"" << T << "\" width=\"" << std::max(1.0, x_of_t(e.t + e.duration_ms) - x)
			  << "\" height=\"" << H - T - B << "\" class=\"dead\"><title>dead air " << e.duration_ms / 1000 << " s</title></rect>";
		else if (e.kind == "segment")
			s << "<line x1=\"" << x << "\" y1=\"" << T << "\" x2=\"" << x << "\" y2=\"" << H - B << "\" class=\"seg\"><title>"
			  << Html::esc(e.label) << "</title></line>";
		else if (e.kind == "pin")
			s << "<text x=\"" << x << "\" y=\"" << H - B - 2 << "\" class=\"pin\" text-anchor=\"middle\">▲<title>"
			  << Html::esc(e.label) << "</title></text>";
		else if (e.kind == "promo_start" || e.kind == "promo_end")
			s << "<circle cx=\"" << x << "\" cy=\"" << T + 4 << "\" r=\"4\" class=\"promo\"><title>" << Html::esc(e.label)
			  << "</title></circle>";
		else if (e.kind == "incident")
			s << "<text x=\"" << x << "\" y=\"" << T + 14 << "\" class=\"inc\" text-anchor=\"middle\">◆<title>"
			  << Html::esc(e.label) << "</title></text>";
		else if (e.kind == "flag")
			s << "<text x=\"" << x << "\" y=\"" << T + 26 << "\" class=\"flag\" text-anchor=\"middle\">✕<title>"
			  << Html::esc(e.label) << "</title></text>";
	}
	auto series = [&](const std::vector<double> &v, const char *cls) {
		if (bars) {
			const double bw = std::max(1.0, (W - L - 10) / n * (second ? 0.4 : 0.8));
			for (size_t i = 0; i < v.size(); ++i)
				s << "<rect x=\"" << x_of_i(i) - (second && cls == std::string("b2") ? 0 : bw) << "\" y=\"" << y_of(v[i])
				  << "\" width=\"" << bw << "\" height=\"" << H - B - y_of(v[i]) << "\" class=\"" << cls << "\"/>";
		} else {
			s << "<polyline class=\"" << cls << "\" points=\"";
			for (size_t i = 0; i < v.size(); ++i)
				s << x_of_i(i) << ',' << y_of(v[i]) << ' ';
			s << "\"/>";
		}
	};
	series(values, "b1");
	if (second)
		series(*second, "b2");
	s << "</svg></figure>";
	return s.str();
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
	  << ".promo{fill:#2e7d32}.inc{fill:#ef6c00;font-size:12px}.flag{fill:#c62828;font-size:12px}"
	  << "polyline.b1{fill:none;stroke:#1565c0;stroke-width:2}rect.b1{fill:#1565c0}rect.b2{fill:#90caf9}"
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

	// Funnel.
	const int64_t clickers = [&] {
		int64_t c = 0;
		for (const auto &p : r.products)
			c += p.clicks;
		return c;
	}();
	const double top = static_cast<double>(std::max<int64_t>(1, m.exposed_viewers));
	o << "<h2>" << h.w("funnel") << "</h2><svg class=\"chart\" viewBox=\"0 0 900 110\" role=\"img\" aria-label=\"" << h.w("funnel") << "\">";
	const std::vector<std::pair<std::string, int64_t>> steps = {{h.w("exposed"), m.exposed_viewers}, {h.w("clicked"), clickers}, {h.w("ordered"), m.buyers}};
	for (size_t i = 0; i < steps.size(); ++i) {
		const double w = 700.0 * static_cast<double>(steps[i].second) / top;
		o << "<rect x=\"120\" y=\"" << 8 + i * 32 << "\" width=\"" << std::max(1.0, w) << "\" height=\"24\" fill=\"" << (i == 0 ? "#90caf9" : i == 1 ? "#42a5f5" : "#1565c0")
		  << "\"/><text x=\"112\" y=\"" << 25 + i * 32 << "\" text-anchor=\"end\" class=\"lab\">" << Html::esc(steps[i].first) << "</text><text x=\""
		  << 126 + w << "\" y=\"" << 25 + i * 32 << "\" class=\"lab\">" << steps[i].second << "</text>";
	}
	o << "</svg>";

	// Charts.
	std::vector<double> viewers, gmv, orders, comments;
	for (const auto &row : r.minutes) {
		viewers.push_back(static_cast<double>(row.viewers));
		gmv.push_back(static_cast<double>(row.gmv_cumulative_cents) / 100.0);
		orders.push_back(static_cast<double>(row.orders));
		comments.push_back(static_cast<double>(row.comments));
	}
	o << chart(r, h.w("viewers_chart"), viewers, false) << chart(r, h.w("gmv_chart") + " (¥)", gmv, false)
	  << chart(r, h.w("activity_chart") + " (" + h.w("orders") + " / " + h.w("comments") + ")", orders, true, &comments)
	  << "<p class=\"legend\">" << h.w("legend") << "</p>";

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
				o << Html::esc(ms.metric) << " " << (ms.value ? fmt(*ms.value, 2) : "—") << (ms.lower_is_better ? " ≤ " : " ≥ ")
				  << fmt(ms.target, 2) << " → " << (ms.score ? fmt(*ms.score * 100.0, 0) : h.w("not_measured")) << "<br>";
			o << "</td></tr>";
		}
		o << "</table><h2>" << h.w("fix_first") << "</h2><ol>";
		for (const size_t i : rubric->fix_first) {
			const auto &d = rubric->dimensions[i];
			o << "<li><b>" << Html::esc(d.name) << "</b> (" << (d.score ? fmt(*d.score, 0) : h.w("not_measured")) << ")<ul>";
			for (const auto &mo : d.moments)
				o << "<li>" << clock_text(mo.t) << (r.video_time(mo.t) ? " (▶ " + *r.video_time(mo.t) + ")" : std::string()) << " — "
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

#include "core/report/html_common.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <sstream>

#include "core/report/compliance_report.hpp"
#include "core/util/money.hpp"

namespace lcs::report::html {
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
		{"exposed", {"商品曝光", "Saw the product"}},
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
		{"legend", {"图例：竖线=环节 ▲=讲解商品 ●=活动 ◆=事件 ✕=合规（红=禁用 橙=慎用 灰=提示） 灰色=冷场",
			    "Legend: line = segment, ▲ = pin, ● = promotion, ◆ = incident, ✕ = flag (red = ban, orange = caution, grey = info), grey = dead air"}},
		{"none", {"无", "None"}},
		{"not_measured", {"未测到", "not measured"}},
		{"funnel5", {"五维四率", "Funnel: five steps, four rates"}},
		{"step_impressions", {"曝光", "Impressions"}},
		{"step_entered", {"进入", "Entered (views)"}},
		{"step_exposed", {"商品曝光", "Saw a product"}},
		{"step_clicked", {"点击", "Clicked a product"}},
		{"step_bought", {"成交", "Bought"}},
		{"rate_exposure_entry", {"曝光-进入率", "Impression → entry"}},
		{"rate_product_exposure", {"商品曝光率", "Product exposure rate"}},
		{"rate_click", {"商品点击率", "Product click rate"}},
		{"rate_click_order", {"点击-成交率", "Click → order"}},
		{"not_in_log", {"本场日志中没有", "not in this log"}},
		{"funnel_no_impressions", {"本场日志没有曝光记录（较早版本的日志），漏斗从“进入”开始。", "This log has no impressions (an older log), so the funnel starts at entry."}},
		{"traffic", {"流量来源", "Traffic sources"}},
		{"source", {"来源", "Source"}},
		{"viewers", {"观看人数", "Viewers"}},
		{"buyers", {"成交人数", "Buyers"}},
		{"share", {"人数占比", "Share of viewers"}},
		{"gmv_share", {"成交占比", "Share of GMV"}},
		{"traffic_none", {"本场日志没有记录观众来源（较早版本的日志）。", "This log does not record where viewers came from (an older log)."}},
		{"traffic_chart", {"各来源在线人数", "Viewers present by source"}},
		{"impressions_chart", {"每分钟曝光次数", "Impressions per minute"}},
		{"ads", {"付费投流", "Paid traffic"}},
		{"ad_budget", {"投流预算", "Ad budget"}},
		{"ad_spent", {"投流消耗", "Ad spend"}},
		{"ad_left", {"剩余预算", "Budget left"}},
		{"ad_impressions", {"购买曝光", "Impressions bought"}},
		{"paid_viewers", {"付费流量观看人数", "Viewers from paid traffic"}},
		{"paid_buyers", {"付费流量成交人数", "Buyers from paid traffic"}},
		{"paid_gmv", {"付费流量成交金额", "GMV from paid traffic"}},
		{"roi", {"投产比 ROI（总成交 ÷ 消耗）", "ROI (all GMV ÷ spend)"}},
		{"paid_roi", {"付费流量成交 ÷ 消耗", "Paid-traffic GMV ÷ spend"}},
		{"amount", {"金额", "Amount"}},
		{"cpm", {"千次曝光价格", "Price per 1,000 impressions"}},
		{"campaign", {"投放计划", "Campaign"}},
		{"triage", {"问题处理", "Question triage"}},
		{"triage_chart", {"每分钟已回复（深色）与分钟末仍在等待（浅色）的问题", "Questions answered during each minute (dark) and still waiting at its end (light)"}},
		{"triage_summary", {"提问 %1 个 · 已回复 %2 个 · 最多同时等待 %3 个", "%1 questions · %2 answered · at most %3 waiting at once"}},
		{"no_questions", {"本场无人提问。", "Nobody asked a question."}},
		{"gate_failed", {"未过及格门槛，总分停在及格线以下：", "Below a pass gate, so the total stays under the pass mark:"}},
		{"uncapped", {"未封顶时", "before the cap"}},
		{"gate", {"门槛", "gate"}},
		{"compliance", {"合规", "Compliance"}},
		{"checks_ran", {"本场检查：", "Checked in this session: "}},
		{"checks_not_run", {"未检查：", "Not checked: "}},
		{"checks_none", {"本场日志没有记录合规检查（较早版本的日志）：提词、口播和价格都未检查，合规未测到。",
				 "This log records no compliance check (an older log): cues, speech and prices were not checked, so compliance is not measured."}},
		{"checks_empty", {"本场没有运行合规检查，合规未测到。", "No compliance check ran in this session, so compliance is not measured."}},
		{"no_flags", {"已运行的检查没有发现问题。", "The checks that ran found nothing."}},
		{"where", {"位置", "Where"}},
		{"severity", {"级别", "Severity"}},
		{"category", {"类别", "Category"}},
		{"said", {"原文", "In its sentence"}},
		{"legal_basis", {"依据", "Legal basis"}},
		{"suggestion", {"建议", "Suggestion"}},
		{"by_sound", {"（读音相近，置信度较低）", " (by sound: lower confidence)"}},
		{"more_flags", {"另有 %1 条未列出（见 JSON 或 CSV）。", "%1 more not listed (see the JSON or CSV)."}},
		{"incomplete", {"评分不完整：部分维度本场未测到，未定等级", "Incomplete: some dimensions were not measured in this session, so no tier"}},
	};
	return w;
}

} // namespace

std::string Html::w(const char *key) const
{
	const auto it = words().find(key);
	return it == words().end() ? key : (zh_ ? it->second.first : it->second.second);
}

std::string Html::source(const std::string &id) const
{
	static const std::map<std::string, std::pair<const char *, const char *>> names = {
		{"recommend", {"推荐", "Recommended feed"}}, {"follow", {"关注", "Followers"}},
		{"search", {"搜索", "Search"}},              {"short_video", {"短视频", "Short videos"}},
		{"paid", {"付费投流", "Paid"}},               {"other", {"其他", "Other"}}};
	const auto it = names.find(id);
	return it == names.end() ? id : (zh_ ? it->second.first : it->second.second);
}

std::string Html::esc(const std::string &s)
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
		  const std::vector<double> *second, const Html *h)
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
			s << "<text x=\"" << x << "\" y=\"" << T + 26 << "\" class=\"flag " << Html::esc(e.severity)
			  << "\" text-anchor=\"middle\">✕<title>" << Html::esc(severity_name(e.severity, h ? h->zh() : false)) << " · " << Html::esc(e.label) << "</title></text>";
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

} // namespace lcs::report::html

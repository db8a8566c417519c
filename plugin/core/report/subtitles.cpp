#include "core/report/subtitles.hpp"

#include <algorithm>
#include <cstdio>
#include <sstream>
#include <string_view>

#include "core/metrics/log_reader.hpp"
#include "core/report/compliance_report.hpp"
#include "core/util/money.hpp"

#include <unordered_map>

namespace lcs::report {
namespace {

int64_t offset(const SessionReport &r)
{
	return r.recording_start_ms.value_or(0);
}

struct Caption {
	int64_t start = 0;
	int64_t end = 0;
	std::string text;
};

std::string vtt_escape(std::string s)
{
	std::string out;
	for (const char c : s) {
		if (c == '<')
			out += "&lt;";
		else if (c == '>')
			out += "&gt;";
		else if (c == '&')
			out += "&amp;";
		else if (c == '\n')
			out += ' ';
		else
			out.push_back(c);
	}
	return out;
}

/// One CSV field (RFC 4180). Text that a spreadsheet would run as a formula — a leading '=', '+',
/// '-', '@', tab or carriage return (OWASP's list) — gets a leading apostrophe so it stays text;
/// numbers are written as they are (is_text false) so they stay numbers.
std::string csv_field(const std::string &s, bool is_text = true)
{
	const bool formula = is_text && !s.empty() && std::string_view("=+-@\t\r").find(s.front()) != std::string_view::npos;
	if (!formula && s.find_first_of(",\"\n\r") == std::string::npos)
		return s;
	std::string out = formula ? "\"'" : "\"";
	for (const char c : s) {
		if (c == '"')
			out += "\"\"";
		else
			out.push_back(c);
	}
	return out + "\"";
}

/// part / whole with four decimals, empty when the whole is 0.
std::string share(int64_t part, int64_t whole)
{
	if (whole <= 0)
		return {};
	char buf[32];
	std::snprintf(buf, sizeof buf, "%.4f", static_cast<double>(part) / static_cast<double>(whole));
	return buf;
}

std::string json_scalar(const nlohmann::ordered_json &v)
{
	if (v.is_null())
		return "";
	if (v.is_string())
		return v.get<std::string>();
	return v.dump();
}

} // namespace

std::string to_webvtt(const SessionReport &r)
{
	std::vector<Caption> captions;
	const int64_t base = offset(r);
	for (const auto &e : r.timeline) {
		if (e.t < base)
			continue;
		if (e.kind == "cue")
			captions.push_back({e.t - base, e.t - base + 4000, "💬 " + e.label});
		else if (e.kind == "flag")
			captions.push_back({e.t - base, e.t - base + 4000, "⚠ " + e.label});
		else if (e.kind == "dead_air")
			captions.push_back({e.t - base, e.t - base + e.duration_ms, "… dead air " + std::to_string(e.duration_ms / 1000) + " s"});
		else if (e.kind == "segment" || e.kind == "pin" || e.kind == "promo_start" || e.kind == "incident")
			captions.push_back({e.t - base, e.t - base + 3000, "▶ " + e.label});
	}
	for (const auto &q : r.questions) {
		if (q.t < base)
			continue;
		std::string text = "❓ " + q.text;
		if (q.answered_t)
			text += " (answered after " + std::to_string((*q.answered_t - q.t) / 1000) + " s)";
		captions.push_back({q.t - base, q.t - base + 3000, text});
	}
	for (const auto &o : r.orders) {
		if (o.t < base)
			continue;
		captions.push_back({o.t - base, o.t - base + 2000,
				    "🛒 " + o.sku + " ×" + std::to_string(o.qty) + " " + util::format_yuan(o.amount_cents)});
	}
	std::stable_sort(captions.begin(), captions.end(), [](const auto &a, const auto &b) { return a.start < b.start; });
	std::ostringstream out;
	out << "WEBVTT\n\n";
	int n = 1;
	for (const auto &c : captions)
		out << n++ << '\n' << clock_text(c.start, true) << " --> " << clock_text(std::max(c.end, c.start + 500), true) << '\n'
		    << vtt_escape(c.text) << "\n\n";
	return out.str();
}

std::string to_ffmetadata_chapters(const SessionReport &r)
{
	std::ostringstream out;
	out << ";FFMETADATA1\n";
	const int64_t base = offset(r);
	std::vector<std::pair<int64_t, std::string>> starts;
	int64_t end = r.timeline.empty() ? 0 : r.timeline.back().t;
	for (const auto &e : r.timeline)
		if (e.kind == "segment" && e.t >= base)
			starts.emplace_back(e.t - base, e.label);
		else if (e.kind == "recording_stop" || e.kind == "session_end")
			end = std::min(end, e.t);
	for (size_t i = 0; i < starts.size(); ++i) {
		const int64_t stop = i + 1 < starts.size() ? starts[i + 1].first : std::max(end - base, starts[i].first + 1);
		std::string title = starts[i].second;
		std::replace(title.begin(), title.end(), '\n', ' ');
		out << "\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=" << starts[i].first << "\nEND=" << stop << "\ntitle=" << title << '\n';
	}
	return out.str();
}

std::string to_csv(const SessionReport &r, const std::string &table)
{
	std::ostringstream out;
	if (table == "metrics") {
		out << "metric,value\n";
		const nlohmann::ordered_json metrics = r.metrics.to_json();
		for (const auto &[k, v] : metrics.items())
			out << k << ',' << json_scalar(v) << '\n';
	} else if (table == "segments" || table == "products") {
		const nlohmann::ordered_json all = r.to_json();
		const nlohmann::ordered_json &rows = all.at(table);
		bool first = true;
		for (const auto &row : rows) {
			if (first) {
				std::string head;
				for (const auto &[k, v] : row.items())
					head += (head.empty() ? "" : ",") + k;
				out << head << '\n';
				first = false;
			}
			std::string line;
			bool first_field = true;
			for (const auto &[k, v] : row.items()) {
				line += (first_field ? "" : ",") + csv_field(json_scalar(v), v.is_string());
				first_field = false;
			}
			out << line << '\n';
		}
	} else if (table == "traffic") {
		// Per viewer source: viewers (first join), buyers, GMV and each one's share of the viewers.
		out << "source,uv,uv_share,buyers,gmv_cents,gmv_share\n";
		for (const auto &row : r.metrics.traffic)
			out << csv_field(row.source) << ',' << row.uv << ',' << share(row.uv, r.metrics.uv) << ',' << row.buyers << ','
			    << row.gmv_cents << ',' << share(row.gmv_cents, r.metrics.gmv_cents) << '\n';
	} else if (table == "minutes") {
		// The curves: one row a minute, viewers and impressions by source, questions answered and waiting.
		out << "minute,viewers,orders,comments,gmv_cumulative_cents,impressions,questions_asked,questions_answered,questions_waiting";
		for (const auto &source : r.sources)
			out << ',' << csv_field("viewers_" + source);
		for (const auto &source : r.sources)
			out << ',' << csv_field("impressions_" + source);
		out << '\n';
		auto at = [](const std::vector<int64_t> &v, size_t i) { return i < v.size() ? v[i] : 0; };
		for (const auto &m : r.minutes) {
			out << m.minute << ',' << m.viewers << ',' << m.orders << ',' << m.comments << ',' << m.gmv_cumulative_cents << ','
			    << m.impressions << ',' << m.questions_asked << ',' << m.questions_answered << ',' << m.questions_waiting;
			for (size_t i = 0; i < r.sources.size(); ++i)
				out << ',' << at(m.viewers_by_source, i);
			for (size_t i = 0; i < r.sources.size(); ++i)
				out << ',' << at(m.impressions_by_source, i);
			out << '\n';
		}
	} else if (table == "ad_spend") {
		out << "t,video_time,amount_cents,impressions,campaign\n";
		for (const auto &a : r.ad_spend)
			out << a.t << ',' << r.video_time(a.t).value_or("") << ',' << a.amount_cents << ',' << a.impressions << ','
			    << csv_field(a.campaign) << '\n';
	} else if (table == "compliance") {
		// Every flag, severity and category as the report reads them (compliance_report.hpp).
		out << "t,video_time,where,severity,severity_logged,category,rule,term,confidence,text,legal_ref,suggestion,cue_id\n";
		for (const auto &f : r.flags)
			out << f.t << ',' << r.video_time(f.t).value_or("") << ',' << csv_field(f.where) << ',' << flag_severity(f) << ','
			    << (f.severity.empty() ? "false" : "true") << ',' << csv_field(flag_category(f)) << ',' << csv_field(f.rule) << ','
			    << csv_field(f.term) << ',' << csv_field(f.confidence.empty() ? "exact" : f.confidence) << ',' << csv_field(f.text) << ','
			    << csv_field(f.legal_ref) << ',' << csv_field(f.suggestion) << ',' << csv_field(f.cue_id) << '\n';
	} else if (table == "orders") {
		out << "t,video_time,order_id,viewer,sku,qty,unit_price_cents,discount_cents,amount_cents,promo_id,coupon_id\n";
		for (const auto &o : r.orders)
			out << o.t << ',' << r.video_time(o.t).value_or("") << ',' << csv_field(o.order_id) << ',' << csv_field(o.viewer)
			    << ',' << csv_field(o.sku) << ',' << o.qty << ',' << o.unit_price_cents << ',' << o.discount_cents << ','
			    << o.amount_cents << ',' << csv_field(o.promo_id) << ',' << csv_field(o.coupon_id) << '\n';
	} else if (table == "comments") {
		// Every comment: streamed from the log again rather than kept in memory.
		std::unordered_map<std::string, int64_t> answered;
		for (const auto &q : r.questions)
			if (q.answered_t)
				answered[q.comment_id] = *q.answered_t - q.t;
		out << "t,video_time,comment_id,viewer,kind,text,answered_after_ms\n";
		metrics::read_session_log(r.log_path, {}, [&](const nlohmann::json &c) {
			if (c.value("type", "") != "comment")
				return;
			const int64_t t = c.value("t", int64_t{0});
			const std::string id = c.value("comment_id", "");
			const auto a = answered.find(id);
			out << t << ',' << r.video_time(t).value_or("") << ',' << csv_field(id) << ',' << csv_field(c.value("viewer", ""))
			    << ',' << csv_field(c.value("kind", "")) << ',' << csv_field(c.value("text", "")) << ','
			    << (a != answered.end() ? std::to_string(a->second) : std::string()) << '\n';
		});
	} else {
		return {};
	}
	return out.str();
}

} // namespace lcs::report

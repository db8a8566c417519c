#include "core/report/session_report.hpp"
#include "core/metrics/checked_int.hpp"
#include "core/metrics/event_fields.hpp"
#include "core/report/compliance_report.hpp"

#include <algorithm>
#include <cstdio>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "core/metrics/log_reader.hpp"

namespace lcs::report {

std::string clock_text(int64_t ms, bool millis)
{
	if (ms < 0)
		ms = 0;
	char buf[40];
	if (millis)
		std::snprintf(buf, sizeof buf, "%02lld:%02lld:%02lld.%03lld", static_cast<long long>(ms / 3600000),
			      static_cast<long long>(ms / 60000 % 60), static_cast<long long>(ms / 1000 % 60),
			      static_cast<long long>(ms % 1000));
	else
		std::snprintf(buf, sizeof buf, "%02lld:%02lld:%02lld", static_cast<long long>(ms / 3600000),
			      static_cast<long long>(ms / 60000 % 60), static_cast<long long>(ms / 1000 % 60));
	return buf;
}

std::optional<std::string> SessionReport::video_time(int64_t t) const
{
	if (!recording_start_ms || t < *recording_start_ms)
		return std::nullopt;
	return clock_text(t - *recording_start_ms);
}

using metrics::field_int;
using metrics::field_string;

SessionReport build_report(const std::string &utf8_path)
{
	SessionReport r;
	r.log_path = utf8_path;
	metrics::MetricsAccumulator acc;
	std::map<std::string, size_t> segment_index;
	std::map<std::string, size_t> product_index;
	std::map<std::string, std::string> cue_text;
	std::unordered_map<std::string, int64_t> present;
	std::multiset<std::string> pinned;
	std::map<std::string, std::unordered_set<std::string>> exposed, clickers, buyers;
	std::unordered_map<std::string, size_t> question_row; // comment id → index in questions
	std::unordered_map<std::string, size_t> question_segment; // comment id → segment it was asked in
	std::optional<size_t> current_segment;
	int64_t segment_since = 0;
	std::optional<std::string> voice;
	int64_t voice_since = 0;
	int64_t last_t = 0;
	bool ended = false;
	int64_t gmv_total = 0;
	std::unordered_map<std::string, size_t> viewer_source; // viewer → index into r.sources (first join)
	std::vector<int64_t> present_by_source;
	int64_t waiting = 0; // questions asked and not yet answered
	std::unordered_set<std::string> any_clicker;
	auto source_index = [&](const std::string &source) {
		const auto it = std::find(r.sources.begin(), r.sources.end(), source);
		if (it != r.sources.end())
			return static_cast<size_t>(it - r.sources.begin());
		r.sources.push_back(source);
		present_by_source.push_back(0);
		return r.sources.size() - 1;
	};
	// The reader passes no event past metrics::kMaxSessionMs, so there are at most 48 × 60 + 1 rows.
	auto minute_at = [&](int64_t t) -> MinuteRow & {
		const int64_t m = t / 60000;
		while (static_cast<int64_t>(r.minutes.size()) <= m) {
			MinuteRow row;
			row.minute = static_cast<int64_t>(r.minutes.size());
			row.viewers = static_cast<int64_t>(present.size());
			row.gmv_cumulative_cents = gmv_total;
			row.viewers_by_source = present_by_source;
			row.questions_waiting = waiting;
			r.minutes.push_back(row);
		}
		return r.minutes[static_cast<size_t>(m)];
	};

	auto product_row = [&](const std::string &sku) -> ProductRow & {
		auto it = product_index.find(sku);
		if (it == product_index.end()) {
			it = product_index.emplace(sku, r.products.size()).first;
			ProductRow row;
			row.sku = sku;
			row.name = sku;
			r.products.push_back(std::move(row));
		}
		return r.products[it->second];
	};
	auto close_segment = [&](int64_t t) {
		if (current_segment) {
			auto &row = r.segments[*current_segment];
			row.actual_ms += t - segment_since;
			row.viewers_at_end = static_cast<int64_t>(present.size());
		}
	};
	auto expose = [&](const std::string &viewer) {
		for (const auto &sku : pinned)
			exposed[sku].insert(viewer);
	};

	const auto read = metrics::read_session_events(
		utf8_path,
		[&](const nlohmann::json &h) {
			r.header = h;
			if (h.contains("segments") && h["segments"].is_array())
				for (const auto &s : h["segments"]) {
					segment_index[field_string(s, "segment_id")] = r.segments.size();
					SegmentRow row;
					row.segment_id = field_string(s, "segment_id");
					row.name = field_string(s, "name");
					row.kind = field_string(s, "kind");
					row.planned_ms = field_int(s, "planned_ms");
					r.segments.push_back(std::move(row));
					if (s.contains("cues") && s["cues"].is_array())
						for (const auto &c : s["cues"])
							cue_text[field_string(c, "cue_id")] = field_string(c, "text");
				}
			if (const auto checks = h.find("compliance_checks"); checks != h.end() && checks->is_array()) {
				r.compliance_checks.emplace();
				for (const auto &c : *checks)
					if (c.is_string())
						r.compliance_checks->push_back(c.get<std::string>());
			}
			if (h.contains("products") && h["products"].is_array())
				for (const auto &p : h["products"])
					product_row(field_string(p, "sku")).name = field_string(p, "name");
		},
		[&](const metrics::LogEvent &e) {
			if (ended)
				return;
			// An order the metrics refuse (it would overflow their sums) is a bad line here too; the
			// per-product, per-segment and per-minute sums below are parts of those sums.
			if (std::string rejected; !acc.add(e, &rejected))
				throw metrics::BadLine(rejected);
			const int64_t t = field_int(e, "t");
			last_t = t;
			const std::string type = field_string(e, "type");
			MinuteRow &minute = minute_at(t);
			if (type == "viewer_join") {
				const std::string viewer = field_string(e, "viewer");
				std::string source = field_string(e, "source");
				r.sources_logged = r.sources_logged || !source.empty();
				if (source.empty())
					source = "other";
				// A viewer counts for the source of their first join (as in the traffic table).
				auto first = viewer_source.find(viewer);
				if (first == viewer_source.end())
					first = viewer_source.emplace(viewer, source_index(source)).first;
				if (present.emplace(viewer, t).second)
					++present_by_source[first->second];
				expose(viewer);
				minute.viewers = static_cast<int64_t>(present.size());
				minute.viewers_by_source = present_by_source;
			} else if (type == "viewer_leave") {
				const std::string viewer = field_string(e, "viewer");
				if (present.erase(viewer) > 0)
					--present_by_source[viewer_source.at(viewer)];
				minute.viewers = static_cast<int64_t>(present.size());
				minute.viewers_by_source = present_by_source;
			} else if (type == "impressions") {
				r.impressions_logged = true;
				const int64_t count = std::max<int64_t>(0, field_int(e, "count"));
				minute.impressions = metrics::checked_add(minute.impressions, count).value_or(minute.impressions);
				if (const std::string source = field_string(e, "source"); !source.empty()) {
					const size_t index = source_index(source);
					minute.impressions_by_source.resize(r.sources.size(), 0);
					minute.impressions_by_source[index] =
						metrics::checked_add(minute.impressions_by_source[index], count).value_or(minute.impressions_by_source[index]);
				}
			} else if (type == "ad_spend") {
				r.impressions_logged = true;
				r.ad_spend.push_back({t, std::max<int64_t>(0, field_int(e, "amount_cents")), std::max<int64_t>(0, field_int(e, "impressions")),
						      field_string(e, "campaign")});
			} else if (type == "segment_start") {
				close_segment(t);
				const std::string id = field_string(e, "segment_id");
				auto it = segment_index.find(id);
				if (it == segment_index.end()) {
					it = segment_index.emplace(id, r.segments.size()).first;
					SegmentRow row;
					row.segment_id = id;
					row.name = id;
					row.planned_ms = field_int(e, "planned_ms");
					r.segments.push_back(std::move(row));
				}
				current_segment = it->second;
				segment_since = t;
				auto &row = r.segments[it->second];
				if (!row.first_start_ms) {
					row.first_start_ms = t;
					row.viewers_at_start = static_cast<int64_t>(present.size());
				}
				r.timeline.push_back({t, "segment", row.name});
			} else if (type == "cue_shown") {
				const auto text = cue_text.find(field_string(e, "cue_id"));
				r.timeline.push_back({t, "cue", text != cue_text.end() ? text->second : field_string(e, "cue_id")});
			} else if (type == "product_pin") {
				const std::string sku = field_string(e, "sku");
				pinned.insert(sku);
				for (const auto &[viewer, since] : present)
					exposed[sku].insert(viewer);
				r.timeline.push_back({t, "pin", product_row(sku).name});
			} else if (type == "product_unpin") {
				const auto it = pinned.find(field_string(e, "sku"));
				if (it != pinned.end())
					pinned.erase(it);
				r.timeline.push_back({t, "unpin", product_row(field_string(e, "sku")).name});
			} else if (type == "product_click") {
				clickers[field_string(e, "sku")].insert(field_string(e, "viewer"));
				any_clicker.insert(field_string(e, "viewer"));
			} else if (type == "order") {
				const std::string sku = field_string(e, "sku");
				auto &p = product_row(sku);
				++p.orders;
				p.units += field_int(e, "qty");
				p.gmv_cents += field_int(e, "amount_cents");
				gmv_total += field_int(e, "amount_cents");
				++minute.orders;
				minute.gmv_cumulative_cents = gmv_total;
				buyers[sku].insert(field_string(e, "viewer"));
				if (current_segment) {
					++r.segments[*current_segment].orders;
					r.segments[*current_segment].gmv_cents += field_int(e, "amount_cents");
				}
				OrderRow o;
				o.t = t;
				o.order_id = field_string(e, "order_id");
				o.viewer = field_string(e, "viewer");
				o.sku = sku;
				o.promo_id = field_string(e, "promo_id");
				o.coupon_id = field_string(e, "coupon_id");
				o.qty = field_int(e, "qty");
				o.unit_price_cents = field_int(e, "unit_price_cents");
				o.discount_cents = field_int(e, "discount_cents");
				o.amount_cents = field_int(e, "amount_cents");
				r.orders.push_back(std::move(o));
			} else if (type == "comment") {
				++minute.comments;
				if (field_string(e, "kind") == "question") {
					question_row[field_string(e, "comment_id")] = r.questions.size();
					if (current_segment) {
						++r.segments[*current_segment].questions;
						question_segment[field_string(e, "comment_id")] = *current_segment;
					}
					r.questions.push_back({t, field_string(e, "comment_id"), field_string(e, "viewer"), field_string(e, "text"), std::nullopt});
					++minute.questions_asked;
					minute.questions_waiting = ++waiting;
				}
			} else if (type == "comment_answered") {
				const auto it = question_row.find(field_string(e, "comment_id"));
				if (it != question_row.end() && !r.questions[it->second].answered_t) {
					r.questions[it->second].answered_t = t;
					++minute.questions_answered;
					minute.questions_waiting = --waiting;
					// Counted in the segment the question was asked in.
					if (const auto seg = question_segment.find(field_string(e, "comment_id")); seg != question_segment.end())
						++r.segments[seg->second].answered;
				}
			} else if (type == "promo_start" || type == "promo_end" || type == "promo_tier") {
				std::string label = field_string(e, "promo_id");
				if (type == "promo_tier")
					label += " tier " + std::to_string(field_int(e, "tier")) + " " + std::to_string(field_int(e, "price_cents"));
				if (type == "promo_end")
					label += " (" + field_string(e, "reason") + ")";
				r.timeline.push_back({t, type, label});
			} else if (type == "incident") {
				r.timeline.push_back({t, "incident", field_string(e, "kind") + " " + field_string(e, "incident_id")});
			} else if (type == "compliance_flag") {
				FlagRow f;
				f.t = t;
				f.rule = field_string(e, "rule");
				f.term = field_string(e, "term");
				f.where = field_string(e, "where");
				f.text = field_string(e, "text");
				f.category = field_string(e, "category");
				f.severity = field_string(e, "severity");
				f.confidence = field_string(e, "confidence");
				f.legal_ref = field_string(e, "legal_ref");
				f.suggestion = field_string(e, "suggestion");
				f.cue_id = field_string(e, "cue_id");
				// A cue's flag without its text: the cue's text from the header.
				if (f.text.empty() && !f.cue_id.empty())
					if (const auto cue = cue_text.find(f.cue_id); cue != cue_text.end())
						f.text = cue->second;
				TimelineEntry entry{t, "flag", f.rule + ": " + f.term};
				entry.severity = flag_severity(f);
				r.timeline.push_back(std::move(entry));
				r.flags.push_back(std::move(f));
			} else if (type == "voice") {
				const std::string state = field_string(e, "state");
				r.voice_logged = true;
				if (voice && *voice == "silence" && state != "silence" && t - voice_since >= metrics::MetricsAccumulator::kDeadAirMs)
					r.timeline.push_back({voice_since, "dead_air", "", t - voice_since});
				if (!voice || *voice != state) {
					voice = state;
					voice_since = t;
				}
			} else if (type == "recording_start") {
				if (!r.recording_start_ms) {
					r.recording_start_ms = t;
					r.recording_path = field_string(e, "path");
				}
				r.timeline.push_back({t, "recording_start", field_string(e, "path")});
			} else if (type == "recording_stop") {
				r.timeline.push_back({t, "recording_stop", field_string(e, "path")});
			} else if (type == "session_end") {
				ended = true;
				r.timeline.push_back({t, "session_end", field_string(e, "reason")});
			}
		});
	close_segment(last_t);
	if (voice && *voice == "silence" && last_t - voice_since >= metrics::MetricsAccumulator::kDeadAirMs)
		r.timeline.push_back({voice_since, "dead_air", "", last_t - voice_since});
	std::stable_sort(r.timeline.begin(), r.timeline.end(), [](const auto &a, const auto &b) { return a.t < b.t; });
	for (auto &p : r.products) {
		p.exposed = static_cast<int64_t>(exposed[p.sku].size());
		p.clicks = static_cast<int64_t>(clickers[p.sku].size());
		p.buyers = static_cast<int64_t>(buyers[p.sku].size());
		if (p.exposed > 0)
			p.conversion_rate = static_cast<double>(p.buyers) / static_cast<double>(p.exposed);
	}
	r.clickers = static_cast<int64_t>(any_clicker.size());
	r.metrics = acc.finish();
	r.truncated = read.truncated_last_line;
	r.problems = read.problems;
	return r;
}

nlohmann::ordered_json SessionReport::to_json() const
{
	nlohmann::ordered_json j;
	j["metrics"] = metrics.to_json();
	j["traffic"] = metrics.traffic_json();
	auto segs = nlohmann::ordered_json::array();
	for (const auto &s : segments)
		segs.push_back({{"segment_id", s.segment_id}, {"name", s.name}, {"kind", s.kind}, {"planned_ms", s.planned_ms},
				{"actual_ms", s.actual_ms}, {"viewers_at_start", s.viewers_at_start}, {"viewers_at_end", s.viewers_at_end},
				{"orders", s.orders}, {"gmv_cents", s.gmv_cents}, {"questions", s.questions}, {"answered", s.answered}});
	j["segments"] = segs;
	auto prods = nlohmann::ordered_json::array();
	for (const auto &p : products)
		prods.push_back({{"sku", p.sku}, {"name", p.name}, {"exposed", p.exposed}, {"clicks", p.clicks}, {"orders", p.orders},
				 {"units", p.units}, {"buyers", p.buyers}, {"gmv_cents", p.gmv_cents},
				 {"conversion_rate", p.conversion_rate ? nlohmann::ordered_json(*p.conversion_rate) : nlohmann::ordered_json(nullptr)}});
	j["products"] = prods;
	auto tl = nlohmann::ordered_json::array();
	for (const auto &e : timeline) {
		nlohmann::ordered_json entry = {{"t", e.t}, {"kind", e.kind}, {"label", e.label}};
		if (e.duration_ms)
			entry["duration_ms"] = e.duration_ms;
		if (const auto v = video_time(e.t))
			entry["video_time"] = *v;
		if (!e.severity.empty())
			entry["severity"] = e.severity;
		tl.push_back(entry);
	}
	j["timeline"] = tl;
	auto ads = nlohmann::ordered_json::array();
	for (const auto &a : ad_spend) {
		nlohmann::ordered_json entry = {{"t", a.t}, {"amount_cents", a.amount_cents}, {"impressions", a.impressions}};
		if (!a.campaign.empty())
			entry["campaign"] = a.campaign;
		ads.push_back(entry);
	}
	j["ad_spend"] = ads;
	j["compliance"] = compliance_json(*this);
	// A log without a header (empty, or refused) has a null header: its session fields are empty.
	static const nlohmann::json kNoHeader = nlohmann::json::object();
	const nlohmann::json &h = header.is_object() ? header : kNoHeader;
	j["session"] = {{"session_id", h.value("session_id", "")},
			{"trainee", h.value("trainee", "")},
			{"started_at", h.value("started_at", "")},
			{"scenario", h.value("scenario", nlohmann::json::object())},
			{"seed", h.value("seed", uint64_t{0})},
			{"truncated", truncated}};
	return j;
}

} // namespace lcs::report

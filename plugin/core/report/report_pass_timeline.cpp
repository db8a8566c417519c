// build_report's pass (report_pass.hpp): the events of the timeline, traffic and voice, the end of
// the pass, and build_report itself.
#include "core/report/report_pass.hpp"

#include <algorithm>

#include "core/metrics/checked_int.hpp"
#include "core/metrics/event_fields.hpp"
#include "core/metrics/log_reader.hpp"
#include "core/report/compliance_report.hpp"

namespace lcs::report {

using metrics::field_int;
using metrics::field_string;
using metrics::field_view;

void ReportPass::other_event(std::string_view type, const LogEvent &e, int64_t t, MinuteRow &minute)
{
	if (type == "impressions") {
		r_.impressions_logged = true;
		const int64_t count = std::max<int64_t>(0, field_int(e, "count"));
		minute.impressions = metrics::checked_add(minute.impressions, count).value_or(minute.impressions);
		if (const std::string_view source = field_view(e, "source"); !source.empty()) {
			const size_t index = source_index(source);
			minute.impressions_by_source.resize(r_.sources.size(), 0);
			minute.impressions_by_source[index] =
				metrics::checked_add(minute.impressions_by_source[index], count).value_or(minute.impressions_by_source[index]);
		}
	} else if (type == "ad_spend") {
		r_.impressions_logged = true;
		r_.ad_spend.push_back({t, std::max<int64_t>(0, field_int(e, "amount_cents")), std::max<int64_t>(0, field_int(e, "impressions")),
				       field_string(e, "campaign")});
	} else if (type == "segment_start") {
		close_segment(t);
		const std::string_view id = field_view(e, "segment_id");
		auto it = segment_index_.find(id);
		if (it == segment_index_.end()) {
			it = segment_index_.emplace(std::string(id), r_.segments.size()).first;
			SegmentRow row;
			row.segment_id = std::string(id);
			row.name = std::string(id);
			row.planned_ms = field_int(e, "planned_ms");
			r_.segments.push_back(std::move(row));
		}
		current_segment_ = it->second;
		segment_since_ = t;
		auto &row = r_.segments[it->second];
		if (!row.first_start_ms) {
			row.first_start_ms = t;
			row.viewers_at_start = static_cast<int64_t>(present_.size());
		}
		r_.timeline.push_back({t, "segment", row.name});
	} else if (type == "cue_shown") {
		const std::string_view cue = field_view(e, "cue_id");
		const auto text = cue_text_.find(cue);
		r_.timeline.push_back({t, "cue", text != cue_text_.end() ? text->second : std::string(cue)});
	} else if (type == "promo_start" || type == "promo_end" || type == "promo_tier") {
		std::string label = field_string(e, "promo_id");
		if (type == "promo_tier")
			label += " tier " + std::to_string(field_int(e, "tier")) + " " + std::to_string(field_int(e, "price_cents"));
		if (type == "promo_end")
			label += " (" + field_string(e, "reason") + ")";
		r_.timeline.push_back({t, std::string(type), label});
	} else if (type == "incident") {
		r_.timeline.push_back({t, "incident", field_string(e, "kind") + " " + field_string(e, "incident_id")});
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
			if (const auto cue = cue_text_.find(f.cue_id); cue != cue_text_.end())
				f.text = cue->second;
		TimelineEntry entry{t, "flag", f.rule + ": " + f.term};
		entry.severity = flag_severity(f);
		r_.timeline.push_back(std::move(entry));
		r_.flags.push_back(std::move(f));
	} else if (type == "voice") {
		const std::string_view state = field_view(e, "state");
		r_.voice_logged = true;
		if (voice_ && *voice_ == "silence" && state != "silence" && t - voice_since_ >= metrics::MetricsAccumulator::kDeadAirMs)
			r_.timeline.push_back({voice_since_, "dead_air", "", t - voice_since_});
		if (!voice_ || *voice_ != state) {
			voice_ = std::string(state);
			voice_since_ = t;
		}
	} else if (type == "recording_start") {
		if (!r_.recording_start_ms) {
			r_.recording_start_ms = t;
			r_.recording_path = field_string(e, "path");
		}
		r_.timeline.push_back({t, "recording_start", field_string(e, "path")});
	} else if (type == "recording_stop") {
		r_.timeline.push_back({t, "recording_stop", field_string(e, "path")});
	} else if (type == "session_end") {
		ended_ = true;
		r_.timeline.push_back({t, "session_end", field_string(e, "reason")});
	}
}

void ReportPass::finish()
{
	close_segment(last_t_);
	if (voice_ && *voice_ == "silence" && last_t_ - voice_since_ >= metrics::MetricsAccumulator::kDeadAirMs)
		r_.timeline.push_back({voice_since_, "dead_air", "", last_t_ - voice_since_});
	std::stable_sort(r_.timeline.begin(), r_.timeline.end(), [](const auto &a, const auto &b) { return a.t < b.t; });
	for (auto &p : r_.products) {
		const uint32_t s = sku_ids_.find(p.sku); // every product's SKU has an id (product_row)
		p.exposed = exposed_[s];
		p.clicks = clicks_[s];
		p.buyers = buyers_[s];
		if (p.exposed > 0)
			p.conversion_rate = static_cast<double>(p.buyers) / static_cast<double>(p.exposed);
	}
	r_.clickers = clickers_;
	r_.metrics = acc_.finish();
}

SessionReport build_report(const std::string &utf8_path)
{
	SessionReport r;
	r.log_path = utf8_path;
	ReportPass pass(r);
	const auto read = metrics::read_session_events(
		utf8_path, [&](const nlohmann::json &h) { pass.header(h); }, [&](const metrics::LogEvent &e) { pass.event(e); });
	pass.finish();
	r.truncated = read.truncated_last_line;
	r.problems = read.problems;
	return r;
}

} // namespace lcs::report

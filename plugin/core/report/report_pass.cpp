// build_report's pass (report_pass.hpp): viewers, products and questions.
#include "core/report/report_pass.hpp"

#include <algorithm>

#include "core/metrics/event_fields.hpp"
#include "core/metrics/log_reader.hpp"

namespace lcs::report {

using metrics::field_int;
using metrics::field_string;
using metrics::field_view;

uint32_t ReportPass::viewer(std::string_view text)
{
	const uint32_t id = viewer_ids_.intern(text);
	if (id >= present_at_.size()) {
		present_at_.push_back(kNone);
		viewer_source_.push_back(kNone);
		clicked_any_.push_back(false);
	}
	return id;
}

uint32_t ReportPass::sku(std::string_view text)
{
	const uint32_t id = sku_ids_.intern(text);
	if (id >= product_of_.size()) {
		product_of_.push_back(kNone);
		pins_.push_back(0);
		exposed_.push_back(0);
		clicks_.push_back(0);
		buyers_.push_back(0);
	}
	return id;
}

size_t ReportPass::source_index(std::string_view source)
{
	const auto it = std::find(r_.sources.begin(), r_.sources.end(), source);
	if (it != r_.sources.end())
		return static_cast<size_t>(it - r_.sources.begin());
	r_.sources.emplace_back(source);
	present_by_source_.push_back(0);
	return r_.sources.size() - 1;
}

// The reader passes no event past metrics::kMaxSessionMs, so there are at most 48 × 60 + 1 rows.
MinuteRow &ReportPass::minute_at(int64_t t)
{
	const int64_t m = t / 60000;
	while (static_cast<int64_t>(r_.minutes.size()) <= m) {
		MinuteRow row;
		row.minute = static_cast<int64_t>(r_.minutes.size());
		row.viewers = static_cast<int64_t>(present_.size());
		row.gmv_cumulative_cents = gmv_total_;
		row.viewers_by_source = present_by_source_;
		row.questions_waiting = waiting_;
		r_.minutes.push_back(std::move(row));
	}
	return r_.minutes[static_cast<size_t>(m)];
}

ProductRow &ReportPass::product_row(std::string_view sku_text)
{
	const uint32_t id = sku(sku_text);
	if (product_of_[id] == kNone) {
		product_of_[id] = static_cast<uint32_t>(r_.products.size());
		ProductRow row;
		row.sku = std::string(sku_text);
		row.name = row.sku;
		r_.products.push_back(std::move(row));
	}
	return r_.products[product_of_[id]];
}

void ReportPass::close_segment(int64_t t)
{
	if (current_segment_) {
		auto &row = r_.segments[*current_segment_];
		row.actual_ms += t - segment_since_;
		row.viewers_at_end = static_cast<int64_t>(present_.size());
	}
}

void ReportPass::expose(uint32_t viewer_id)
{
	for (const uint32_t s : pinned_)
		exposed_[s] += exposed_pairs_.insert(s, viewer_id) ? 1 : 0;
}

void ReportPass::header(const nlohmann::json &h)
{
	r_.header = h;
	if (h.contains("segments") && h["segments"].is_array())
		for (const auto &s : h["segments"]) {
			segment_index_[field_string(s, "segment_id")] = r_.segments.size();
			SegmentRow row;
			row.segment_id = field_string(s, "segment_id");
			row.name = field_string(s, "name");
			row.kind = field_string(s, "kind");
			row.planned_ms = field_int(s, "planned_ms");
			r_.segments.push_back(std::move(row));
			if (s.contains("cues") && s["cues"].is_array())
				for (const auto &c : s["cues"])
					cue_text_[field_string(c, "cue_id")] = field_string(c, "text");
		}
	if (const auto checks = h.find("compliance_checks"); checks != h.end() && checks->is_array()) {
		r_.compliance_checks.emplace();
		for (const auto &c : *checks)
			if (c.is_string())
				r_.compliance_checks->push_back(c.get<std::string>());
	}
	if (h.contains("products") && h["products"].is_array())
		for (const auto &p : h["products"])
			product_row(field_string(p, "sku")).name = field_string(p, "name");
}

void ReportPass::event(const LogEvent &e)
{
	if (ended_)
		return;
	// An order the metrics refuse (it would overflow their sums) is a bad line here too; the
	// per-product, per-segment and per-minute sums below are parts of those sums.
	if (std::string rejected; !acc_.add(e, &rejected))
		throw metrics::BadLine(rejected);
	const int64_t t = field_int(e, "t");
	last_t_ = t;
	const std::string_view type = field_view(e, "type");
	MinuteRow &minute = minute_at(t);
	if (type == "viewer_join" || type == "viewer_leave")
		viewer_event(type, e, t, minute);
	else if (type == "product_pin" || type == "product_unpin" || type == "product_click" || type == "order")
		product_event(type, e, t, minute);
	else if (type == "comment" || type == "comment_answered")
		comment_event(type, e, t, minute);
	else
		other_event(type, e, t, minute);
}

void ReportPass::viewer_event(std::string_view type, const LogEvent &e, int64_t /*t*/, MinuteRow &minute)
{
	if (type == "viewer_join") {
		const uint32_t v = viewer(field_view(e, "viewer"));
		std::string_view source = field_view(e, "source");
		r_.sources_logged = r_.sources_logged || !source.empty();
		if (source.empty())
			source = "other";
		// A viewer counts for the source of their first join (as in the traffic table).
		if (viewer_source_[v] == kNone)
			viewer_source_[v] = static_cast<uint32_t>(source_index(source));
		if (present_at_[v] == kNone) {
			present_at_[v] = static_cast<uint32_t>(present_.size());
			present_.push_back(v);
			++present_by_source_[viewer_source_[v]];
		}
		expose(v);
	} else {
		const uint32_t v = viewer_ids_.find(field_view(e, "viewer"));
		if (v != kNone && present_at_[v] != kNone) {
			--present_by_source_[viewer_source_[v]];
			const uint32_t last = present_.back(); // takes the leaver's place
			present_[present_at_[v]] = last;
			present_at_[last] = present_at_[v];
			present_.pop_back();
			present_at_[v] = kNone;
		}
	}
	minute.viewers = static_cast<int64_t>(present_.size());
	minute.viewers_by_source = present_by_source_;
}

void ReportPass::product_event(std::string_view type, const LogEvent &e, int64_t t, MinuteRow &minute)
{
	const std::string_view sku_text = field_view(e, "sku");
	if (type == "product_pin") {
		const uint32_t s = sku(sku_text);
		if (pins_[s]++ == 0)
			pinned_.push_back(s);
		for (const uint32_t v : present_)
			exposed_[s] += exposed_pairs_.insert(s, v) ? 1 : 0;
		r_.timeline.push_back({t, "pin", product_row(sku_text).name});
	} else if (type == "product_unpin") {
		const uint32_t s = sku_ids_.find(sku_text);
		if (s != kNone && pins_[s] > 0 && --pins_[s] == 0)
			pinned_.erase(std::find(pinned_.begin(), pinned_.end(), s));
		r_.timeline.push_back({t, "unpin", product_row(sku_text).name});
	} else if (type == "product_click") {
		const uint32_t s = sku(sku_text);
		const uint32_t v = viewer(field_view(e, "viewer"));
		clicks_[s] += click_pairs_.insert(s, v) ? 1 : 0;
		if (!clicked_any_[v]) {
			clicked_any_[v] = true;
			++clickers_;
		}
	} else { // order
		auto &p = product_row(sku_text);
		const int64_t amount = field_int(e, "amount_cents");
		++p.orders;
		p.units += field_int(e, "qty");
		p.gmv_cents += amount;
		gmv_total_ += amount;
		++minute.orders;
		minute.gmv_cumulative_cents = gmv_total_;
		const uint32_t s = sku(sku_text);
		buyers_[s] += buyer_pairs_.insert(s, viewer(field_view(e, "viewer"))) ? 1 : 0;
		if (current_segment_) {
			++r_.segments[*current_segment_].orders;
			r_.segments[*current_segment_].gmv_cents += amount;
		}
		OrderRow o;
		o.t = t;
		o.order_id = field_string(e, "order_id");
		o.viewer = field_string(e, "viewer");
		o.sku = std::string(sku_text);
		o.promo_id = field_string(e, "promo_id");
		o.coupon_id = field_string(e, "coupon_id");
		o.qty = field_int(e, "qty");
		o.unit_price_cents = field_int(e, "unit_price_cents");
		o.discount_cents = field_int(e, "discount_cents");
		o.amount_cents = amount;
		r_.orders.push_back(std::move(o));
	}
}

void ReportPass::comment_event(std::string_view type, const LogEvent &e, int64_t t, MinuteRow &minute)
{
	const std::string_view comment_id = field_view(e, "comment_id");
	if (type == "comment") {
		++minute.comments;
		if (field_view(e, "kind") != "question")
			return;
		const uint32_t q = question_ids_.intern(comment_id);
		if (q >= question_row_.size()) {
			question_row_.push_back(0);
			question_segment_.push_back(SIZE_MAX);
		}
		question_row_[q] = r_.questions.size(); // a comment id asked again: its latest question
		if (current_segment_) {
			++r_.segments[*current_segment_].questions;
			question_segment_[q] = *current_segment_;
		}
		r_.questions.push_back({t, std::string(comment_id), field_string(e, "viewer"), field_string(e, "text"), std::nullopt});
		++minute.questions_asked;
		minute.questions_waiting = ++waiting_;
	} else { // comment_answered
		const uint32_t q = question_ids_.find(comment_id);
		if (q == kNone || r_.questions[question_row_[q]].answered_t)
			return;
		r_.questions[question_row_[q]].answered_t = t;
		++minute.questions_answered;
		minute.questions_waiting = --waiting_;
		// Counted in the segment the question was asked in.
		if (question_segment_[q] != SIZE_MAX)
			++r_.segments[question_segment_[q]].answered;
	}
}

} // namespace lcs::report

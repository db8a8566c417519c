#include "core/metrics/metrics.hpp"
#include "core/metrics/checked_int.hpp"
#include "core/metrics/event_fields.hpp"

#include <algorithm>

namespace lcs::metrics {
namespace {
std::optional<double> ratio(double numerator, double denominator)
{
	if (denominator == 0)
		return std::nullopt;
	return numerator / denominator;
}

// Characters (code points) of UTF-8 text: bytes that do not continue a sequence.
int64_t utf8_chars(std::string_view text)
{
	int64_t n = 0;
	for (const unsigned char c : text)
		n += (c & 0xC0) != 0x80 ? 1 : 0;
	return n;
}

nlohmann::ordered_json optional_json(const std::optional<double> &v)
{
	return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(nullptr);
}

} // namespace

void MetricsAccumulator::expose_present()
{
	for (const uint32_t id : present_)
		mark(id, kExposed, exposed_);
}

uint32_t MetricsAccumulator::viewer(std::string_view text)
{
	const uint32_t id = viewer_ids_.intern(text);
	if (id >= viewer_bits_.size()) {
		viewer_bits_.push_back(0);
		joined_at_.push_back(0);
		present_at_.push_back(TextIds::kNone);
		viewer_source_.push_back(TextIds::kNone);
	}
	return id;
}

bool MetricsAccumulator::mark(uint32_t id, ViewerBit bit, int64_t &count)
{
	if (viewer_bits_[id] & bit)
		return false;
	viewer_bits_[id] |= bit;
	++count;
	return true;
}

bool MetricsAccumulator::add(const nlohmann::json &e, std::string *rejected) { return add_event(e, rejected); }

bool MetricsAccumulator::add(const LogEvent &e, std::string *rejected) { return add_event(e, rejected); }

template <class Event>
bool MetricsAccumulator::add_event(const Event &e, std::string *rejected)
{
	const int64_t t = field_int(e, "t");
	const std::string_view type = field_view(e, "type");
	if (end_t_) {
		last_t_ = std::max(last_t_, t);
		return true; // nothing counts after session_end
	}
	// An order is checked before anything changes, so a rejected one leaves no trace.
	std::optional<int64_t> units;
	std::optional<int64_t> gmv;
	if (type == "order") {
		const int64_t qty = field_int(e, "qty");
		const int64_t amount = field_int(e, "amount_cents");
		const char *why = nullptr;
		if (qty < 0 || amount < 0)
			why = "order: negative qty or amount_cents; not counted";
		else if (!(units = checked_add(units_, qty)) || !(gmv = checked_add(gmv_, amount)))
			why = "order: the session's units or amount would overflow 64 bits; not counted";
		if (why) {
			if (rejected)
				*rejected = why;
			return false;
		}
	}
	last_t_ = std::max(last_t_, t);

	if (type == "viewer_join") {
		const uint32_t v = viewer(field_view(e, "viewer"));
		++pv_;
		mark(v, kJoined, uv_);
		if (present_at_[v] == TextIds::kNone) {
			present_at_[v] = static_cast<uint32_t>(present_.size());
			present_.push_back(v);
			joined_at_[v] = t;
			present_since_sum_ += t;
			pcu_ = std::max<int64_t>(pcu_, static_cast<int64_t>(present_.size()));
		}
		if (!pinned_.empty())
			mark(v, kExposed, exposed_);
		if (viewer_source_[v] == TextIds::kNone) {
			std::string_view source = field_view(e, "source");
			if (source.empty())
				source = "other";
			const auto row = std::find_if(sources_.begin(), sources_.end(), [&](const auto &r) { return r.source == source; });
			const size_t index = static_cast<size_t>(row - sources_.begin());
			if (row == sources_.end())
				sources_.push_back({std::string(source), 0, 0, 0});
			++sources_[index].uv;
			viewer_source_[v] = static_cast<uint32_t>(index);
		}
	} else if (type == "viewer_leave") {
		const uint32_t v = viewer_ids_.find(field_view(e, "viewer"));
		if (v != TextIds::kNone && present_at_[v] != TextIds::kNone) { // a leave without a join is ignored
			presence_ms_ += t - joined_at_[v];
			present_since_sum_ -= joined_at_[v];
			// Out of present_: the last one takes its place.
			const uint32_t last = present_.back();
			present_[present_at_[v]] = last;
			present_at_[last] = present_at_[v];
			present_.pop_back();
			present_at_[v] = TextIds::kNone;
		}
	} else if (type == "order") {
		++orders_;
		units_ = *units;
		gmv_ = *gmv;
		const uint32_t v = viewer(field_view(e, "viewer"));
		const bool first_order = mark(v, kBuyer, buyers_);
		if (first_order && (viewer_bits_[v] & kClicker))
			++clicking_buyers_;
		if (viewer_source_[v] != TextIds::kNone) {
			auto &row = sources_[viewer_source_[v]];
			row.buyers += first_order ? 1 : 0;
			row.gmv_cents = checked_add(row.gmv_cents, field_int(e, "amount_cents")).value_or(row.gmv_cents);
		}
	} else if (type == "comment") {
		mark(viewer(field_view(e, "viewer")), kCommenter, commenters_);
		if (field_view(e, "kind") == "question") {
			++questions_;
			open_questions_.insert_or_assign(std::string(field_view(e, "comment_id")), t);
		}
	} else if (type == "comment_answered") {
		const auto it = open_questions_.find(field_view(e, "comment_id"));
		if (it != open_questions_.end()) {
			response_ms_.add(t - it->second);
			open_questions_.erase(it);
		}
	} else if (type == "follow") {
		mark(viewer(field_view(e, "viewer")), kFollower, followers_);
	} else if (type == "product_pin") {
		pinned_.emplace(field_view(e, "sku"));
		expose_present();
	} else if (type == "product_unpin") {
		const auto it = pinned_.find(field_view(e, "sku"));
		if (it != pinned_.end())
			pinned_.erase(it);
	} else if (type == "product_click") {
		const uint32_t v = viewer(field_view(e, "viewer"));
		if (mark(v, kClicker, clickers_) && (viewer_bits_[v] & kBuyer))
			++clicking_buyers_;
	} else if (type == "voice") {
		const std::string_view state = field_view(e, "state");
		if (voice_state_ && *voice_state_ != state) {
			const int64_t span = t - voice_since_;
			if (*voice_state_ == "talk")
				talk_ms_ += span;
			else {
				longest_silence_ms_ = std::max(longest_silence_ms_, span);
				if (span >= kDeadAirMs)
					dead_air_ms_ += span;
			}
		}
		if (!voice_state_ || *voice_state_ != state) {
			voice_state_ = std::string(state);
			voice_since_ = t;
		}
	} else if (type == "compliance_flag") {
		++flags_;
		const std::string_view severity = field_view(e, "severity");
		bans_ += severity == "ban" ? 1 : 0;
		cautions_ += severity == "caution" ? 1 : 0;
	} else if (type == "impressions") {
		impressions_ = checked_add(impressions_, std::max<int64_t>(0, field_int(e, "count"))).value_or(impressions_);
	} else if (type == "ad_spend") {
		ad_spend_ = checked_add(ad_spend_, std::max<int64_t>(0, field_int(e, "amount_cents"))).value_or(ad_spend_);
	} else if (type == "speech") {
		// Only what was finally recognised counts: a partial transcript (final: false) is
		// repeated, growing, until its final text arrives.
		if (field_final(e))
			speech_chars_ += utf8_chars(field_view(e, "text"));
	} else if (type == "session_end") {
		end_t_ = t;
	}
	return true;
}

Metrics MetricsAccumulator::finish() const
{
	Metrics m;
	const int64_t end = end_t_.value_or(last_t_);
	m.duration_s = static_cast<double>(end) / 1000.0;
	// Viewers still present count up to the end: Σ(end − since) without walking them.
	const int64_t presence = presence_ms_ + static_cast<int64_t>(present_.size()) * end - present_since_sum_;
	const double presence_s = static_cast<double>(presence) / 1000.0;
	m.pv = pv_;
	m.uv = uv_;
	m.pcu = pcu_;
	m.acu = ratio(presence_s, m.duration_s);
	m.avg_watch_s = ratio(presence_s, static_cast<double>(m.uv));
	m.orders = orders_;
	m.units = units_;
	m.buyers = buyers_;
	m.gmv_cents = gmv_;
	m.gpm_cents = ratio(static_cast<double>(gmv_) * 1000.0, static_cast<double>(m.pv));
	m.uv_value_cents = ratio(static_cast<double>(gmv_), static_cast<double>(m.uv));
	m.aov_cents = ratio(static_cast<double>(gmv_), static_cast<double>(m.buyers));
	m.conversion_rate = ratio(static_cast<double>(m.buyers), static_cast<double>(m.uv));
	m.interaction_rate = ratio(static_cast<double>(commenters_), static_cast<double>(m.uv));
	m.follow_rate = ratio(static_cast<double>(followers_), static_cast<double>(m.uv));
	m.exposed_viewers = exposed_;
	m.click_rate = ratio(static_cast<double>(clickers_), static_cast<double>(m.exposed_viewers));
	m.click_to_order_rate = ratio(static_cast<double>(clicking_buyers_), static_cast<double>(clickers_));
	m.questions = questions_;
	m.answered = static_cast<int64_t>(response_ms_.size());
	m.response_rate = ratio(static_cast<double>(m.answered), static_cast<double>(m.questions));
	if (const auto median = response_ms_.median())
		m.median_response_s = *median / 1000.0;
	// The voice span still open at the end counts up to the end.
	int64_t talk = talk_ms_;
	int64_t dead = dead_air_ms_;
	int64_t longest = longest_silence_ms_;
	if (voice_state_) {
		const int64_t span = end - voice_since_;
		if (*voice_state_ == "talk")
			talk += span;
		else {
			longest = std::max(longest, span);
			if (span >= kDeadAirMs)
				dead += span;
		}
	}
	m.talk_ratio = ratio(static_cast<double>(talk) / 1000.0, m.duration_s);
	m.dead_air_s = static_cast<double>(dead) / 1000.0;
	m.longest_silence_s = static_cast<double>(longest) / 1000.0;
	m.compliance_flags = flags_;
	m.compliance_bans = bans_;
	m.compliance_cautions = cautions_;
	m.impressions = impressions_;
	m.exposure_entry_rate = ratio(static_cast<double>(m.pv), static_cast<double>(m.impressions));
	m.product_exposure_rate = ratio(static_cast<double>(m.exposed_viewers), static_cast<double>(m.uv));
	m.ad_spend_cents = ad_spend_;
	m.roi = ratio(static_cast<double>(m.gmv_cents), static_cast<double>(m.ad_spend_cents));
	m.speech_chars_per_min = ratio(static_cast<double>(speech_chars_), m.duration_s / 60.0);
	m.traffic = sources_;
	return m;
}

nlohmann::ordered_json Metrics::to_json() const
{
	nlohmann::ordered_json j;
	j["duration_s"] = duration_s;
	j["pv"] = pv;
	j["uv"] = uv;
	j["pcu"] = pcu;
	j["acu"] = optional_json(acu);
	j["avg_watch_s"] = optional_json(avg_watch_s);
	j["orders"] = orders;
	j["units"] = units;
	j["buyers"] = buyers;
	j["gmv_cents"] = gmv_cents;
	j["gpm_cents"] = optional_json(gpm_cents);
	j["uv_value_cents"] = optional_json(uv_value_cents);
	j["aov_cents"] = optional_json(aov_cents);
	j["conversion_rate"] = optional_json(conversion_rate);
	j["interaction_rate"] = optional_json(interaction_rate);
	j["follow_rate"] = optional_json(follow_rate);
	j["exposed_viewers"] = exposed_viewers;
	j["click_rate"] = optional_json(click_rate);
	j["click_to_order_rate"] = optional_json(click_to_order_rate);
	j["questions"] = questions;
	j["answered"] = answered;
	j["response_rate"] = optional_json(response_rate);
	j["median_response_s"] = optional_json(median_response_s);
	j["talk_ratio"] = optional_json(talk_ratio);
	j["dead_air_s"] = dead_air_s;
	j["longest_silence_s"] = longest_silence_s;
	j["compliance_flags"] = compliance_flags;
	j["impressions"] = impressions;
	j["exposure_entry_rate"] = optional_json(exposure_entry_rate);
	j["product_exposure_rate"] = optional_json(product_exposure_rate);
	j["ad_spend_cents"] = ad_spend_cents;
	j["roi"] = optional_json(roi);
	j["speech_chars_per_min"] = optional_json(speech_chars_per_min);
	return j;
}

nlohmann::ordered_json Metrics::traffic_json() const
{
	auto rows = nlohmann::ordered_json::array();
	for (const auto &r : traffic)
		rows.push_back({{"source", r.source}, {"uv", r.uv}, {"buyers", r.buyers}, {"gmv_cents", r.gmv_cents}});
	return rows;
}

} // namespace lcs::metrics

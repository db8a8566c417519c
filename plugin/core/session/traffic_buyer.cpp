#include "core/session/traffic_buyer.hpp"

#include <algorithm>

namespace lcs::session {

bool promotion_live_or_next(const Snapshot &s)
{
	if (!s.running_promotions.empty())
		return true;
	if (!s.library || !s.cue.has_script)
		return false;
	const auto &segments = s.library->segments();
	const auto first = static_cast<size_t>(std::max(0, s.cue.segment_index));
	for (size_t i = first; i < segments.size() && i <= first + 1; ++i) {
		const auto &cues = segments[i]->cues;
		for (size_t c = i == first ? static_cast<size_t>(std::max(0, s.cue.cue_index)) : 0; c < cues.size(); ++c)
			if (cues[c].promotion)
				return true;
	}
	return false;
}

TrafficBuyer::TrafficBuyer(Style style, TrafficPlan plan) : style_(style), plan_(plan) {}

std::optional<BuyTraffic> TrafficBuyer::step(const Snapshot &s, util::Rng &rng)
{
	const int64_t left = s.ad_budget_cents - s.ad_spent_cents;
	if (s.ad_budget_cents <= 0 || left <= 0 || s.max_bid_cpm_cents <= 0)
		return std::nullopt;
	if (style_ == Style::Paced)
		return paced(s, left, rng);
	// AllAtOnce: everything, at the top bid, as soon as the show has begun.
	if (purchases_ > 0 || s.now_ms < plan_.careless_at_ms)
		return std::nullopt;
	++purchases_;
	return BuyTraffic{left, std::max(s.min_bid_cpm_cents, s.max_bid_cpm_cents), "autopilot-all"};
}

std::optional<BuyTraffic> TrafficBuyer::paced(const Snapshot &s, int64_t left, util::Rng &rng)
{
	const int64_t now = s.now_ms;
	if (purchases_ >= plan_.tranches || now < plan_.warm_up_ms || now < next_allowed_ms_)
		return std::nullopt;
	if (s.duration_seconds > 0 && int64_t{s.duration_seconds} * 1000 - now < plan_.stop_before_end_ms)
		return std::nullopt;
	if (s.pinned_sku.empty() || !s.talking.value_or(false) || !promotion_live_or_next(s))
		return std::nullopt;
	const int64_t lo = std::max<int64_t>(1, s.min_bid_cpm_cents);
	const int64_t hi = std::max(lo, s.max_bid_cpm_cents);
	const int64_t percent = rng.between(plan_.bid_low_percent, plan_.bid_high_percent);
	const int64_t bid = std::clamp((lo + (hi - lo) * percent / 100) / 100 * 100, lo, hi);
	const int64_t gap = rng.between(plan_.gap_min_ms, plan_.gap_max_ms);
	next_allowed_ms_ = now + gap;
	// An even share of what is left over the tranches still to buy, in whole yuan; the last
	// tranche (or the last one that fits before the end, given the wait until the next) takes
	// the rest.
	const int64_t tranches_left = plan_.tranches - purchases_;
	const int64_t last_chance_ms = int64_t{s.duration_seconds} * 1000 - plan_.stop_before_end_ms;
	const bool last = tranches_left <= 1 || (s.duration_seconds > 0 && now + gap > last_chance_ms);
	int64_t amount = last ? left : left / tranches_left / 100 * 100;
	if (amount <= 0)
		amount = left;
	++purchases_;
	return BuyTraffic{amount, bid, "autopilot-" + std::to_string(purchases_) + "/" + std::to_string(plan_.tranches)};
}

} // namespace lcs::session

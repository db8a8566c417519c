#pragma once

#include <cstdint>
#include <optional>

#include "core/session/command.hpp"
#include "core/session/controller.hpp"
#include "core/util/rng.hpp"

namespace lcs::session {

// When and how an autopilot host buys paid traffic (投流) from the scenario's ad budget.
struct TrafficPlan {
	int64_t warm_up_ms = 180'000;          // nothing before the room is warm
	int64_t stop_before_end_ms = 180'000;  // nothing in the last minutes: it would land after the show
	int tranches = 3;                      // the budget in this many purchases
	int64_t gap_min_ms = 180'000;          // between purchases: see what the last one brought
	int64_t gap_max_ms = 240'000;
	int bid_low_percent = 30;              // a moderate bid: this far into [min, max] …
	int bid_high_percent = 60;             // … drawn per purchase
	int64_t careless_at_ms = 30'000;       // AllAtOnce: the moment it spends everything
};

// Paced (the strong host, a competent trainee): after the warm-up, in a few tranches, each when
// a product is pinned, the host is talking and a promotion is live or about to start (the
// script's current or next segment launches one), at a moderate bid; never more than what is
// left of the budget. AllAtOnce (the weak host): the whole budget in one purchase at the highest
// bid in the first minute, into a cold room with nothing on offer.
// Randomness from the caller's Rng: two draws per paced purchase (bid, gap), none otherwise.
class TrafficBuyer {
public:
	enum class Style { Paced, AllAtOnce };

	explicit TrafficBuyer(Style style, TrafficPlan plan = {});

	/// The purchase to make now, if any.
	std::optional<BuyTraffic> step(const Snapshot &s, util::Rng &rng);

	[[nodiscard]] int purchases() const { return purchases_; }

private:
	std::optional<BuyTraffic> paced(const Snapshot &s, int64_t left, util::Rng &rng);

	Style style_;
	TrafficPlan plan_;
	int purchases_ = 0;
	int64_t next_allowed_ms_ = 0;
};

/// Whether a promotion is running, or the script launches one later in the current segment or
/// in the next one (a host who has read the script knows the price reveal is coming).
[[nodiscard]] bool promotion_live_or_next(const Snapshot &s);

} // namespace lcs::session

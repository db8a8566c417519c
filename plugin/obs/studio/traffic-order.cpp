#include "studio/traffic-order.hpp"

#include <algorithm>

namespace lcs::obs {

void TrafficOrder::set(int64_t amount_cents, int64_t bid_cpm_cents)
{
	std::lock_guard lock(mutex_);
	amount_cents_ = amount_cents;
	bid_cpm_cents_ = bid_cpm_cents;
}

session::BuyTraffic TrafficOrder::order() const
{
	std::lock_guard lock(mutex_);
	return session::BuyTraffic{amount_cents_, bid_cpm_cents_, {}};
}

session::BuyTraffic TrafficOrder::command_for(const session::Snapshot &s) const
{
	session::BuyTraffic c = order();
	const int64_t left = s.ad_budget_cents - s.ad_spent_cents;
	if (s.session_running && left > 0)
		c.amount_cents = std::min(c.amount_cents, left);
	return c;
}

} // namespace lcs::obs

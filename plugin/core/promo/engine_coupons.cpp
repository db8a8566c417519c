#include "core/promo/engine.hpp"

#include <algorithm>

#include "core/promo/engine_detail.hpp"

// Coupons: claims into a viewer's wallet, what a coupon saves on an order, and on one product
// for the price card's badge.
namespace lcs::promo {
using namespace detail;

Outcome<bool> Engine::claim_coupon(const std::string &viewer, const std::string &coupon_id, int64_t now_ms)
{
	const auto it = running_.find(coupon_id);
	const Promotion *def = library_->promotion(coupon_id);
	if (!def)
		return refused<bool>(Refusal::UnknownPromotion);
	const auto *coupon = std::get_if<Coupon>(&def->rule);
	if (!coupon)
		return refused<bool>(Refusal::NotACoupon);
	if (it == running_.end())
		return refused<bool>(Refusal::NotRunning);
	auto &wallet = wallets_[viewer];
	const auto mine = std::count_if(wallet.begin(), wallet.end(), [&](const ClaimedCoupon &c) { return c.coupon_id == coupon_id; });
	if (mine >= coupon->per_viewer_limit || coupons_claimed(coupon_id) >= coupon->total_limit)
		return refused<bool>(Refusal::CouponLimit);
	wallet.push_back({coupon_id, now_ms, false});
	++coupon_claims_[coupon_id];
	Outcome<bool> o;
	o.value = true;
	auto e = event(now_ms, "coupon_claim");
	e.fields["viewer"] = viewer;
	e.fields["coupon_id"] = coupon_id;
	o.events.push_back(std::move(e));
	return o;
}

int64_t Engine::coupon_saving(const Coupon &c, const std::string &sku, int64_t subtotal) const
{
	if (c.sku && *c.sku != sku)
		return 0;
	if (c.rule == Coupon::Rule::SpendSave)
		return subtotal >= c.threshold_cents ? std::min(c.save_cents, subtotal) : 0;
	if (subtotal < c.min_spend_cents)
		return 0;
	return std::min(subtotal * c.percent / 100, c.cap_cents);
}

int64_t Engine::badge_saving(const Coupon &c, const std::string &sku, int64_t unit_price_cents, int64_t can_buy) const
{
	// The fewest units at this price whose subtotal reaches the coupon's threshold; none when one
	// buyer cannot order that many (stock, a flash sale's pool or per-buyer limit).
	const int64_t threshold = c.rule == Coupon::Rule::SpendSave ? c.threshold_cents : c.min_spend_cents;
	if (unit_price_cents <= 0 || can_buy < 1)
		return 0;
	const int64_t units = std::max<int64_t>(1, (threshold + unit_price_cents - 1) / unit_price_cents);
	if (units > can_buy)
		return 0;
	return coupon_saving(c, sku, units * unit_price_cents);
}
} // namespace lcs::promo

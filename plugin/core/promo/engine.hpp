#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/event/event.hpp"
#include "core/pack/library.hpp"
#include "core/pack/promotion.hpp"
#include "core/promo/order.hpp"
#include "core/promo/views.hpp"
#include "core/util/rng.hpp"

// The promotions engine: runs the promotions a library defines on the session clock, keeps stock,
// prices orders exactly (integer cents) and reports every change as a session-log event.
// Pricing rules (docs/promotions.md):
//  1. Each unit gets its price from the live price promotion of the product (a flash sale after
//     its countdown, or a tiered price), else the list price. A tiered order that straddles a
//     boundary prices each unit by the tier its position falls in.
//  2. A live quantity deal of the product then applies to the units of the order (not during a
//     flash sale: 秒杀 prices stand alone).
//  3. At most one coupon applies to the order subtotal: the named one, else the buyer's claimed,
//     unused, valid coupon that saves the most (earliest claimed on a tie).
//  4. The log records unit_price_cents = the list price (or the highest unit price, if a
//     promotion prices above it), discount_cents = qty × unit − amount, so both are ≥ 0 and
//     amount_cents = qty × unit_price_cents − discount_cents always holds.
namespace lcs::promo {

class Engine {
public:
	static constexpr int kMaxOrderQty = 999; // units in one order

	Engine(std::shared_ptr<const pack::Library> library, uint64_t seed);

	Outcome<bool> start(const std::string &promo_id, int64_t now_ms);
	Outcome<bool> stop(const std::string &promo_id, int64_t now_ms);
	/// Countdowns, time-based tiers, expirations and lucky-bag draws up to now_ms.
	session::Events tick(int64_t now_ms);

	Outcome<bool> claim_coupon(const std::string &viewer, const std::string &coupon_id, int64_t now_ms);
	/// Prices an order without changing anything.
	[[nodiscard]] Outcome<PricedOrder> quote(const OrderRequest &request, int64_t now_ms) const;
	/// Prices and books an order: stock, tiers, limits, coupon; emits order (and promo_tier,
	/// promo_end sold_out) events.
	Outcome<PricedOrder> place(const OrderRequest &request, int64_t now_ms);
	/// Sets a product's stock (an incident: stock runs out); promotions needing it end sold_out.
	session::Events set_stock(const std::string &sku, int64_t stock, int64_t now_ms);
	/// Lucky-bag entry: a comment holding the keyword (and a follow when required).
	void on_comment(const std::string &viewer, const std::string &text, bool follows, int64_t now_ms);

	[[nodiscard]] bool is_running(const std::string &promo_id) const { return running_.count(promo_id) > 0; }
	[[nodiscard]] std::vector<std::string> running() const;
	[[nodiscard]] int64_t stock_left(const std::string &sku) const;
	[[nodiscard]] std::optional<PriceView> price_view(const std::string &sku, int64_t now_ms) const;
	[[nodiscard]] std::vector<LuckyBagView> lucky_bags(int64_t now_ms) const;
	[[nodiscard]] int64_t coupons_claimed(const std::string &coupon_id) const;
	[[nodiscard]] const pack::Library &library() const { return *library_; }

private:
	struct Running {
		const Promotion *def = nullptr;
		int64_t started_ms = 0;
		int64_t units_sold = 0;           // tiered (units), flash
		int tier = 0;
		int64_t pool_left = 0;            // flash
		std::map<std::string, int> bought; // flash per buyer
		std::vector<std::string> entrants; // lucky bag, in entry order
		std::set<std::string> entered;
	};
	struct ClaimedCoupon {
		std::string coupon_id;
		int64_t claimed_ms = 0;
		bool used = false;
	};

	[[nodiscard]] const Running *price_promotion(const std::string &sku, int64_t now_ms) const;
	[[nodiscard]] const Running *quantity_deal(const std::string &sku) const;
	[[nodiscard]] bool flash_open(const Running &r, int64_t now_ms) const;
	[[nodiscard]] int tier_for(const TieredPrice &t, int64_t position) const;
	[[nodiscard]] std::optional<int64_t> end_ms(const Running &r) const;
	[[nodiscard]] int64_t coupon_saving(const Coupon &c, const std::string &sku, int64_t subtotal) const;
	[[nodiscard]] int64_t units_one_buyer_can_buy(const std::string &sku, int64_t now_ms) const;
	[[nodiscard]] int64_t badge_saving(const Coupon &c, const std::string &sku, int64_t unit_price_cents,
					   int64_t can_buy) const;
	session::Event end_event(const std::string &promo_id, const std::string &reason, int64_t now_ms);
	void end(const std::string &promo_id, const std::string &reason, int64_t now_ms, session::Events &out);
	session::Events honesty_flags(const Promotion &p, int64_t now_ms) const;

	std::shared_ptr<const pack::Library> library_;
	util::Rng rng_;
	std::map<std::string, Running> running_;
	std::map<std::string, int64_t> stock_;
	std::map<std::string, std::vector<ClaimedCoupon>> wallets_; // by viewer
	std::map<std::string, int64_t> coupon_claims_;              // by coupon id
	int64_t next_order_ = 1;
};

} // namespace lcs::promo

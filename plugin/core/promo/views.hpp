#pragma once

#include <cstdint>
#include <optional>
#include <string>

// What the promotions engine shows on screen: the price card of a product and a lucky bag.
namespace lcs::promo {

// What the price card shows for a product at a moment.
struct PriceView {
	std::string sku;
	std::string name;
	std::string image;
	int64_t list_price_cents = 0;
	int64_t price_cents = 0;                 // the next unit's price
	std::optional<int64_t> strike_price_cents; // shown struck through, if the promotion declares one
	std::string promo_id;
	std::string promo_type;                  // "" when no promotion prices it
	int tier = 0;
	int tier_count = 0;
	int64_t tier_sold = 0;                   // units (or seconds) into the promotion
	bool tier_by_time = false;               // tiers step by seconds since launch
	std::optional<int64_t> tier_up_to;       // boundary of the current tier
	std::optional<int64_t> next_tier_price_cents;
	int64_t stock_left = 0;
	std::optional<int64_t> sale_stock_left;  // flash sale pool
	std::optional<int64_t> countdown_ms;     // flash sale: until it opens
	std::optional<int64_t> ends_in_ms;       // time left of the pricing promotion
	std::string coupon_badge_id;             // live coupon saving the most on this product now ("" when none saves)
	std::optional<std::string> deal_id;      // live quantity deal
	bool operator==(const PriceView &) const = default;
};

struct LuckyBagView {
	std::string promo_id;
	std::string keyword;
	std::string prize;
	int winners = 0;
	int64_t entrants = 0;
	int64_t ends_in_ms = 0;
	bool operator==(const LuckyBagView &) const = default;
};

} // namespace lcs::promo

#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/diag/diagnostic.hpp"

// Promotion definitions as packs declare them (docs/pack-format.md). Money in integer cents,
// durations in seconds. The promotions engine runs them; the loader validates their shape.
namespace lcs::promo {

struct Tier {
	std::optional<int64_t> up_to; // units sold (or seconds since launch); none on the last tier
	int64_t price_cents = 0;
};

struct TieredPrice {
	enum class Basis { Units, Time };
	std::string sku;
	Basis basis = Basis::Units;
	std::vector<Tier> tiers;
	std::optional<int64_t> strike_price_cents;
};

struct QuantityBreak {
	int min_qty = 0;
	int64_t unit_price_cents = 0;
};

struct QuantityDeal {
	enum class Rule { NthItemDiscount, BuyNGetM, QuantityBreaks };
	std::string sku;
	Rule rule = Rule::NthItemDiscount;
	int nth = 0;
	int percent_off = 0;
	int buy = 0;
	int free = 0;
	std::vector<QuantityBreak> breaks;
};

struct FlashSale {
	std::string sku;
	int64_t price_cents = 0;
	int countdown_seconds = 0;
	int duration_seconds = 0;
	int64_t stock = 0;
	int per_buyer_limit = 1;
	std::optional<int64_t> strike_price_cents;
};

struct Coupon {
	enum class Rule { SpendSave, PercentOff };
	Rule rule = Rule::SpendSave;
	std::optional<std::string> sku; // none: the whole shelf
	int64_t threshold_cents = 0;    // spend_save
	int64_t save_cents = 0;         // spend_save
	int percent = 0;                // percent_off
	int64_t cap_cents = 0;          // percent_off
	int64_t min_spend_cents = 0;    // percent_off, optional
	int per_viewer_limit = 1;
	int total_limit = 1;
	int valid_seconds = 0;
};

struct LuckyBag {
	std::string keyword;
	bool require_follow = false;
	int duration_seconds = 0;
	int winners = 1;
	std::string prize;
	std::optional<std::string> prize_sku;
	diag::Location prize_where; // the prize's string value (its opening quote)
};

using Rule = std::variant<TieredPrice, QuantityDeal, FlashSale, Coupon, LuckyBag>;

struct Promotion {
	std::string id;
	std::string name;
	bool limited_time = false;
	std::optional<int> duration_seconds;
	Rule rule;
	diag::Location where;
	diag::Location name_where; // the name's string value (its opening quote), when there is a name

	/// "tiered_price", "quantity_deal", "flash_sale", "coupon" or "lucky_bag".
	[[nodiscard]] const char *type_name() const;
	/// The product the promotion prices, if any (coupons for the whole shelf and lucky bags: none).
	[[nodiscard]] std::optional<std::string> sku() const;
};

} // namespace lcs::promo

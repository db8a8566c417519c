#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/event/event.hpp"

// An order as the promotions engine takes and prices it, and why it refuses a request.
namespace lcs::promo {

enum class Refusal {
	None,
	UnknownProduct,
	UnknownPromotion,
	BadQuantity,
	OutOfStock,
	SaleStockExhausted,
	PerBuyerLimit,
	AlreadyRunning,
	NotRunning,
	PriceConflict,  // another price promotion already prices this product
	NotACoupon,
	CouponLimit,
	CouponNotUsable,
};
const char *refusal_name(Refusal r);

struct OrderRequest {
	std::string viewer;
	std::string sku;
	int qty = 1;
	std::optional<std::string> coupon_id;
};

struct PricedOrder {
	std::string order_id;
	std::string viewer;
	std::string sku;
	int qty = 0;
	int64_t unit_price_cents = 0;
	int64_t discount_cents = 0;
	int64_t amount_cents = 0;
	std::optional<std::string> promo_id;
	std::optional<std::string> coupon_id;
	std::vector<int64_t> unit_prices; // each unit after price promotion and quantity deal
	int64_t coupon_saving_cents = 0;
};

template<typename T> struct Outcome {
	Refusal refusal = Refusal::None;
	std::optional<T> value;
	session::Events events;
	[[nodiscard]] bool ok() const { return refusal == Refusal::None; }
};

} // namespace lcs::promo

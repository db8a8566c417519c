#pragma once

namespace lcs::obs {

inline constexpr const char *kPriceCardSourceId = "lcs_price_card";

/// Registers lcs_price_card: the pinned product with its live price, tier progress, stock,
/// countdowns, coupon badge and running lucky bags.
void register_price_card_source();

} // namespace lcs::obs

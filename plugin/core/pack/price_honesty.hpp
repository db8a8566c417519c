#pragma once

#include <string>
#include <vector>

#include "core/pack/pack.hpp"
#include "core/pack/promotion.hpp"

namespace lcs::promo {

// The price-fraud (价格欺诈) rules trainees must learn. A violation does not stop a pack from
// loading: it is a warning when the pack loads and a compliance_flag (where: price) when the
// promotion starts, so a coach can let a trainee walk into it and discuss it afterwards.
struct HonestyViolation {
	std::string rule; // fake_original_price · price_above_list · falling_tier · limited_time_without_end
	std::string term; // the field concerned, e.g. "strike_price_cents"
	std::string text; // a human explanation with the numbers
};

/// Checks one promotion against the product it prices (may be null when unknown).
std::vector<HonestyViolation> check_price_honesty(const Promotion &promotion, const pack::Product *product);

} // namespace lcs::promo

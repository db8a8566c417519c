#include "core/pack/price_honesty.hpp"

#include <cstdio>

namespace lcs::promo {
namespace {
std::string yuan(int64_t cents)
{
	char buf[48];
	std::snprintf(buf, sizeof buf, "¥%lld.%02lld", static_cast<long long>(cents / 100), static_cast<long long>(cents % 100));
	return buf;
}

void check_strike(std::vector<HonestyViolation> &out, const std::optional<int64_t> &strike, const pack::Product *product)
{
	if (strike && product && *strike != product->list_price_cents)
		out.push_back({"fake_original_price", "strike_price_cents",
			       "strike-through price " + yuan(*strike) + " is not the list price " +
				       yuan(product->list_price_cents) + " of " + product->sku});
}

void check_above_list(std::vector<HonestyViolation> &out, int64_t price, const pack::Product *product)
{
	if (product && price > product->list_price_cents)
		out.push_back({"price_above_list", "price_cents",
			       "promotional price " + yuan(price) + " is above the list price " +
				       yuan(product->list_price_cents) + " of " + product->sku});
}
} // namespace

std::vector<HonestyViolation> check_price_honesty(const Promotion &promotion, const pack::Product *product)
{
	std::vector<HonestyViolation> out;
	if (const auto *t = std::get_if<TieredPrice>(&promotion.rule)) {
		check_strike(out, t->strike_price_cents, product);
		for (size_t i = 1; i < t->tiers.size(); ++i)
			if (t->tiers[i].price_cents < t->tiers[i - 1].price_cents) {
				out.push_back({"falling_tier", "tiers",
					       "tier " + std::to_string(i) + " (" + yuan(t->tiers[i].price_cents) +
						       ") is cheaper than tier " + std::to_string(i - 1) + " (" +
						       yuan(t->tiers[i - 1].price_cents) + "): a rising tiered price must not fall"});
				break;
			}
		if (!t->tiers.empty())
			check_above_list(out, t->tiers.front().price_cents, product);
	} else if (const auto *f = std::get_if<FlashSale>(&promotion.rule)) {
		check_strike(out, f->strike_price_cents, product);
		check_above_list(out, f->price_cents, product);
	}
	const bool has_end = promotion.duration_seconds.has_value();
	if (promotion.limited_time && !has_end)
		out.push_back({"limited_time_without_end", "limited_time",
			       "promotion '" + promotion.id + "' is announced as limited-time but has no end"});
	return out;
}

} // namespace lcs::promo

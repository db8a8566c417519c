#include "core/promo/engine.hpp"

#include <algorithm>

// What the price card and the lucky-bag overlay show (PriceView, LuckyBagView), and lucky-bag
// entries from comments.
namespace lcs::promo {

std::optional<PriceView> Engine::price_view(const std::string &sku, int64_t now_ms) const
{
	const pack::Product *product = library_->product(sku);
	if (!product)
		return std::nullopt;
	PriceView v;
	v.sku = sku;
	v.name = product->name;
	v.image = product->image;
	v.list_price_cents = product->list_price_cents;
	v.price_cents = product->list_price_cents;
	v.stock_left = stock_left(sku);

	for (const auto &[id, r] : running_) {
		const auto rsku = r.def->sku();
		if (!rsku || *rsku != sku)
			continue;
		if (const auto *f = std::get_if<FlashSale>(&r.def->rule)) {
			v.promo_id = id;
			v.promo_type = r.def->type_name();
			v.strike_price_cents = f->strike_price_cents;
			v.sale_stock_left = r.pool_left;
			if (flash_open(r, now_ms)) {
				v.price_cents = f->price_cents;
				v.ends_in_ms = *end_ms(r) - now_ms;
			} else {
				v.countdown_ms = r.started_ms + static_cast<int64_t>(f->countdown_seconds) * 1000 - now_ms;
			}
		} else if (const auto *t = std::get_if<TieredPrice>(&r.def->rule)) {
			v.promo_id = id;
			v.promo_type = r.def->type_name();
			v.strike_price_cents = t->strike_price_cents;
			const int64_t position = t->basis == TieredPrice::Basis::Units ? r.units_sold : (now_ms - r.started_ms) / 1000;
			const int tier = tier_for(*t, position);
			v.tier = tier;
			v.tier_count = static_cast<int>(t->tiers.size());
			v.tier_sold = position;
			v.tier_by_time = t->basis == TieredPrice::Basis::Time;
			v.tier_up_to = t->tiers[static_cast<size_t>(tier)].up_to;
			v.price_cents = t->tiers[static_cast<size_t>(tier)].price_cents;
			if (static_cast<size_t>(tier) + 1 < t->tiers.size())
				v.next_tier_price_cents = t->tiers[static_cast<size_t>(tier) + 1].price_cents;
			if (const auto end = end_ms(r))
				v.ends_in_ms = *end - now_ms;
		} else if (std::holds_alternative<QuantityDeal>(r.def->rule)) {
			v.deal_id = id;
		}
	}
	// The coupon badge: the live coupon that saves the most on this product at its price now
	// (docs/promotions.md, "On screen").
	int64_t best = 0;
	const int64_t can_buy = units_one_buyer_can_buy(sku, now_ms);
	for (const auto &[id, r] : running_)
		if (const auto *c = std::get_if<Coupon>(&r.def->rule)) {
			const int64_t saving = badge_saving(*c, sku, v.price_cents, can_buy);
			if (saving > best) { // on a tie the first id stays
				best = saving;
				v.coupon_badge_id = id;
			}
		}
	return v;
}

int64_t Engine::units_one_buyer_can_buy(const std::string &sku, int64_t now_ms) const
{
	int64_t units = std::min<int64_t>(stock_left(sku), kMaxOrderQty);
	if (const Running *pricing = price_promotion(sku, now_ms))
		if (const auto *f = std::get_if<FlashSale>(&pricing->def->rule))
			units = std::min<int64_t>({units, pricing->pool_left, f->per_buyer_limit});
	return std::max<int64_t>(units, 0);
}

void Engine::on_comment(const std::string &viewer, const std::string &text, bool follows, int64_t /*now_ms*/)
{
	for (auto &[id, r] : running_) {
		const auto *bag = std::get_if<LuckyBag>(&r.def->rule);
		if (!bag || (bag->require_follow && !follows) || text.find(bag->keyword) == std::string::npos)
			continue;
		if (r.entered.insert(viewer).second)
			r.entrants.push_back(viewer);
	}
}

std::vector<LuckyBagView> Engine::lucky_bags(int64_t now_ms) const
{
	std::vector<LuckyBagView> out;
	for (const auto &[id, r] : running_)
		if (const auto *b = std::get_if<LuckyBag>(&r.def->rule))
			out.push_back({id, b->keyword, b->prize, b->winners, static_cast<int64_t>(r.entrants.size()),
				       *end_ms(r) - now_ms});
	return out;
}
} // namespace lcs::promo

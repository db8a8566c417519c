#include "core/pack/promotion_json.hpp"

namespace lcs::promo {
namespace {
template<typename T> void put(nlohmann::ordered_json &j, const char *key, const std::optional<T> &v)
{
	if (v)
		j[key] = *v;
}
} // namespace

nlohmann::ordered_json to_json(const Promotion &p)
{
	nlohmann::ordered_json j;
	j["id"] = p.id;
	j["type"] = p.type_name();
	if (!p.name.empty())
		j["name"] = p.name;
	if (p.limited_time)
		j["limited_time"] = true;
	if (const auto *t = std::get_if<TieredPrice>(&p.rule)) {
		j["sku"] = t->sku;
		j["basis"] = t->basis == TieredPrice::Basis::Units ? "units" : "time";
		auto tiers = nlohmann::ordered_json::array();
		for (const auto &tier : t->tiers) {
			nlohmann::ordered_json tj;
			put(tj, "up_to", tier.up_to);
			tj["price_cents"] = tier.price_cents;
			tiers.push_back(tj);
		}
		j["tiers"] = tiers;
		put(j, "strike_price_cents", t->strike_price_cents);
		put(j, "duration_seconds", p.duration_seconds);
	} else if (const auto *q = std::get_if<QuantityDeal>(&p.rule)) {
		j["sku"] = q->sku;
		switch (q->rule) {
		case QuantityDeal::Rule::NthItemDiscount:
			j["rule"] = "nth_item_discount";
			j["nth"] = q->nth;
			j["percent_off"] = q->percent_off;
			break;
		case QuantityDeal::Rule::BuyNGetM:
			j["rule"] = "buy_n_get_m";
			j["buy"] = q->buy;
			j["free"] = q->free;
			break;
		case QuantityDeal::Rule::QuantityBreaks: {
			j["rule"] = "quantity_breaks";
			auto breaks = nlohmann::ordered_json::array();
			for (const auto &b : q->breaks)
				breaks.push_back({{"min_qty", b.min_qty}, {"unit_price_cents", b.unit_price_cents}});
			j["breaks"] = breaks;
			break;
		}
		}
		put(j, "duration_seconds", p.duration_seconds);
	} else if (const auto *f = std::get_if<FlashSale>(&p.rule)) {
		j["sku"] = f->sku;
		j["price_cents"] = f->price_cents;
		j["countdown_seconds"] = f->countdown_seconds;
		j["duration_seconds"] = f->duration_seconds;
		j["stock"] = f->stock;
		j["per_buyer_limit"] = f->per_buyer_limit;
		put(j, "strike_price_cents", f->strike_price_cents);
	} else if (const auto *c = std::get_if<Coupon>(&p.rule)) {
		if (c->rule == Coupon::Rule::SpendSave) {
			j["rule"] = "spend_save";
			j["threshold_cents"] = c->threshold_cents;
			j["save_cents"] = c->save_cents;
		} else {
			j["rule"] = "percent_off";
			j["percent"] = c->percent;
			j["cap_cents"] = c->cap_cents;
			if (c->min_spend_cents)
				j["min_spend_cents"] = c->min_spend_cents;
		}
		put(j, "sku", c->sku);
		j["per_viewer_limit"] = c->per_viewer_limit;
		j["total_limit"] = c->total_limit;
		j["valid_seconds"] = c->valid_seconds;
	} else if (const auto *b = std::get_if<LuckyBag>(&p.rule)) {
		j["keyword"] = b->keyword;
		j["require_follow"] = b->require_follow;
		j["duration_seconds"] = b->duration_seconds;
		j["winners"] = b->winners;
		j["prize"] = b->prize;
		put(j, "prize_sku", b->prize_sku);
	}
	return j;
}

} // namespace lcs::promo

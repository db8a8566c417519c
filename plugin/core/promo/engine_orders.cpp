#include "core/promo/engine.hpp"

#include <algorithm>

#include "core/promo/engine_detail.hpp"

// Orders: pricing one exactly (the rules at the top of engine.hpp) and booking it.
namespace lcs::promo {
using namespace detail;

Outcome<PricedOrder> Engine::quote(const OrderRequest &request, int64_t now_ms) const
{
	const pack::Product *product = library_->product(request.sku);
	if (!product)
		return refused<PricedOrder>(Refusal::UnknownProduct);
	if (request.qty < 1 || request.qty > kMaxOrderQty)
		return refused<PricedOrder>(Refusal::BadQuantity);
	if (stock_left(request.sku) < request.qty)
		return refused<PricedOrder>(Refusal::OutOfStock);

	PricedOrder order;
	order.viewer = request.viewer;
	order.sku = request.sku;
	order.qty = request.qty;
	order.unit_prices.assign(static_cast<size_t>(request.qty), product->list_price_cents);

	const Running *pricing = price_promotion(request.sku, now_ms);
	bool flash = false;
	if (pricing) {
		order.promo_id = pricing->def->id;
		if (const auto *f = std::get_if<FlashSale>(&pricing->def->rule)) {
			flash = true;
			if (pricing->pool_left < request.qty)
				return refused<PricedOrder>(Refusal::SaleStockExhausted);
			const auto it = pricing->bought.find(request.viewer);
			const int already = it == pricing->bought.end() ? 0 : it->second;
			if (already + request.qty > f->per_buyer_limit)
				return refused<PricedOrder>(Refusal::PerBuyerLimit);
			std::fill(order.unit_prices.begin(), order.unit_prices.end(), f->price_cents);
		} else {
			const auto &t = std::get<TieredPrice>(pricing->def->rule);
			for (int i = 0; i < request.qty; ++i) {
				const int64_t position = t.basis == TieredPrice::Basis::Units ? pricing->units_sold + i
											    : (now_ms - pricing->started_ms) / 1000;
				order.unit_prices[static_cast<size_t>(i)] =
					t.tiers[static_cast<size_t>(tier_for(t, position))].price_cents;
			}
		}
	}

	if (const Running *deal = flash ? nullptr : quantity_deal(request.sku)) {
		const auto &q = std::get<QuantityDeal>(deal->def->rule);
		if (!order.promo_id)
			order.promo_id = deal->def->id;
		for (int i = 0; i < request.qty; ++i) {
			auto &price = order.unit_prices[static_cast<size_t>(i)];
			const int position = i + 1; // 1-based within the order
			switch (q.rule) {
			case QuantityDeal::Rule::NthItemDiscount:
				if (position % q.nth == 0)
					price -= price * q.percent_off / 100;
				break;
			case QuantityDeal::Rule::BuyNGetM:
				if ((position - 1) % (q.buy + q.free) >= q.buy)
					price = 0;
				break;
			case QuantityDeal::Rule::QuantityBreaks:
				for (const auto &b : q.breaks)
					if (request.qty >= b.min_qty)
						price = std::min(price, b.unit_price_cents);
				break;
			}
		}
	}

	int64_t subtotal = 0;
	for (const auto p : order.unit_prices)
		subtotal += p;

	// Coupons: the named one, or the best the buyer holds.
	const auto wallet_it = wallets_.find(request.viewer);
	int64_t best = 0;
	std::optional<std::string> best_id;
	if (wallet_it != wallets_.end()) {
		for (const auto &held : wallet_it->second) {
			if (held.used || !running_.count(held.coupon_id))
				continue;
			if (request.coupon_id && held.coupon_id != *request.coupon_id)
				continue;
			const auto &c = std::get<Coupon>(library_->promotion(held.coupon_id)->rule);
			const int64_t saving = coupon_saving(c, request.sku, subtotal);
			if (saving > best) {
				best = saving;
				best_id = held.coupon_id;
			}
		}
	}
	if (request.coupon_id && !best_id)
		return refused<PricedOrder>(Refusal::CouponNotUsable);
	order.coupon_id = best_id;
	order.coupon_saving_cents = best;

	order.amount_cents = subtotal - best;
	int64_t highest = product->list_price_cents;
	for (const auto p : order.unit_prices)
		highest = std::max(highest, p);
	order.unit_price_cents = highest;
	order.discount_cents = static_cast<int64_t>(request.qty) * highest - order.amount_cents;
	Outcome<PricedOrder> o;
	o.value = std::move(order);
	return o;
}

Outcome<PricedOrder> Engine::place(const OrderRequest &request, int64_t now_ms)
{
	auto o = quote(request, now_ms);
	if (!o.ok())
		return o;
	PricedOrder &order = *o.value;
	char id[32];
	std::snprintf(id, sizeof id, "o-%06lld", static_cast<long long>(next_order_++));
	order.order_id = id;

	stock_[order.sku] -= order.qty;
	if (order.coupon_id) {
		auto &wallet = wallets_[order.viewer];
		for (auto &held : wallet)
			if (!held.used && held.coupon_id == *order.coupon_id) {
				held.used = true;
				break;
			}
	}

	auto e = event(now_ms, "order");
	e.fields["order_id"] = order.order_id;
	e.fields["viewer"] = order.viewer;
	e.fields["sku"] = order.sku;
	e.fields["qty"] = order.qty;
	e.fields["unit_price_cents"] = order.unit_price_cents;
	e.fields["discount_cents"] = order.discount_cents;
	e.fields["amount_cents"] = order.amount_cents;
	if (order.promo_id)
		e.fields["promo_id"] = *order.promo_id;
	if (order.coupon_id)
		e.fields["coupon_id"] = *order.coupon_id;
	o.events.push_back(std::move(e));

	// Book the units on the promotions that count them.
	std::vector<std::string> sold_out;
	for (auto &[pid, r] : running_) {
		if (auto *t = std::get_if<TieredPrice>(&r.def->rule); t && t->sku == order.sku) {
			r.units_sold += order.qty;
			if (t->basis == TieredPrice::Basis::Units) {
				const int tier = tier_for(*t, r.units_sold);
				if (tier != r.tier) {
					r.tier = tier;
					auto te = event(now_ms, "promo_tier");
					te.fields["promo_id"] = pid;
					te.fields["tier"] = tier;
					te.fields["price_cents"] = t->tiers[static_cast<size_t>(tier)].price_cents;
					o.events.push_back(std::move(te));
				}
			}
		} else if (auto *f = std::get_if<FlashSale>(&r.def->rule); f && f->sku == order.sku && flash_open(r, now_ms)) {
			r.units_sold += order.qty;
			r.pool_left -= order.qty;
			r.bought[order.viewer] += order.qty;
			if (r.pool_left <= 0)
				sold_out.push_back(pid);
		}
		const auto sku = r.def->sku();
		if (sku && *sku == order.sku && stock_[order.sku] <= 0 && !std::holds_alternative<Coupon>(r.def->rule))
			sold_out.push_back(pid);
	}
	std::sort(sold_out.begin(), sold_out.end());
	sold_out.erase(std::unique(sold_out.begin(), sold_out.end()), sold_out.end());
	for (const auto &pid : sold_out)
		end(pid, "sold_out", now_ms, o.events);
	return o;
}
} // namespace lcs::promo

#include "core/promo/engine.hpp"

#include <algorithm>
#include <cstdio>

#include "core/pack/price_honesty.hpp"

namespace lcs::promo {

const char *refusal_name(Refusal r)
{
	switch (r) {
	case Refusal::None: return "none";
	case Refusal::UnknownProduct: return "unknown_product";
	case Refusal::UnknownPromotion: return "unknown_promotion";
	case Refusal::BadQuantity: return "bad_quantity";
	case Refusal::OutOfStock: return "out_of_stock";
	case Refusal::SaleStockExhausted: return "sale_stock_exhausted";
	case Refusal::PerBuyerLimit: return "per_buyer_limit";
	case Refusal::AlreadyRunning: return "already_running";
	case Refusal::NotRunning: return "not_running";
	case Refusal::PriceConflict: return "price_conflict";
	case Refusal::NotACoupon: return "not_a_coupon";
	case Refusal::CouponLimit: return "coupon_limit";
	case Refusal::CouponNotUsable: return "coupon_not_usable";
	}
	return "unknown";
}

namespace {
template<typename T> Outcome<T> refused(Refusal r)
{
	Outcome<T> o;
	o.refusal = r;
	return o;
}

session::Event event(int64_t t, const char *type)
{
	session::Event e;
	e.t = t;
	e.type = type;
	return e;
}

bool is_price_promotion(const Promotion &p)
{
	return std::holds_alternative<TieredPrice>(p.rule) || std::holds_alternative<FlashSale>(p.rule);
}
} // namespace

Engine::Engine(std::shared_ptr<const pack::Library> library, uint64_t seed) : library_(std::move(library)), rng_(seed)
{
	for (const auto *product : library_->products())
		stock_[product->sku] = product->stock;
}

std::vector<std::string> Engine::running() const
{
	std::vector<std::string> ids;
	for (const auto &[id, r] : running_)
		ids.push_back(id);
	return ids;
}

int64_t Engine::stock_left(const std::string &sku) const
{
	const auto it = stock_.find(sku);
	return it == stock_.end() ? 0 : it->second;
}

int64_t Engine::coupons_claimed(const std::string &coupon_id) const
{
	const auto it = coupon_claims_.find(coupon_id);
	return it == coupon_claims_.end() ? 0 : it->second;
}

bool Engine::flash_open(const Running &r, int64_t now_ms) const
{
	const auto &f = std::get<FlashSale>(r.def->rule);
	return now_ms >= r.started_ms + static_cast<int64_t>(f.countdown_seconds) * 1000;
}

std::optional<int64_t> Engine::end_ms(const Running &r) const
{
	const Promotion &p = *r.def;
	if (const auto *f = std::get_if<FlashSale>(&p.rule))
		return r.started_ms + static_cast<int64_t>(f->countdown_seconds + f->duration_seconds) * 1000;
	if (p.duration_seconds)
		return r.started_ms + static_cast<int64_t>(*p.duration_seconds) * 1000;
	return std::nullopt;
}

const Engine::Running *Engine::price_promotion(const std::string &sku, int64_t now_ms) const
{
	for (const auto &[id, r] : running_) {
		if (const auto *f = std::get_if<FlashSale>(&r.def->rule)) {
			if (f->sku == sku && flash_open(r, now_ms))
				return &r;
		} else if (const auto *t = std::get_if<TieredPrice>(&r.def->rule)) {
			if (t->sku == sku)
				return &r;
		}
	}
	return nullptr;
}

const Engine::Running *Engine::quantity_deal(const std::string &sku) const
{
	for (const auto &[id, r] : running_)
		if (const auto *q = std::get_if<QuantityDeal>(&r.def->rule); q && q->sku == sku)
			return &r;
	return nullptr;
}

int Engine::tier_for(const TieredPrice &t, int64_t position) const
{
	// position: 0-based unit index (units basis) or whole seconds since launch (time basis).
	for (size_t i = 0; i < t.tiers.size(); ++i)
		if (!t.tiers[i].up_to || position < *t.tiers[i].up_to)
			return static_cast<int>(i);
	return static_cast<int>(t.tiers.size()) - 1;
}

session::Events Engine::honesty_flags(const Promotion &p, int64_t now_ms) const
{
	session::Events out;
	const auto sku = p.sku();
	for (const auto &v : check_price_honesty(p, sku ? library_->product(*sku) : nullptr)) {
		auto e = event(now_ms, "compliance_flag");
		e.fields["rule"] = v.rule;
		e.fields["term"] = v.term;
		e.fields["where"] = "price";
		e.fields["text"] = v.text;
		// Every flag has a category and a severity (docs/contract-notes.md, compliance in
		// sessions): a strike-through price that is not the list price, or a "promotional"
		// price above it, is price fraud (《明码标价和禁止价格欺诈规定》 Art. 19): ban; a falling
		// tier or a limited-time promotion without an end misleads but is not fraud by itself:
		// caution.
		e.fields["category"] = "price";
		e.fields["severity"] = v.rule == "fake_original_price" || v.rule == "price_above_list" ? "ban" : "caution";
		out.push_back(std::move(e));
	}
	return out;
}

Outcome<bool> Engine::start(const std::string &promo_id, int64_t now_ms)
{
	const Promotion *def = library_->promotion(promo_id);
	if (!def)
		return refused<bool>(Refusal::UnknownPromotion);
	if (running_.count(promo_id))
		return refused<bool>(Refusal::AlreadyRunning);
	const auto sku = def->sku();
	if (is_price_promotion(*def)) {
		for (const auto &[id, r] : running_)
			if (is_price_promotion(*r.def) && r.def->sku() == sku)
				return refused<bool>(Refusal::PriceConflict);
	}
	if (sku && std::holds_alternative<FlashSale>(def->rule) == false && !std::holds_alternative<Coupon>(def->rule) &&
	    stock_left(*sku) <= 0)
		return refused<bool>(Refusal::OutOfStock);
	if (const auto *f = std::get_if<FlashSale>(&def->rule); f && stock_left(f->sku) <= 0)
		return refused<bool>(Refusal::OutOfStock);

	Running r;
	r.def = def;
	r.started_ms = now_ms;
	if (const auto *f = std::get_if<FlashSale>(&def->rule))
		r.pool_left = f->stock;
	Outcome<bool> o;
	o.value = true;
	auto e = event(now_ms, "promo_start");
	e.fields["promo_id"] = promo_id;
	o.events.push_back(std::move(e));
	if (const auto *t = std::get_if<TieredPrice>(&def->rule)) {
		auto tier = event(now_ms, "promo_tier");
		tier.fields["promo_id"] = promo_id;
		tier.fields["tier"] = 0;
		tier.fields["price_cents"] = t->tiers.front().price_cents;
		o.events.push_back(std::move(tier));
	}
	auto flags = honesty_flags(*def, now_ms);
	o.events.insert(o.events.end(), flags.begin(), flags.end());
	running_.emplace(promo_id, std::move(r));
	return o;
}

session::Event Engine::end_event(const std::string &promo_id, const std::string &reason, int64_t now_ms)
{
	auto e = event(now_ms, "promo_end");
	e.fields["promo_id"] = promo_id;
	e.fields["reason"] = reason;
	return e;
}

void Engine::end(const std::string &promo_id, const std::string &reason, int64_t now_ms, session::Events &out)
{
	auto it = running_.find(promo_id);
	if (it == running_.end())
		return;
	auto e = end_event(promo_id, reason, now_ms);
	if (const auto *bag = std::get_if<LuckyBag>(&it->second.def->rule)) {
		// Draw: a partial Fisher-Yates shuffle of the entrants (in entry order) with the session PRNG.
		auto pool = it->second.entrants;
		const size_t count = std::min(pool.size(), static_cast<size_t>(bag->winners));
		for (size_t i = 0; i < count; ++i) {
			const size_t j = i + static_cast<size_t>(rng_.below(pool.size() - i));
			std::swap(pool[i], pool[j]);
		}
		pool.resize(count);
		e.fields["entrants"] = it->second.entrants.size();
		e.fields["winners"] = pool;
	}
	out.push_back(std::move(e));
	running_.erase(it);
}

Outcome<bool> Engine::stop(const std::string &promo_id, int64_t now_ms)
{
	if (!running_.count(promo_id))
		return refused<bool>(Refusal::NotRunning);
	Outcome<bool> o;
	o.value = true;
	end(promo_id, "stopped", now_ms, o.events);
	return o;
}

session::Events Engine::tick(int64_t now_ms)
{
	session::Events out;
	std::vector<std::string> expired;
	for (auto &[id, r] : running_) {
		if (const auto *t = std::get_if<TieredPrice>(&r.def->rule); t && t->basis == TieredPrice::Basis::Time) {
			const int tier = tier_for(*t, (now_ms - r.started_ms) / 1000);
			if (tier != r.tier) {
				r.tier = tier;
				auto e = event(now_ms, "promo_tier");
				e.fields["promo_id"] = id;
				e.fields["tier"] = tier;
				e.fields["price_cents"] = t->tiers[static_cast<size_t>(tier)].price_cents;
				out.push_back(std::move(e));
			}
		}
		if (const auto end = end_ms(r); end && now_ms >= *end)
			expired.push_back(id);
	}
	for (const auto &id : expired)
		end(id, "expired", now_ms, out);
	return out;
}

Outcome<bool> Engine::claim_coupon(const std::string &viewer, const std::string &coupon_id, int64_t now_ms)
{
	const auto it = running_.find(coupon_id);
	const Promotion *def = library_->promotion(coupon_id);
	if (!def)
		return refused<bool>(Refusal::UnknownPromotion);
	const auto *coupon = std::get_if<Coupon>(&def->rule);
	if (!coupon)
		return refused<bool>(Refusal::NotACoupon);
	if (it == running_.end())
		return refused<bool>(Refusal::NotRunning);
	auto &wallet = wallets_[viewer];
	const auto mine = std::count_if(wallet.begin(), wallet.end(), [&](const ClaimedCoupon &c) { return c.coupon_id == coupon_id; });
	if (mine >= coupon->per_viewer_limit || coupons_claimed(coupon_id) >= coupon->total_limit)
		return refused<bool>(Refusal::CouponLimit);
	wallet.push_back({coupon_id, now_ms, false});
	++coupon_claims_[coupon_id];
	Outcome<bool> o;
	o.value = true;
	auto e = event(now_ms, "coupon_claim");
	e.fields["viewer"] = viewer;
	e.fields["coupon_id"] = coupon_id;
	o.events.push_back(std::move(e));
	return o;
}

int64_t Engine::coupon_saving(const Coupon &c, const std::string &sku, int64_t subtotal) const
{
	if (c.sku && *c.sku != sku)
		return 0;
	if (c.rule == Coupon::Rule::SpendSave)
		return subtotal >= c.threshold_cents ? std::min(c.save_cents, subtotal) : 0;
	if (subtotal < c.min_spend_cents)
		return 0;
	return std::min(subtotal * c.percent / 100, c.cap_cents);
}

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

session::Events Engine::set_stock(const std::string &sku, int64_t stock, int64_t now_ms)
{
	session::Events out;
	if (!stock_.count(sku))
		return out;
	stock_[sku] = std::max<int64_t>(0, stock);
	if (stock_[sku] > 0)
		return out;
	std::vector<std::string> ending;
	for (const auto &[id, r] : running_) {
		const auto rsku = r.def->sku();
		if (rsku && *rsku == sku && !std::holds_alternative<Coupon>(r.def->rule))
			ending.push_back(id);
	}
	for (const auto &id : ending)
		end(id, "sold_out", now_ms, out);
	return out;
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

int64_t Engine::badge_saving(const Coupon &c, const std::string &sku, int64_t unit_price_cents, int64_t can_buy) const
{
	// The fewest units at this price whose subtotal reaches the coupon's threshold; none when one
	// buyer cannot order that many (stock, a flash sale's pool or per-buyer limit).
	const int64_t threshold = c.rule == Coupon::Rule::SpendSave ? c.threshold_cents : c.min_spend_cents;
	if (unit_price_cents <= 0 || can_buy < 1)
		return 0;
	const int64_t units = std::max<int64_t>(1, (threshold + unit_price_cents - 1) / unit_price_cents);
	if (units > can_buy)
		return 0;
	return coupon_saving(c, sku, units * unit_price_cents);
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

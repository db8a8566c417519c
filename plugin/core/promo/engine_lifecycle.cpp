#include "core/promo/engine.hpp"

#include <algorithm>

#include "core/pack/price_honesty.hpp"
#include "core/promo/engine_detail.hpp"

// Promotions starting and ending: start (with its price-honesty flags), stop, the clock
// (time tiers, expiries) and stock running out; a lucky bag draws its winners as it ends.
namespace lcs::promo {
using namespace detail;

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
} // namespace lcs::promo

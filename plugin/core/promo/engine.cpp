#include "core/promo/engine.hpp"

// The engine's state: the library's stock at the start, what is running, and which promotion
// prices a product now.
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
} // namespace lcs::promo

#include "core/pack/promotion_reader.hpp"

#include <limits>

namespace lcs::pack {
namespace {
using promo::Coupon;
using promo::FlashSale;
using promo::LuckyBag;
using promo::QuantityDeal;
using promo::TieredPrice;

constexpr int64_t kMaxCents = 100'000'000'000;
constexpr int64_t kMax = std::numeric_limits<int32_t>::max();

std::optional<TieredPrice> read_tiered(ReadContext &ctx, ObjectReader &r)
{
	TieredPrice t;
	t.sku = r.id("sku", Need::Required).value_or("");
	const auto basis = r.one_of("basis", Need::Required, {"units", "time"});
	t.basis = basis == "time" ? TieredPrice::Basis::Time : TieredPrice::Basis::Units;
	t.strike_price_cents = r.integer("strike_price_cents", Need::Optional, 1, kMaxCents);
	const auto *tiers = r.array("tiers", Need::Required, 2);
	if (!tiers)
		return std::nullopt;
	bool ok = true;
	int64_t previous_up_to = 0;
	for (size_t i = 0; i < tiers->size(); ++i) {
		ObjectReader tr(ctx, (*tiers)[i], r.child("tiers") + "/" + std::to_string(i), "tier");
		promo::Tier tier;
		tier.up_to = tr.integer("up_to", Need::Optional, 1, kMax);
		const auto price = tr.integer("price_cents", Need::Required, 1, kMaxCents);
		tr.reject_unknown_keys();
		const bool last = i + 1 == tiers->size();
		if (!tr.valid() || !price) {
			ok = false;
			continue;
		}
		tier.price_cents = *price;
		if (last && tier.up_to) {
			ctx.error(tr.child("up_to"), "the last tier must not have 'up_to' (it applies to everything after)");
			ok = false;
		} else if (!last && !tier.up_to) {
			ctx.error(tr.pointer(), "every tier but the last needs 'up_to'");
			ok = false;
		} else if (tier.up_to && *tier.up_to <= previous_up_to) {
			ctx.error(tr.child("up_to"), "'up_to' must grow from tier to tier (" + std::to_string(*tier.up_to) +
							     " after " + std::to_string(previous_up_to) + ")");
			ok = false;
		}
		if (tier.up_to)
			previous_up_to = *tier.up_to;
		t.tiers.push_back(tier);
	}
	if (!ok)
		return std::nullopt;
	return t;
}

std::optional<QuantityDeal> read_quantity(ReadContext &ctx, ObjectReader &r)
{
	QuantityDeal q;
	q.sku = r.id("sku", Need::Required).value_or("");
	const auto rule = r.one_of("rule", Need::Required, {"nth_item_discount", "buy_n_get_m", "quantity_breaks"});
	if (!rule) {
		// Still mark the rule-specific keys as known so they are not reported as unknown.
		for (const char *k : {"nth", "percent_off", "buy", "free", "breaks"})
			r.allow(k);
		return std::nullopt;
	}
	bool ok = true;
	if (*rule == "nth_item_discount") {
		q.rule = QuantityDeal::Rule::NthItemDiscount;
		auto nth = r.integer("nth", Need::Required, 2, 10);
		auto pct = r.integer("percent_off", Need::Required, 1, 100);
		ok = nth && pct;
		q.nth = static_cast<int>(nth.value_or(0));
		q.percent_off = static_cast<int>(pct.value_or(0));
	} else if (*rule == "buy_n_get_m") {
		q.rule = QuantityDeal::Rule::BuyNGetM;
		auto buy = r.integer("buy", Need::Required, 1, 20);
		auto free = r.integer("free", Need::Required, 1, 20);
		ok = buy && free;
		q.buy = static_cast<int>(buy.value_or(0));
		q.free = static_cast<int>(free.value_or(0));
	} else {
		q.rule = QuantityDeal::Rule::QuantityBreaks;
		const auto *breaks = r.array("breaks", Need::Required, 1);
		ok = breaks != nullptr;
		int previous_qty = 1;
		int64_t previous_price = std::numeric_limits<int64_t>::max();
		for (size_t i = 0; breaks && i < breaks->size(); ++i) {
			ObjectReader br(ctx, (*breaks)[i], r.child("breaks") + "/" + std::to_string(i), "quantity break");
			auto min_qty = br.integer("min_qty", Need::Required, 2, 10000);
			auto price = br.integer("unit_price_cents", Need::Required, 1, kMaxCents);
			br.reject_unknown_keys();
			if (!min_qty || !price) {
				ok = false;
				continue;
			}
			if (*min_qty <= previous_qty || *price >= previous_price) {
				ctx.error(br.pointer(), "quantity breaks must have rising 'min_qty' and falling 'unit_price_cents'");
				ok = false;
			}
			previous_qty = static_cast<int>(*min_qty);
			previous_price = *price;
			q.breaks.push_back({static_cast<int>(*min_qty), *price});
		}
	}
	return ok ? std::optional<QuantityDeal>(q) : std::nullopt;
}

std::optional<FlashSale> read_flash(ObjectReader &r)
{
	FlashSale f;
	auto sku = r.id("sku", Need::Required);
	auto price = r.integer("price_cents", Need::Required, 1, kMaxCents);
	auto countdown = r.integer("countdown_seconds", Need::Required, 10, 300);
	auto duration = r.integer("duration_seconds", Need::Required, 60, 1200);
	auto stock = r.integer("stock", Need::Required, 1, 100'000'000);
	auto limit = r.integer("per_buyer_limit", Need::Required, 1, 1000);
	f.strike_price_cents = r.integer("strike_price_cents", Need::Optional, 1, kMaxCents);
	if (!sku || !price || !countdown || !duration || !stock || !limit)
		return std::nullopt;
	f.sku = *sku;
	f.price_cents = *price;
	f.countdown_seconds = static_cast<int>(*countdown);
	f.duration_seconds = static_cast<int>(*duration);
	f.stock = *stock;
	f.per_buyer_limit = static_cast<int>(*limit);
	return f;
}

std::optional<Coupon> read_coupon(ReadContext &ctx, ObjectReader &r)
{
	Coupon c;
	const auto rule = r.one_of("rule", Need::Required, {"spend_save", "percent_off"});
	c.sku = r.id("sku", Need::Optional);
	auto per_viewer = r.integer("per_viewer_limit", Need::Required, 1, 1000);
	auto total = r.integer("total_limit", Need::Required, 1, 100'000'000);
	auto valid = r.integer("valid_seconds", Need::Required, 10, 86400);
	bool ok = rule && per_viewer && total && valid;
	if (rule == "spend_save") {
		c.rule = Coupon::Rule::SpendSave;
		auto threshold = r.integer("threshold_cents", Need::Required, 1, kMaxCents);
		auto save = r.integer("save_cents", Need::Required, 1, kMaxCents);
		if (threshold && save && *save >= *threshold) {
			ctx.error(r.child("save_cents"), "'save_cents' must be less than 'threshold_cents' (" +
								 std::to_string(*save) + " ≥ " + std::to_string(*threshold) + ")");
			ok = false;
		}
		ok = ok && threshold && save;
		c.threshold_cents = threshold.value_or(0);
		c.save_cents = save.value_or(0);
	} else if (rule == "percent_off") {
		c.rule = Coupon::Rule::PercentOff;
		auto percent = r.integer("percent", Need::Required, 1, 90);
		auto cap = r.integer("cap_cents", Need::Required, 1, kMaxCents);
		c.min_spend_cents = r.integer("min_spend_cents", Need::Optional, 1, kMaxCents).value_or(0);
		ok = ok && percent && cap;
		c.percent = static_cast<int>(percent.value_or(0));
		c.cap_cents = cap.value_or(0);
	}
	c.per_viewer_limit = static_cast<int>(per_viewer.value_or(1));
	c.total_limit = static_cast<int>(total.value_or(1));
	c.valid_seconds = static_cast<int>(valid.value_or(0));
	return ok ? std::optional<Coupon>(c) : std::nullopt;
}

std::optional<LuckyBag> read_lucky_bag(ObjectReader &r)
{
	LuckyBag b;
	auto keyword = r.string("keyword", Need::Required, 50);
	b.require_follow = r.boolean("require_follow", Need::Optional).value_or(false);
	auto duration = r.integer("duration_seconds", Need::Required, 10, 3600);
	auto winners = r.integer("winners", Need::Required, 1, 10000);
	auto prize = r.string("prize", Need::Required);
	b.prize_sku = r.id("prize_sku", Need::Optional);
	if (!keyword || !duration || !winners || !prize)
		return std::nullopt;
	b.keyword = *keyword;
	b.duration_seconds = static_cast<int>(*duration);
	b.winners = static_cast<int>(*winners);
	b.prize = *prize;
	return b;
}

} // namespace

std::optional<promo::Promotion> read_promotion(ReadContext &ctx, const nlohmann::json &value, const std::string &pointer)
{
	ObjectReader r(ctx, value, pointer, "promotion");
	if (!r.valid())
		return std::nullopt;
	promo::Promotion p;
	p.where = r.where();
	auto id = r.id("id", Need::Required);
	p.name = r.string("name", Need::Optional).value_or("");
	p.name_where = ctx.at(r.child("name"));
	p.limited_time = r.boolean("limited_time", Need::Optional).value_or(false);
	const auto type = r.one_of("type", Need::Required, {"tiered_price", "quantity_deal", "flash_sale", "coupon", "lucky_bag"});

	bool ok = id && type;
	if (type == "tiered_price" || type == "quantity_deal") {
		if (auto d = r.integer("duration_seconds", Need::Optional, 1, 86400))
			p.duration_seconds = static_cast<int>(*d);
	}
	if (type == "tiered_price") {
		if (auto t = read_tiered(ctx, r))
			p.rule = std::move(*t);
		else
			ok = false;
	} else if (type == "quantity_deal") {
		if (auto q = read_quantity(ctx, r))
			p.rule = std::move(*q);
		else
			ok = false;
	} else if (type == "flash_sale") {
		if (auto f = read_flash(r)) {
			p.duration_seconds = f->duration_seconds;
			p.rule = std::move(*f);
		} else {
			ok = false;
		}
	} else if (type == "coupon") {
		if (auto c = read_coupon(ctx, r)) {
			p.duration_seconds = c->valid_seconds;
			p.rule = std::move(*c);
		} else {
			ok = false;
		}
	} else if (type == "lucky_bag") {
		if (auto b = read_lucky_bag(r)) {
			b->prize_where = ctx.at(r.child("prize"));
			p.duration_seconds = b->duration_seconds;
			p.rule = std::move(*b);
		} else {
			ok = false;
		}
	}
	if (type)
		r.reject_unknown_keys();
	if (!ok)
		return std::nullopt;
	p.id = *id;
	return p;
}

} // namespace lcs::pack

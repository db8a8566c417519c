// The promotions engine: every price below was computed by hand from docs/promotions.md.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/pack/library.hpp"
#include "core/pack/pack_loader.hpp"
#include "core/promo/engine.hpp"
#include "core/util/rng.hpp"

namespace {
using lcs::promo::Engine;
using lcs::promo::OrderRequest;
using lcs::promo::Refusal;

constexpr const char *kPack = R"({
  "format": "lcs.pack/1",
  "pack": { "id": "t", "name": "T", "version": "1.0.0", "language": "zh-CN", "authors": ["a"], "license": "x" },
  "products": [
    { "sku": "HONEY", "name": "蜂蜜", "list_price_cents": 8900, "stock": 1000, "category": "food", "selling_points": ["s"] },
    { "sku": "TEE", "name": "T恤", "list_price_cents": 9900, "stock": 50, "category": "apparel", "selling_points": ["s"] },
    { "sku": "CUSHION", "name": "气垫", "list_price_cents": 22900, "stock": 10, "category": "beauty", "selling_points": ["s"] }
  ],
  "promotions": [
    { "id": "tiers", "type": "tiered_price", "sku": "HONEY", "basis": "units", "strike_price_cents": 8900,
      "tiers": [ { "up_to": 100, "price_cents": 5900 }, { "up_to": 300, "price_cents": 6900 }, { "price_cents": 7900 } ] },
    { "id": "time-tiers", "type": "tiered_price", "sku": "TEE", "basis": "time", "duration_seconds": 300,
      "tiers": [ { "up_to": 60, "price_cents": 6900 }, { "price_cents": 7900 } ] },
    { "id": "half", "type": "quantity_deal", "sku": "HONEY", "rule": "nth_item_discount", "nth": 2, "percent_off": 50 },
    { "id": "b2g1", "type": "quantity_deal", "sku": "TEE", "rule": "buy_n_get_m", "buy": 2, "free": 1 },
    { "id": "breaks", "type": "quantity_deal", "sku": "TEE", "rule": "quantity_breaks",
      "breaks": [ { "min_qty": 2, "unit_price_cents": 9000 }, { "min_qty": 3, "unit_price_cents": 8500 } ] },
    { "id": "flash", "type": "flash_sale", "sku": "CUSHION", "price_cents": 15900, "countdown_seconds": 30,
      "duration_seconds": 120, "stock": 3, "per_buyer_limit": 2, "strike_price_cents": 22900 },
    { "id": "fake-flash", "type": "flash_sale", "sku": "TEE", "price_cents": 5900, "countdown_seconds": 10,
      "duration_seconds": 60, "stock": 5, "per_buyer_limit": 1, "strike_price_cents": 19900 },
    { "id": "save30", "type": "coupon", "rule": "spend_save", "threshold_cents": 19900, "save_cents": 3000,
      "per_viewer_limit": 1, "total_limit": 2, "valid_seconds": 600 },
    { "id": "pct10", "type": "coupon", "rule": "percent_off", "percent": 10, "cap_cents": 5000,
      "per_viewer_limit": 1, "total_limit": 100, "valid_seconds": 600 },
    { "id": "bag", "type": "lucky_bag", "keyword": "想要", "require_follow": true, "duration_seconds": 60,
      "winners": 2, "prize": "蜂蜜一瓶", "prize_sku": "HONEY" }
  ],
  "segments": [ { "id": "s", "name": "S", "kind": "opening", "planned_seconds": 60, "cues": [ { "id": "c", "text": "x" } ] } ]
})";

std::shared_ptr<const lcs::pack::Library> library()
{
	auto r = lcs::pack::load_pack_text(kPack, "t.json");
	EXPECT_TRUE(r.ok()) << (r.diagnostics.empty() ? "" : r.diagnostics[0].to_string());
	lcs::diag::Diagnostics d;
	return std::make_shared<const lcs::pack::Library>(lcs::pack::Library::link({*r.pack}, d));
}

const lcs::session::Event *find(const lcs::session::Events &events, const std::string &type)
{
	for (const auto &e : events)
		if (e.type == type)
			return &e;
	return nullptr;
}

TEST(PromotionEngine, TieredPriceAdvancesExactlyAtTheBoundaryAndSplitsStraddlingOrders)
{
	Engine engine(library(), 1);
	const auto started = engine.start("tiers", 0);
	ASSERT_TRUE(started.ok());
	ASSERT_NE(find(started.events, "promo_tier"), nullptr);
	EXPECT_EQ(find(started.events, "promo_tier")->fields["price_cents"], 5900);

	auto a = engine.place({"v1", "HONEY", 99, {}}, 1000);
	ASSERT_TRUE(a.ok());
	EXPECT_EQ(a.value->amount_cents, 99 * 5900);
	EXPECT_EQ(a.value->unit_price_cents, 8900);
	EXPECT_EQ(a.value->discount_cents, 99 * 8900 - 99 * 5900);
	EXPECT_EQ(find(a.events, "promo_tier"), nullptr); // 99 sold: still tier 0

	// Units #100 (¥59), #101 and #102 (¥69): the order straddles the boundary.
	auto b = engine.place({"v2", "HONEY", 3, {}}, 2000);
	ASSERT_TRUE(b.ok());
	EXPECT_EQ(b.value->unit_prices, (std::vector<int64_t>{5900, 6900, 6900}));
	EXPECT_EQ(b.value->amount_cents, 19700);
	EXPECT_EQ(b.value->promo_id, "tiers");
	const auto *tier = find(b.events, "promo_tier");
	ASSERT_NE(tier, nullptr);
	EXPECT_EQ(tier->fields["tier"], 1);
	EXPECT_EQ(tier->fields["price_cents"], 6900);

	// Exactly to the next boundary: 198 more units → 300 sold, the next unit is tier 2.
	auto c = engine.place({"v3", "HONEY", 198, {}}, 3000);
	ASSERT_TRUE(c.ok());
	EXPECT_EQ(c.value->amount_cents, 198 * 6900);
	ASSERT_NE(find(c.events, "promo_tier"), nullptr);
	EXPECT_EQ(find(c.events, "promo_tier")->fields["tier"], 2);
	const auto view = engine.price_view("HONEY", 3000);
	EXPECT_EQ(view->price_cents, 7900);
	EXPECT_EQ(view->tier_sold, 300);
	EXPECT_FALSE(view->next_tier_price_cents.has_value());
	EXPECT_EQ(engine.stock_left("HONEY"), 1000 - 300);
}

TEST(PromotionEngine, TimeBasedTiersChangeOnTheTickAtTheBoundary)
{
	Engine engine(library(), 1);
	ASSERT_TRUE(engine.start("time-tiers", 10'000).ok());
	EXPECT_TRUE(engine.tick(69'999).empty());
	const auto events = engine.tick(70'000);
	ASSERT_EQ(events.size(), 1u);
	EXPECT_EQ(events[0].type, "promo_tier");
	EXPECT_EQ(events[0].fields["price_cents"], 7900);
	EXPECT_EQ(engine.quote({"v", "TEE", 1, {}}, 70'000).value->amount_cents, 7900);
	const auto end = engine.tick(310'000);
	ASSERT_EQ(end.size(), 1u);
	EXPECT_EQ(end[0].type, "promo_end");
	EXPECT_EQ(end[0].fields["reason"], "expired");
	EXPECT_EQ(engine.quote({"v", "TEE", 1, {}}, 310'000).value->amount_cents, 9900);
}

TEST(PromotionEngine, QuantityDealsStackOnTheTierPrice)
{
	Engine engine(library(), 1);
	ASSERT_TRUE(engine.start("tiers", 0).ok());
	ASSERT_TRUE(engine.start("half", 0).ok());
	const auto q = engine.quote({"v", "HONEY", 3, {}}, 0);
	ASSERT_TRUE(q.ok());
	EXPECT_EQ(q.value->unit_prices, (std::vector<int64_t>{5900, 2950, 5900})); // every 2nd unit half price
	EXPECT_EQ(q.value->amount_cents, 14750);
	EXPECT_EQ(q.value->promo_id, "tiers");
}

TEST(PromotionEngine, BuyTwoGetOneAndQuantityBreaks)
{
	Engine engine(library(), 1);
	ASSERT_TRUE(engine.start("b2g1", 0).ok());
	EXPECT_EQ(engine.quote({"v", "TEE", 3, {}}, 0).value->amount_cents, 2 * 9900);
	EXPECT_EQ(engine.quote({"v", "TEE", 6, {}}, 0).value->amount_cents, 4 * 9900);
	EXPECT_EQ(engine.quote({"v", "TEE", 5, {}}, 0).value->amount_cents, 4 * 9900);
	ASSERT_TRUE(engine.stop("b2g1", 0).ok());
	ASSERT_TRUE(engine.start("breaks", 0).ok());
	EXPECT_EQ(engine.quote({"v", "TEE", 1, {}}, 0).value->amount_cents, 9900);
	EXPECT_EQ(engine.quote({"v", "TEE", 2, {}}, 0).value->amount_cents, 2 * 9000);
	EXPECT_EQ(engine.quote({"v", "TEE", 4, {}}, 0).value->amount_cents, 4 * 8500);
}

TEST(PromotionEngine, FlashSaleCountdownLimitsAndSellOut)
{
	Engine engine(library(), 1);
	ASSERT_TRUE(engine.start("flash", 0).ok());
	// Countdown: list price until it opens at 30 s.
	EXPECT_EQ(engine.quote({"a", "CUSHION", 1, {}}, 29'999).value->amount_cents, 22900);
	EXPECT_EQ(engine.price_view("CUSHION", 10'000)->countdown_ms, 20'000);
	EXPECT_EQ(engine.quote({"a", "CUSHION", 1, {}}, 30'000).value->amount_cents, 15900);

	ASSERT_TRUE(engine.place({"a", "CUSHION", 2, {}}, 31'000).ok());
	EXPECT_EQ(engine.place({"a", "CUSHION", 1, {}}, 32'000).refusal, Refusal::PerBuyerLimit);
	EXPECT_EQ(engine.place({"b", "CUSHION", 2, {}}, 32'000).refusal, Refusal::SaleStockExhausted);
	const auto last = engine.place({"b", "CUSHION", 1, {}}, 33'000);
	ASSERT_TRUE(last.ok());
	const auto *end = find(last.events, "promo_end");
	ASSERT_NE(end, nullptr);
	EXPECT_EQ(end->fields["reason"], "sold_out");
	EXPECT_FALSE(engine.is_running("flash"));
	EXPECT_EQ(engine.stock_left("CUSHION"), 7);
	EXPECT_EQ(engine.quote({"c", "CUSHION", 1, {}}, 34'000).value->amount_cents, 22900);
}

TEST(PromotionEngine, FlashSaleEndsOnTime)
{
	Engine engine(library(), 1);
	ASSERT_TRUE(engine.start("flash", 0).ok());
	EXPECT_TRUE(engine.tick(149'999).empty());
	const auto end = engine.tick(150'000); // 30 s countdown + 120 s
	ASSERT_EQ(end.size(), 1u);
	EXPECT_EQ(end[0].fields["reason"], "expired");
}

TEST(PromotionEngine, FlashSaleExcludesQuantityDeals)
{
	Engine engine(library(), 1);
	ASSERT_TRUE(engine.start("b2g1", 0).ok());
	ASSERT_TRUE(engine.start("fake-flash", 0).ok());
	const auto q = engine.quote({"v", "TEE", 1, {}}, 10'000);
	EXPECT_EQ(q.value->amount_cents, 5900);
	EXPECT_EQ(q.value->promo_id, "fake-flash");
}

TEST(PromotionEngine, TwoPricePromotionsOnOneProductAreRefused)
{
	Engine engine(library(), 1);
	ASSERT_TRUE(engine.start("time-tiers", 0).ok());
	EXPECT_EQ(engine.start("fake-flash", 0).refusal, Refusal::PriceConflict);
	EXPECT_EQ(engine.start("time-tiers", 0).refusal, Refusal::AlreadyRunning);
	EXPECT_EQ(engine.start("nope", 0).refusal, Refusal::UnknownPromotion);
}

TEST(PromotionEngine, CouponClaimLimitsAndBestChoice)
{
	Engine engine(library(), 1);
	ASSERT_TRUE(engine.start("save30", 0).ok());
	ASSERT_TRUE(engine.start("pct10", 0).ok());
	const auto claim = engine.claim_coupon("v", "save30", 1000);
	ASSERT_TRUE(claim.ok());
	EXPECT_EQ(claim.events[0].type, "coupon_claim");
	EXPECT_EQ(engine.claim_coupon("v", "save30", 1000).refusal, Refusal::CouponLimit); // per viewer
	ASSERT_TRUE(engine.claim_coupon("w", "save30", 1000).ok());
	EXPECT_EQ(engine.claim_coupon("x", "save30", 1000).refusal, Refusal::CouponLimit); // total 2
	ASSERT_TRUE(engine.claim_coupon("v", "pct10", 1000).ok());

	// 3 tees = ¥297: spend-save saves ¥30, 10% saves ¥29.70 → spend-save is chosen.
	auto best = engine.quote({"v", "TEE", 3, {}}, 2000);
	EXPECT_EQ(best.value->coupon_id, "save30");
	EXPECT_EQ(best.value->amount_cents, 29700 - 3000);
	// Named: the buyer's choice stands.
	auto named = engine.quote({"v", "TEE", 3, std::string("pct10")}, 2000);
	EXPECT_EQ(named.value->coupon_id, "pct10");
	EXPECT_EQ(named.value->amount_cents, 29700 - 2970);
	// Below the threshold only the percent coupon applies.
	EXPECT_EQ(engine.quote({"v", "TEE", 1, {}}, 2000).value->coupon_id, "pct10");
	// Used once, gone.
	ASSERT_TRUE(engine.place({"v", "TEE", 3, {}}, 3000).ok());
	EXPECT_EQ(engine.quote({"v", "TEE", 3, {}}, 3000).value->coupon_id, "pct10");
	EXPECT_EQ(engine.place({"v", "TEE", 3, std::string("save30")}, 3000).refusal, Refusal::CouponNotUsable);
	// Validity window: after 600 s the coupons end and no longer apply.
	engine.tick(600'000);
	EXPECT_FALSE(engine.quote({"v", "TEE", 3, {}}, 600'000).value->coupon_id.has_value());
	EXPECT_EQ(engine.claim_coupon("z", "pct10", 600'000).refusal, Refusal::NotRunning);
}

// The badge names the live coupon that saves the most on this product at its price now (on the
// fewest units that can use it), not the one with the largest cap.
TEST(PromotionEngine, CouponBadgeRanksBySavingNotByCap)
{
	Engine engine(library(), 1);
	ASSERT_TRUE(engine.start("save30", 0).ok());
	ASSERT_TRUE(engine.start("pct10", 0).ok());
	// Cushion ¥229: one unit reaches ¥199, so spend-save saves ¥30; 10% saves ¥22.90 (cap ¥50).
	EXPECT_EQ(engine.price_view("CUSHION", 0)->coupon_badge_id, "save30");
	// Honey ¥89: three jars (¥267) reach ¥199 and save ¥30; 10% of one jar is ¥8.90.
	EXPECT_EQ(engine.price_view("HONEY", 0)->coupon_badge_id, "save30");
	// Tee in its flash sale (¥59, one per buyer): ¥199 cannot be reached, so only 10% (¥5.90) saves.
	ASSERT_TRUE(engine.start("fake-flash", 0).ok());
	engine.tick(10'000);
	ASSERT_EQ(engine.price_view("TEE", 10'000)->price_cents, 5900);
	EXPECT_EQ(engine.price_view("TEE", 10'000)->coupon_badge_id, "pct10");
	// No stock: no coupon saves anything on it, so no badge.
	engine.set_stock("CUSHION", 0, 10'000);
	EXPECT_EQ(engine.price_view("CUSHION", 10'000)->coupon_badge_id, "");
}

TEST(PromotionEngine, CouponStacksWithPricePromotionAndCapApplies)
{
	Engine engine(library(), 1);
	ASSERT_TRUE(engine.start("tiers", 0).ok());
	ASSERT_TRUE(engine.start("pct10", 0).ok());
	ASSERT_TRUE(engine.claim_coupon("v", "pct10", 0).ok());
	// 99 jars at ¥59 = ¥5841; 10% would be ¥584.10, capped at ¥50.
	const auto q = engine.quote({"v", "HONEY", 99, {}}, 0);
	EXPECT_EQ(q.value->amount_cents, 99 * 5900 - 5000);
	EXPECT_EQ(q.value->discount_cents, 99 * 8900 - (99 * 5900 - 5000));
}

TEST(PromotionEngine, NoOversellAndSoldOutEndsStockPromotions)
{
	Engine engine(library(), 1);
	ASSERT_TRUE(engine.start("b2g1", 0).ok());
	EXPECT_EQ(engine.place({"v", "TEE", 51, {}}, 0).refusal, Refusal::OutOfStock);
	const auto all = engine.place({"v", "TEE", 50, {}}, 0);
	ASSERT_TRUE(all.ok());
	EXPECT_EQ(engine.stock_left("TEE"), 0);
	const auto *end = find(all.events, "promo_end");
	ASSERT_NE(end, nullptr);
	EXPECT_EQ(end->fields["promo_id"], "b2g1");
	EXPECT_EQ(end->fields["reason"], "sold_out");
	EXPECT_EQ(engine.place({"w", "TEE", 1, {}}, 0).refusal, Refusal::OutOfStock);
	EXPECT_EQ(engine.start("time-tiers", 0).refusal, Refusal::OutOfStock);
}

TEST(PromotionEngine, LuckyBagDrawIsReproducibleFromTheSeed)
{
	auto draw = [](uint64_t seed) {
		Engine engine(library(), seed);
		EXPECT_TRUE(engine.start("bag", 0).ok());
		for (int i = 0; i < 20; ++i)
			engine.on_comment("v" + std::to_string(i), "我想要！", i % 4 != 0, 1000);
		engine.on_comment("v1", "想要想要", true, 2000);  // entering twice counts once
		engine.on_comment("late", "随便看看", true, 3000); // no keyword
		EXPECT_EQ(engine.lucky_bags(3000).at(0).entrants, 15);
		const auto end = engine.tick(60'000);
		EXPECT_EQ(end.size(), 1u);
		EXPECT_EQ(end[0].fields["entrants"], 15);
		return end[0].fields["winners"].get<std::vector<std::string>>();
	};
	const auto a = draw(42);
	ASSERT_EQ(a.size(), 2u);
	EXPECT_NE(a[0], a[1]);
	for (const auto &w : a) {
		const int n = std::stoi(w.substr(1));
		EXPECT_NE(n % 4, 0) << w << " did not follow";
	}
	EXPECT_EQ(draw(42), a);
	bool differs = false;
	for (uint64_t seed = 1; seed < 10 && !differs; ++seed)
		differs = draw(seed) != a;
	EXPECT_TRUE(differs) << "the seed does not influence the draw";
}

TEST(PromotionEngine, PriceHonestyFlagsWhenAPromotionStarts)
{
	Engine engine(library(), 1);
	const auto started = engine.start("fake-flash", 0);
	ASSERT_TRUE(started.ok());
	const auto *flag = find(started.events, "compliance_flag");
	ASSERT_NE(flag, nullptr);
	EXPECT_EQ(flag->fields["rule"], "fake_original_price");
	EXPECT_EQ(flag->fields["where"], "price");
	EXPECT_EQ(find(engine.start("tiers", 0).events, "compliance_flag"), nullptr); // honest
}

// Random sequences of every operation: stock never negative, the amount identity always holds.
TEST(PromotionEngine, PropertyStockNeverNegativeAndAmountIdentityHolds)
{
	const auto lib = library();
	const std::vector<std::string> promos = {"tiers", "time-tiers", "half", "b2g1", "breaks", "flash", "fake-flash", "save30", "pct10", "bag"};
	const std::vector<std::string> skus = {"HONEY", "TEE", "CUSHION"};
	for (uint64_t seed = 1; seed <= 40; ++seed) {
		lcs::util::Rng rng(seed);
		Engine engine(lib, seed);
		int64_t now = 0;
		int64_t booked[3] = {0, 0, 0};
		for (int step = 0; step < 400; ++step) {
			now += rng.between(0, 5000);
			const auto op = rng.below(10);
			const std::string viewer = "v" + std::to_string(rng.below(12));
			if (op < 2) {
				engine.start(promos[rng.below(promos.size())], now);
			} else if (op == 2) {
				engine.stop(promos[rng.below(promos.size())], now);
			} else if (op == 3) {
				engine.claim_coupon(viewer, rng.chance(0.5) ? "save30" : "pct10", now);
			} else if (op == 4) {
				engine.tick(now);
			} else {
				const size_t k = rng.below(skus.size());
				std::optional<std::string> coupon;
				if (rng.chance(0.2))
					coupon = rng.chance(0.5) ? "save30" : "pct10";
				const auto o = engine.place({viewer, skus[k], static_cast<int>(rng.between(1, 8)), coupon}, now);
				if (o.ok()) {
					const auto &order = *o.value;
					booked[k] += order.qty;
					EXPECT_EQ(order.amount_cents, order.qty * order.unit_price_cents - order.discount_cents);
					EXPECT_GE(order.discount_cents, 0);
					EXPECT_GE(order.amount_cents, 0);
					const auto *e = find(o.events, "order");
					ASSERT_NE(e, nullptr);
					EXPECT_EQ(e->fields["amount_cents"].get<int64_t>(),
						  e->fields["qty"].get<int64_t>() * e->fields["unit_price_cents"].get<int64_t>() -
							  e->fields["discount_cents"].get<int64_t>());
				}
			}
			for (const auto &sku : skus)
				ASSERT_GE(engine.stock_left(sku), 0) << "seed " << seed << " step " << step;
		}
		EXPECT_EQ(engine.stock_left("HONEY"), 1000 - booked[0]);
		EXPECT_EQ(engine.stock_left("TEE"), 50 - booked[1]);
		EXPECT_EQ(engine.stock_left("CUSHION"), 10 - booked[2]);
	}
}

} // namespace

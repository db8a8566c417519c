// lcs_price_card inside libobs: empty when nothing is pinned; shows the pinned product; the price
// area changes when a tiered price moves to its next tier.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <string>
#include <unistd.h>

#include <obs.hpp>

#include "obs_harness.hpp"
#include "obs_hotkeys.hpp"
#include "sources/order-ticker/order-ticker-painter.hpp"

namespace {
using lcs::test::Frame;
using lcs::test::ObsHarness;
using lcs::test::press_hotkey;

constexpr uint32_t kW = 440;
constexpr uint32_t kH = 300;

// A product whose tiered price steps up after 2 seconds (time basis), launched by the first cue.
std::string write_pack()
{
	const std::string path = testing::TempDir() + "price-card-pack-" + std::to_string(getpid()) + ".json";
	std::ofstream(path) << R"({
  "format": "lcs.pack/1",
  "pack": { "id": "card-test", "name": "Card test", "version": "1.0.0", "language": "zh-CN", "authors": ["t"], "license": "x" },
  "products": [ { "sku": "HONEY", "name": "秦岭土蜂蜜 500g", "list_price_cents": 8900, "stock": 600, "category": "food",
                  "selling_points": ["s"] } ],
  "promotions": [ { "id": "tiers", "type": "tiered_price", "sku": "HONEY", "basis": "time", "strike_price_cents": 8900,
                    "tiers": [ { "up_to": 2, "price_cents": 5900 }, { "price_cents": 7900 } ] } ],
  "segments": [ { "id": "price", "name": "报价", "kind": "price_reveal", "planned_seconds": 120,
                  "cues": [ { "id": "price-1", "text": "上阶梯价！", "pin": "HONEY", "promotion": "tiers" } ] } ]
})";
	return path;
}

/// Chooses the pack in a prompter's properties (a prompter only being created would not replace a
/// script already in use) and waits until it is the script in use.
OBSSourceAutoRelease load_script_with_prompter(const std::string &pack)
{
	OBSDataAutoRelease settings = obs_data_create();
	OBSSourceAutoRelease prompter = obs_source_create("lcs_cue_prompter", "card test prompter", settings, nullptr);
	OBSDataAutoRelease choice = obs_data_create();
	obs_data_set_string(choice, "pack", "custom");
	obs_data_set_string(choice, "pack_file", pack.c_str());
	obs_source_update(prompter, choice);
	ObsHarness::wait_until([&] {
		obs_properties_t *props = obs_source_properties(prompter);
		obs_property_t *status = obs_properties_get(props, "pack_status");
		const bool loaded = status && std::string(obs_property_description(status)).find(pack) != std::string::npos;
		obs_properties_destroy(props);
		return loaded;
	});
	return prompter;
}

OBSSourceAutoRelease make_card()
{
	OBSDataAutoRelease settings = obs_data_create();
	obs_data_set_int(settings, "width", kW);
	obs_data_set_int(settings, "height", kH);
	return obs_source_create("lcs_price_card", "card", settings, nullptr);
}

Frame render_until(obs_source_t *source, const std::function<bool(const Frame &)> &done)
{
	Frame frame;
	ObsHarness::wait_until([&] {
		frame = ObsHarness::render(source, kW, kH);
		return done(frame);
	}, std::chrono::seconds(8));
	return frame;
}

TEST(PriceCard, IsTransparentUntilAProductIsPinnedThenShowsItAndTheTierChange)
{
	const std::string pack = write_pack();
	auto prompter = load_script_with_prompter(pack);
	auto card = make_card();
	ASSERT_NE(card.Get(), nullptr);
	EXPECT_EQ(obs_source_get_width(card), kW);

	ObsHarness::wait_frames(5);
	const Frame empty = ObsHarness::render(card, kW, kH);
	EXPECT_EQ(empty.count_opaque(0, 0, kW, kH), 0) << "nothing pinned: the card must be transparent";

	ASSERT_TRUE(press_hotkey("lcs.pin_next_product"));
	const Frame pinned = render_until(card, [](const Frame &f) { return f.count_opaque(0, 0, kW, kH) > 1000; });
	ASSERT_GT(pinned.count_opaque(0, 0, kW, kH), 1000) << "the pinned product is not drawn";

	ASSERT_TRUE(press_hotkey("lcs.toggle_segment_promotion"));
	const Frame tier0 = render_until(card, [&](const Frame &f) { return f.count_different(pinned, 0, 0, kW, kH) > 300; });
	ASSERT_GT(tier0.count_different(pinned, 0, 0, kW, kH), 300) << "launching the tiered price changed nothing";

	// Two seconds after launch the price moves to the next tier: the price area must change.
	const uint32_t price_top = kH * 35 / 100;
	const uint32_t price_h = kH * 30 / 100;
	const Frame tier1 = render_until(card, [&](const Frame &f) {
		return f.count_different(tier0, 0, price_top, kW, price_h) > 200;
	});
	EXPECT_GT(tier1.count_different(tier0, 0, price_top, kW, price_h), 200) << "the price area did not change";
	if (HasFailure() || std::getenv("LCS_TEST_ARTIFACTS")) {
		pinned.save_png("price_card_pinned");
		tier0.save_png("price_card_tier0");
		tier1.save_png("price_card_tier1");
	}
	ASSERT_TRUE(press_hotkey("lcs.toggle_segment_promotion")); // stop it again
	std::remove(pack.c_str());
}

TEST(OrderTickerPainter, DrawsOneRowPerOrderAndFades)
{
	lcs::obs::OrderTickerStyle style;
	std::vector<lcs::obs::TickerRow> rows = {{"王**", "刚刚下单 蜂蜜 ×2", 100}};
	const QImage one = lcs::obs::OrderTickerPainter::paint(rows, style);
	rows.push_back({"a**", "刚刚下单 猕猴桃 ×1", 100});
	const QImage two = lcs::obs::OrderTickerPainter::paint(rows, style);
	rows[1].alpha_percent = 30;
	const QImage faded = lcs::obs::OrderTickerPainter::paint(rows, style);
	auto opaque_rows = [](const QImage &img) {
		int n = 0;
		for (int y = 0; y < img.height(); ++y) {
			bool any = false;
			for (int x = 0; x < img.width() && !any; ++x)
				any = qAlpha(img.pixel(x, y)) > 100;
			n += any ? 1 : 0;
		}
		return n;
	};
	EXPECT_GT(opaque_rows(one), 10);
	EXPECT_GT(opaque_rows(two), opaque_rows(one) * 3 / 2);
	EXPECT_LT(opaque_rows(faded), opaque_rows(two));
	EXPECT_EQ(opaque_rows(lcs::obs::OrderTickerPainter::paint({}, style)), 0);
}

TEST(OrderTicker, IsRegisteredAndEmptyWithoutOrders)
{
	OBSDataAutoRelease settings = obs_data_create();
	OBSSourceAutoRelease ticker = obs_source_create("lcs_order_ticker", "ticker", settings, nullptr);
	ASSERT_NE(ticker.Get(), nullptr);
	ObsHarness::wait_frames(3);
	const Frame f = ObsHarness::render(ticker, obs_source_get_width(ticker), obs_source_get_height(ticker));
	EXPECT_EQ(f.count_opaque(0, 0, f.width, f.height), 0);
}

} // namespace

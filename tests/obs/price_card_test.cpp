// lcs_price_card inside libobs: empty when nothing is pinned; shows the pinned product; the price
// area changes when a tiered price moves to its next tier; the product image is decoded once; a
// card shown nowhere does not repaint.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#include <QImage>
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
	obs_source_inc_showing(card); // as in a scene on screen: a hidden card does not repaint

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
	obs_source_dec_showing(card);
	std::remove(pack.c_str());
}

// A product with a picture and a flash sale whose 60 s countdown the card shows.
std::string write_image_pack(const std::string &name)
{
	// One folder per test: a new pack file is a new script (fresh promotions), an unchanged one
	// would not be reloaded.
	const std::string dir = testing::TempDir() + "price-card-" + name + "-" + std::to_string(getpid());
	std::filesystem::create_directories(dir);
	QImage picture(300, 200, QImage::Format_RGBA8888);
	picture.fill(QColor(200, 40, 40));
	EXPECT_TRUE(picture.save(QString::fromStdString(dir + "/jam.png")));
	const std::string path = dir + "/card-image.json";
	std::ofstream(path) << R"({
  "format": "lcs.pack/1",
  "pack": { "id": "card-image", "name": "Card image", "version": "1.0.0", "language": "zh-CN", "authors": ["t"], "license": "x" },
  "products": [ { "sku": "JAM", "name": "蓝莓果酱 300g", "list_price_cents": 3900, "stock": 600, "category": "food",
                  "selling_points": ["s"], "image": "jam.png" } ],
  "promotions": [ { "id": "flash", "type": "flash_sale", "sku": "JAM", "price_cents": 2900, "countdown_seconds": 60,
                    "duration_seconds": 600, "stock": 100, "per_buyer_limit": 2 } ],
  "segments": [ { "id": "flash", "name": "秒杀", "kind": "price_reveal", "planned_seconds": 120,
                  "cues": [ { "id": "flash-1", "text": "秒杀倒计时！", "pin": "JAM", "promotion": "flash" } ] } ]
})";
	return path;
}

struct RenderStats {
	long long repaints = -1;
	long long decodes = -1;
	long long scales = -1;
};

/// The card's own counters (its "lcs_render_stats" proc).
RenderStats stats_of(obs_source_t *source)
{
	RenderStats r;
	calldata_t cd;
	calldata_init(&cd);
	if (proc_handler_call(obs_source_get_proc_handler(source), "lcs_render_stats", &cd)) {
		r.repaints = calldata_int(&cd, "repaints");
		r.decodes = calldata_int(&cd, "image_decodes");
		r.scales = calldata_int(&cd, "image_scales");
	}
	calldata_free(&cd);
	return r;
}

/// Pins the pack's product (once the prompter's pack is in use) and starts its flash sale;
/// `witness` is a card on screen that must show it.
void pin_and_start_flash_sale(obs_source_t *witness)
{
	Frame pinned;
	ASSERT_TRUE(ObsHarness::wait_until([&] {
		if (ObsHarness::render(witness, kW, kH).count_opaque(0, 0, kW, kH) > 1000)
			return true;
		press_hotkey("lcs.pin_next_product");
		ObsHarness::wait_frames(3);
		return false;
	}, std::chrono::seconds(10))) << "the product with a picture is never drawn";
	pinned = ObsHarness::render(witness, kW, kH);
	ASSERT_TRUE(press_hotkey("lcs.toggle_segment_promotion"));
	const Frame counting = render_until(witness, [&](const Frame &f) { return f.count_different(pinned, 0, 0, kW, kH) > 100; });
	ASSERT_GT(counting.count_different(pinned, 0, 0, kW, kH), 100) << "the flash sale countdown is not drawn";
}

/// Many snapshots: every hotkey command publishes one (the segment timer toggled an even number
/// of times changes nothing drawn on the card).
void publish_many_snapshots(int n)
{
	for (int i = 0; i < n; ++i) {
		press_hotkey("lcs.toggle_segment_timer");
		ObsHarness::wait_frames(1);
	}
}

TEST(PriceCard, DecodesTheImageOnceAndRepaintsOnlyWhenTheShownSecondChanges)
{
	const std::string pack = write_image_pack("decode-once");
	auto prompter = load_script_with_prompter(pack);
	auto card = make_card();
	obs_source_inc_showing(card);
	pin_and_start_flash_sale(card);
	if (HasFatalFailure())
		return;
	const RenderStats before = stats_of(card);
	ASSERT_GE(before.repaints, 1) << "no lcs_render_stats proc on the card";
	const auto start = std::chrono::steady_clock::now();
	publish_many_snapshots(60);
	const RenderStats after = stats_of(card);
	const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - start).count();
	EXPECT_EQ(after.decodes, 1) << "the picture is decoded at every repaint (" << after.repaints << " repaints)";
	EXPECT_EQ(after.scales, 1);
	// The countdown shows whole seconds: one repaint a second at most, not one per snapshot.
	EXPECT_LE(after.repaints - before.repaints, seconds + 2) << "over " << seconds << " s of 60 snapshots";
	ASSERT_TRUE(press_hotkey("lcs.toggle_segment_promotion")); // stop the sale
	obs_source_dec_showing(card);
}

TEST(PriceCard, AHiddenCardDoesNotRepaintAndCatchesUpWhenShown)
{
	const std::string pack = write_image_pack("hidden");
	auto prompter = load_script_with_prompter(pack);
	auto witness = make_card();
	obs_source_inc_showing(witness);
	OBSDataAutoRelease settings = obs_data_create();
	obs_data_set_int(settings, "width", kW);
	obs_data_set_int(settings, "height", kH);
	OBSSourceAutoRelease hidden = obs_source_create("lcs_price_card", "hidden card", settings, nullptr);
	pin_and_start_flash_sale(witness);
	if (HasFatalFailure())
		return;
	publish_many_snapshots(30);
	const RenderStats while_hidden = stats_of(hidden);
	EXPECT_EQ(while_hidden.repaints, 0) << "a card shown nowhere repainted";
	EXPECT_EQ(while_hidden.decodes, 0);

	obs_source_inc_showing(hidden); // e.g. its scene goes to program
	const Frame shown = render_until(hidden, [](const Frame &f) { return f.count_opaque(0, 0, kW, kH) > 1000; });
	EXPECT_GT(shown.count_opaque(0, 0, kW, kH), 1000) << "the card shown again does not show the pinned product";
	EXPECT_GE(stats_of(hidden).repaints, 1);
	EXPECT_EQ(stats_of(hidden).decodes, 1);
	ASSERT_TRUE(press_hotkey("lcs.toggle_segment_promotion")); // stop the sale
	obs_source_dec_showing(hidden);
	obs_source_dec_showing(witness);
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

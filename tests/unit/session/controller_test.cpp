// The session controller with a real bundled pack: pins, promotions, orders and their events.
#include <gtest/gtest.h>

#include "core/pack/library.hpp"
#include "core/session/controller.hpp"

namespace {
using namespace lcs::session;

std::shared_ptr<const lcs::pack::Library> farm_pack()
{
	auto loaded = lcs::pack::Library::load({std::filesystem::u8path(std::string(LCS_SOURCE_DIR) +
									     "/scripts-library/packs/farm-origin/farm-origin.zh-CN.json")});
	EXPECT_TRUE(loaded.library) << (loaded.diagnostics.empty() ? "" : loaded.diagnostics[0].to_string());
	return loaded.library;
}

bool has_event(const Controller &c, const std::string &type)
{
	for (const auto &e : c.events())
		if (e.type == type)
			return true;
	return false;
}

TEST(SessionControllerLive, PinCyclesThroughTheShelfAndLogsPinAndUnpin)
{
	Controller c;
	c.submit(UseLibrary{farm_pack(), 7, nullptr});
	c.tick(0);
	c.submit(PinNextProduct{});
	c.tick(10);
	EXPECT_EQ(c.snapshot()->pinned_sku, "FARM-HONEY-500");
	ASSERT_TRUE(c.snapshot()->pinned.has_value());
	EXPECT_EQ(c.snapshot()->pinned->price_cents, 5900); // the honey's list price
	EXPECT_TRUE(has_event(c, "product_pin"));
	c.submit(PinNextProduct{});
	c.tick(10);
	EXPECT_EQ(c.snapshot()->pinned_sku, "FARM-KIWI-2500");
	EXPECT_TRUE(has_event(c, "product_unpin"));
	c.submit(PinNextProduct{});
	c.tick(10);
	EXPECT_EQ(c.snapshot()->pinned_sku, "FARM-HONEY-500"); // wraps around
	c.submit(PinPreviousProduct{});
	c.tick(10);
	EXPECT_EQ(c.snapshot()->pinned_sku, "FARM-KIWI-2500");
	c.submit(PinProduct{"NOPE"});
	c.tick(10);
	EXPECT_EQ(c.snapshot()->pinned_sku, "FARM-KIWI-2500");
	EXPECT_NE(c.snapshot()->last_refusal.find("unknown_product"), std::string::npos);
}

TEST(SessionControllerLive, SegmentPromotionToggleStartsThenStops)
{
	Controller c;
	c.submit(UseLibrary{farm_pack(), 7, nullptr});
	c.submit(JumpToSegment{"farm-price"});
	c.submit(ToggleSegmentPromotion{});
	c.tick(0);
	ASSERT_EQ(c.snapshot()->running_promotions, std::vector<std::string>{"farm-honey-tiers"});
	EXPECT_TRUE(has_event(c, "promo_start"));
	c.submit(ToggleSegmentPromotion{});
	c.tick(0);
	EXPECT_TRUE(c.snapshot()->running_promotions.empty());
	c.submit(ToggleSegmentPromotion{}); // the tiers ran already: the next is the coupon
	c.tick(0);
	EXPECT_EQ(c.snapshot()->running_promotions, std::vector<std::string>{"farm-coupon-70-6"});
}

TEST(SessionControllerLive, OrdersOnThePinnedProductReachTheTickerAndTotals)
{
	Controller c;
	c.set_viewer_name("v1", "王小明");
	c.submit(UseLibrary{farm_pack(), 7, nullptr});
	c.submit(PinProduct{"FARM-HONEY-500"});
	c.submit(StartPromotion{"farm-honey-tiers"});
	c.submit(PlaceOrder{"v1", "", 2, {}});
	c.submit(PlaceOrder{"v2", "", 1, {}});
	c.tick(100);
	const auto s = c.snapshot();
	ASSERT_EQ(s->recent_orders.size(), 2u);
	EXPECT_EQ(s->recent_orders[0].buyer, "王**");
	EXPECT_EQ(s->recent_orders[0].qty, 2);
	EXPECT_EQ(s->recent_orders[0].amount_cents, 2 * 3900); // the first tier
	EXPECT_EQ(s->recent_orders[1].buyer, "v**");
	EXPECT_EQ(s->orders, 2);
	EXPECT_EQ(s->units, 3);
	EXPECT_EQ(s->gmv_cents, 3 * 3900);
	EXPECT_EQ(s->pinned->tier_sold, 3);
	EXPECT_EQ(s->pinned->stock_left, 600 - 3);
}

TEST(SessionControllerLive, PublishesEverySecondForCountdowns)
{
	Controller c;
	c.submit(UseLibrary{farm_pack(), 7, nullptr});
	c.tick(0);
	const auto v = c.snapshot()->version;
	c.tick(999);
	EXPECT_EQ(c.snapshot()->version, v);
	c.tick(1);
	EXPECT_EQ(c.snapshot()->version, v + 1);
	EXPECT_EQ(c.snapshot()->now_ms, 1000);
}

// Snapshots are published up to 60 times a second: the open questions (thousands in a room the
// host leaves unanswered) are shared by every snapshot until one is asked or answered, not copied
// into each; a snapshot already handed out never changes.
TEST(SessionControllerLive, SnapshotsShareTheOpenQuestionsUntilOneIsAskedOrAnswered)
{
	Controller c;
	c.submit(UseLibrary{farm_pack(), 7, nullptr});
	for (int i = 0; i < 3; ++i)
		c.submit(InjectComment{"问题" + std::to_string(i), "question", "coach", "q" + std::to_string(i)});
	c.submit(InjectComment{"好看", "chat", "coach", "chat-1"});
	c.tick(0);
	const auto asked = c.snapshot();
	ASSERT_EQ(asked->open_questions.size(), 3u);
	c.submit(NextCue{}); // a publish with nothing new for the questions
	c.tick(10);
	const auto navigated = c.snapshot();
	ASSERT_GT(navigated->version, asked->version);
	EXPECT_TRUE(navigated->open_questions.shares_with(asked->open_questions));

	c.submit(AnswerComment{"q1"});
	c.tick(10);
	const auto answered = c.snapshot();
	EXPECT_FALSE(answered->open_questions.shares_with(asked->open_questions));
	ASSERT_EQ(answered->open_questions.size(), 2u);
	EXPECT_EQ(answered->open_questions[0].comment_id, "q0");
	EXPECT_EQ(answered->open_questions[1].comment_id, "q2");
	ASSERT_EQ(asked->open_questions.size(), 3u); // what an overlay still holds stays as it was
	EXPECT_EQ(asked->open_questions[1].comment_id, "q1");

	c.submit(InjectComment{"还有吗", "question", "coach", "q3"});
	c.tick(10);
	EXPECT_FALSE(c.snapshot()->open_questions.shares_with(answered->open_questions));
	EXPECT_EQ(c.snapshot()->open_questions.size(), 3u);
}

} // namespace

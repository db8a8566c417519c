#include <gtest/gtest.h>

#include "core/overlay/ticker_model.hpp"
#include "core/util/mask_name.hpp"
#include "core/util/money.hpp"

namespace {
using lcs::overlay::TickerModel;

lcs::session::OrderLine order(int n)
{
	lcs::session::OrderLine o;
	o.order_id = "o-" + std::to_string(n);
	o.qty = 1;
	return o;
}

TEST(TickerModel, ABurstEntersOneLineAtATime)
{
	TickerModel model({3, 800, 8000, 1000, 10});
	model.offer({order(1), order(2), order(3)});
	model.advance(0);
	EXPECT_EQ(model.lines().size(), 1u);
	model.advance(500);
	EXPECT_EQ(model.lines().size(), 1u);
	model.advance(800);
	EXPECT_EQ(model.lines().size(), 2u);
	model.offer({order(1), order(2), order(3)}); // already seen: nothing new
	model.advance(1600);
	EXPECT_EQ(model.lines().size(), 3u);
	EXPECT_EQ(model.backlog(), 0u);
	EXPECT_EQ(model.lines().back().order.order_id, "o-3");
}

TEST(TickerModel, KeepsAtMostMaxLinesAndTheNewestBacklog)
{
	TickerModel model({2, 100, 8000, 1000, 3});
	std::vector<lcs::session::OrderLine> burst;
	for (int i = 0; i < 10; ++i)
		burst.push_back(order(i));
	model.offer(burst);
	EXPECT_EQ(model.backlog(), 3u);
	for (int t = 0; t <= 300; t += 100)
		model.advance(t);
	ASSERT_EQ(model.lines().size(), 2u);
	EXPECT_EQ(model.lines().back().order.order_id, "o-9");
}

TEST(TickerModel, LinesFadeAndExpire)
{
	TickerModel model({5, 0, 8000, 1000, 10});
	model.offer({order(1)});
	model.advance(0);
	const auto &line = model.lines().front();
	EXPECT_DOUBLE_EQ(model.alpha(line, 6999), 1.0);
	EXPECT_DOUBLE_EQ(model.alpha(line, 7500), 0.5);
	model.advance(8000);
	EXPECT_TRUE(model.lines().empty());
}

TEST(Money, FormatsYuan)
{
	EXPECT_EQ(lcs::util::format_yuan(5900), "¥59");
	EXPECT_EQ(lcs::util::format_yuan(6990), "¥69.90");
	EXPECT_EQ(lcs::util::format_yuan(5), "¥0.05");
	EXPECT_EQ(lcs::util::format_yuan(-1250), "-¥12.50");
}

TEST(MaskName, KeepsTheFirstCharacter)
{
	EXPECT_EQ(lcs::util::mask_name("王小明"), "王**");
	EXPECT_EQ(lcs::util::mask_name("alice"), "a**");
	EXPECT_EQ(lcs::util::mask_name(""), "");
	EXPECT_EQ(lcs::util::mask_name("😀x"), "😀**");
}

} // namespace

#include "core/audio/voice_activity.hpp"

namespace {
using lcs::audio::VoiceActivity;

TEST(VoiceActivity, HysteresisIgnoresShortPausesAndTheBand)
{
	VoiceActivity v({-40.0, 6.0, 100, 400});
	EXPECT_FALSE(v.feed(-30, 50, 1000).has_value()); // 50 ms above: not yet talk
	EXPECT_EQ(v.feed(-30, 50, 1000), true);          // 100 ms: talk
	EXPECT_FALSE(v.feed(-60, 300, 1000).has_value()); // a pause between words
	EXPECT_FALSE(v.feed(-30, 20, 1000).has_value());
	EXPECT_FALSE(v.feed(-43, 1000, 1000).has_value()); // inside the band: stays talk
	EXPECT_FALSE(v.feed(-60, 399, 1000).has_value());
	EXPECT_EQ(v.feed(-60, 1, 1000), false);           // 400 ms below: silence
	EXPECT_FALSE(v.feed(-60, 5000, 1000).has_value());
	EXPECT_EQ(v.talking(), false);
}

TEST(VoiceActivity, RmsLevel)
{
	std::vector<float> silence(480, 0.0f);
	EXPECT_DOUBLE_EQ(lcs::audio::rms_dbfs(silence.data(), silence.size()), -120.0);
	std::vector<float> half(480, 0.5f);
	EXPECT_NEAR(lcs::audio::rms_dbfs(half.data(), half.size()), -6.02, 0.01);
}

} // namespace

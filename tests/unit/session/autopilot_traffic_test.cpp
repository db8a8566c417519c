// The strong autopilot buys paid traffic as a careful host would: after the warm-up, in a few
// tranches at a moderate bid, only with a product pinned, a promotion running and its own voice
// live, never beyond what is left; the weak host spends it all at once. Hand-made snapshots.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "core/pack/library.hpp"
#include "core/session/autopilot.hpp"

namespace {
using namespace lcs;

// Paid traffic, hand-made: a room with ¥300 to spend at ¥20–¥80 per thousand impressions.
struct AdRoom {
	session::Snapshot s;
	std::vector<std::pair<int64_t, session::BuyTraffic>> bought;

	AdRoom()
	{
		s.session_running = true;
		s.duration_seconds = 1500;
		s.ad_budget_cents = 30000;
		s.min_bid_cpm_cents = 2000;
		s.max_bid_cpm_cents = 8000;
		s.pinned_sku = "FARM-HONEY-500";
		s.running_promotions = {"farm-honey-tiers"};
		s.talking = true;
	}
	void run(session::Autopilot &pilot, int64_t from = 0, int64_t to = 1'500'000)
	{
		for (int64_t t = from; t <= to; t += 100) {
			s.now_ms = t;
			for (const auto &command : pilot.act(s))
				if (const auto *b = std::get_if<session::BuyTraffic>(&command)) {
					bought.emplace_back(t, *b);
					s.ad_spent_cents += b->amount_cents; // what the controller does
				}
		}
	}
};

TEST(AutopilotTraffic, StrongBuysInTranchesAfterTheWarmUpAtAModerateBid)
{
	for (const uint64_t seed : {1u, 2u, 3u, 4u, 5u}) {
		AdRoom room;
		session::Autopilot pilot(session::Policy::Strong, seed);
		room.run(pilot);
		ASSERT_EQ(room.bought.size(), 3u) << seed;
		int64_t spent = 0;
		int64_t last = -1'000'000;
		for (const auto &[t, b] : room.bought) {
			EXPECT_GE(t, 180'000) << "bought during the warm-up";
			EXPECT_LE(t, 1'500'000 - 180'000) << "bought in the last minutes";
			EXPECT_GE(t - last, 180'000) << "tranches too close";
			last = t;
			EXPECT_GT(b.amount_cents, 0);
			EXPECT_LE(b.amount_cents, 30000 - spent);
			EXPECT_GE(b.bid_cpm_cents, 2000 + 6000 * 30 / 100) << "not a moderate bid";
			EXPECT_LE(b.bid_cpm_cents, 2000 + 6000 * 60 / 100) << "not a moderate bid";
			EXPECT_FALSE(b.campaign.empty());
			spent += b.amount_cents;
		}
		EXPECT_EQ(spent, 30000) << seed;
	}
}

TEST(AutopilotTraffic, StrongWaitsForAPinnedProductAPromotionAndItsOwnVoice)
{
	auto bought_with = [](auto change) {
		AdRoom room;
		change(room.s);
		session::Autopilot pilot(session::Policy::Strong, 9);
		room.run(pilot);
		return room.bought.size();
	};
	EXPECT_EQ(bought_with([](session::Snapshot &s) { s.pinned_sku.clear(); }), 0u);
	EXPECT_EQ(bought_with([](session::Snapshot &s) { s.running_promotions.clear(); }), 0u);
	EXPECT_EQ(bought_with([](session::Snapshot &s) { s.talking = false; }), 0u);
	EXPECT_EQ(bought_with([](session::Snapshot &s) { s.ad_budget_cents = 0; }), 0u);
	EXPECT_EQ(bought_with([](session::Snapshot &) {}), 3u);
}

TEST(AutopilotTraffic, NeverMoreThanWhatIsLeft)
{
	// The trainee already spent ¥299.50 from the desk: at most ¥0.50 is left to buy.
	AdRoom room;
	room.s.ad_spent_cents = 29950;
	session::Autopilot pilot(session::Policy::Strong, 4);
	room.run(pilot);
	ASSERT_FALSE(room.bought.empty());
	int64_t spent = 0;
	for (const auto &[t, b] : room.bought)
		spent += b.amount_cents;
	EXPECT_EQ(spent, 50);
	// A ten-minute show: after the first tranche, the next one is the last that fits before the
	// show's last three minutes, so it takes all that is left.
	AdRoom brief;
	brief.s.duration_seconds = 600;
	session::Autopilot quick(session::Policy::Strong, 4);
	brief.run(quick, 0, 600'000);
	ASSERT_EQ(brief.bought.size(), 2u);
	EXPECT_EQ(brief.bought[0].second.amount_cents, 10000);
	EXPECT_EQ(brief.bought[1].second.amount_cents, 20000);
	for (const auto &[t, b] : brief.bought) {
		EXPECT_GE(t, 180'000);
		EXPECT_LE(t, 420'000);
	}
}

TEST(AutopilotTraffic, WeakSpendsItAllAtOnceInAColdRoomAndIdleNever)
{
	AdRoom weak_room;
	weak_room.s.pinned_sku.clear();
	weak_room.s.running_promotions.clear();
	session::Autopilot weak(session::Policy::Weak, 9);
	weak_room.run(weak);
	ASSERT_EQ(weak_room.bought.size(), 1u);
	EXPECT_EQ(weak_room.bought[0].first, 30'000);
	EXPECT_EQ(weak_room.bought[0].second.amount_cents, 30000);
	EXPECT_EQ(weak_room.bought[0].second.bid_cpm_cents, 8000);

	AdRoom idle_room;
	session::Autopilot idle(session::Policy::Idle, 9);
	idle_room.run(idle);
	EXPECT_TRUE(idle_room.bought.empty());
}

std::shared_ptr<const pack::Library> farm_pack()
{
	static auto lib = pack::Library::load({std::string(LCS_SOURCE_DIR) + "/scripts-library/packs/farm-origin/farm-origin.zh-CN.json"}).library;
	return lib;
}

TEST(AutopilotTraffic, APromotionIsDueWhenTheScriptLaunchesOneNow_OrInTheNextSegment)
{
	// farm: 4 interaction, 5 price (launches farm-honey-tiers at cue 2, the coupon at cue 4), 6 objections.
	session::Snapshot s;
	s.library = farm_pack();
	ASSERT_TRUE(s.library);
	s.cue.has_script = true;
	auto due = [&](int segment, int cue) {
		s.cue.segment_index = segment;
		s.cue.cue_index = cue;
		return session::promotion_live_or_next(s);
	};
	EXPECT_FALSE(due(1, 0));
	EXPECT_FALSE(due(3, 5));
	EXPECT_TRUE(due(4, 0));
	EXPECT_TRUE(due(5, 4));
	EXPECT_FALSE(due(5, 5)); // both launched already (and, here, not running)
	EXPECT_FALSE(due(6, 0));
	s.running_promotions = {"farm-coupon-100-10"};
	EXPECT_TRUE(due(6, 0));
}

} // namespace

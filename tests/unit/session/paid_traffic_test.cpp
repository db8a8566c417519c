// Buying traffic (投流) through the controller: the budget is never overspent, refusals say why, a
// purchase is logged as ad_spend and its impressions reach the room as paid viewers.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "core/audience/audience_data.hpp"
#include "core/pack/library.hpp"
#include "core/session/controller.hpp"

namespace {
using namespace lcs;

// The farm pack with an ad budget of ¥300 on its first scenario (bids ¥20–¥80 per thousand).
std::shared_ptr<const pack::Library> farm_with_budget()
{
	std::ifstream in(std::string(LCS_SOURCE_DIR) + "/scripts-library/packs/farm-origin/farm-origin.zh-CN.json");
	auto pack = nlohmann::json::parse(in);
	pack["scenarios"][0]["ads"] = {{"budget_cents", 30000}, {"min_bid_cpm_cents", 2000}, {"max_bid_cpm_cents", 8000}};
	const auto path = std::filesystem::path(testing::TempDir()) / "farm-ads.zh-CN.json";
	std::ofstream(path) << pack.dump();
	auto loaded = pack::Library::load({path});
	EXPECT_TRUE(loaded.library) << loaded.diagnostics.size();
	return loaded.library;
}

std::shared_ptr<const audience::AudienceData> audience_zh()
{
	diag::Diagnostics d;
	auto loaded = audience::AudienceData::load(std::filesystem::u8path(std::string(LCS_SOURCE_DIR) + "/data/audience"), "zh-CN", d);
	return std::make_shared<const audience::AudienceData>(std::move(*loaded));
}

struct Room {
	session::Controller c;
	std::vector<session::Event> events;

	explicit Room(std::shared_ptr<const pack::Library> library)
	{
		c.set_audience_data(audience_zh());
		c.submit(session::UseLibrary{std::move(library), 3, nullptr});
		c.submit(session::StartSession{});
		step(0);
	}
	void step(int64_t dt)
	{
		c.tick(dt);
		events.insert(events.end(), c.events().begin(), c.events().end());
	}
	int count(const std::string &type, const std::string &source = {}) const
	{
		int n = 0;
		for (const auto &e : events)
			if (e.type == type && (source.empty() || (e.fields.contains("source") && e.fields.at("source") == source)))
				++n;
		return n;
	}
};

TEST(PaidTraffic, BudgetIsNeverOverspentAndEachPurchaseIsLogged)
{
	Room room(farm_with_budget());
	auto s = room.c.snapshot();
	EXPECT_EQ(s->ad_budget_cents, 30000);
	EXPECT_EQ(s->ad_spent_cents, 0);

	room.c.submit(session::BuyTraffic{20000, 4000, "warm-up"});
	room.step(1000);
	s = room.c.snapshot();
	EXPECT_EQ(s->ad_spent_cents, 20000);
	EXPECT_EQ(s->paid_impressions, 5000); // ¥200 at ¥40 per thousand
	ASSERT_EQ(room.count("ad_spend"), 1);
	for (const auto &e : room.events)
		if (e.type == "ad_spend") {
			EXPECT_EQ(e.fields.at("amount_cents"), 20000);
			EXPECT_EQ(e.fields.at("impressions"), 5000);
			EXPECT_EQ(e.fields.at("campaign"), "warm-up");
		}

	// ¥150 more than the ¥100 left: refused, nothing spent.
	room.c.submit(session::BuyTraffic{15000, 4000, {}});
	room.step(1000);
	s = room.c.snapshot();
	EXPECT_EQ(s->ad_spent_cents, 20000);
	EXPECT_NE(s->last_refusal.find("budget left"), std::string::npos) << s->last_refusal;
	EXPECT_EQ(room.count("ad_spend"), 1);

	// A bid outside ¥20–¥80: refused. The rest of the budget at the lowest bid (0 = lowest): fine.
	room.c.submit(session::BuyTraffic{5000, 9000, {}});
	room.step(1000);
	EXPECT_NE(room.c.snapshot()->last_refusal.find("bid"), std::string::npos);
	room.c.submit(session::BuyTraffic{10000, 0, {}});
	room.step(1000);
	s = room.c.snapshot();
	EXPECT_EQ(s->ad_spent_cents, 30000);
	EXPECT_EQ(s->paid_impressions, 5000 + 5000);
	room.c.submit(session::BuyTraffic{1, 2000, {}});
	room.step(1000);
	EXPECT_EQ(room.c.snapshot()->ad_spent_cents, 30000);

	// The bought impressions are shown over the next minutes and some of them enter the room.
	for (int i = 0; i < 300; ++i)
		room.step(1000);
	int64_t paid_impressions = 0;
	for (const auto &e : room.events)
		if (e.type == "impressions" && e.fields.contains("source") && e.fields.at("source") == "paid")
			paid_impressions += e.fields.at("count").get<int64_t>();
	EXPECT_EQ(paid_impressions, 10000);
	EXPECT_GT(room.count("viewer_join", "paid"), 0);
}

TEST(PaidTraffic, RefusedWithoutSessionOrBudget)
{
	session::Controller idle;
	idle.submit(session::BuyTraffic{1000, 0, {}});
	idle.tick(0);
	EXPECT_NE(idle.snapshot()->last_refusal.find("no session"), std::string::npos);

	auto plain = pack::Library::load({std::filesystem::u8path(std::string(LCS_SOURCE_DIR) +
								 "/scripts-library/packs/farm-origin/farm-origin.zh-CN.json")})
			     .library;
	Room room(plain);
	room.c.submit(session::BuyTraffic{1000, 0, {}});
	room.step(1000);
	EXPECT_NE(room.c.snapshot()->last_refusal.find("no ad budget"), std::string::npos);
	EXPECT_EQ(room.count("ad_spend"), 0);
}

} // namespace

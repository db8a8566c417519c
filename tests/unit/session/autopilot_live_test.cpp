// The autopilot hosts end to end, through the controller on the farm pack with a ¥300 ad budget:
// the strong host answers at most six questions a minute and buys within the budget, the weak
// one spends it all at once at the start.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/audience/audience_data.hpp"
#include "core/metrics/log_reader.hpp"
#include "core/pack/library.hpp"
#include "core/session/headless_run.hpp"
#include "answer_pace.hpp"

namespace {
using namespace lcs;
using test::most_in_a_minute;

// End to end through the controller: the farm pack with a ¥300 budget (bids ¥20–¥80).
std::shared_ptr<const pack::Library> farm_with_budget()
{
	std::ifstream in(std::string(LCS_SOURCE_DIR) + "/scripts-library/packs/farm-origin/farm-origin.zh-CN.json");
	auto pack = nlohmann::json::parse(in);
	pack["scenarios"][0]["ads"] = {{"budget_cents", 30000}, {"min_bid_cpm_cents", 2000}, {"max_bid_cpm_cents", 8000}};
	const auto path = std::filesystem::path(testing::TempDir()) / "autopilot-farm-ads.zh-CN.json";
	std::ofstream(path) << pack.dump();
	auto loaded = pack::Library::load({path});
	EXPECT_TRUE(loaded.library);
	return loaded.library;
}

std::shared_ptr<const audience::AudienceData> audience_zh()
{
	diag::Diagnostics d;
	auto loaded = audience::AudienceData::load(std::filesystem::u8path(std::string(LCS_SOURCE_DIR) + "/data/audience"), "zh-CN", d);
	return std::make_shared<const audience::AudienceData>(std::move(*loaded));
}

struct Logged {
	std::vector<int64_t> answers;
	int questions = 0;
	std::vector<nlohmann::json> spends;
};

Logged run_farm(session::Policy policy, uint64_t seed, const std::string &name)
{
	session::HeadlessOptions o;
	o.seed = seed;
	o.policy = policy;
	o.log_path = testing::TempDir() + name;
	const auto result = session::run_headless(farm_with_budget(), audience_zh(), o);
	EXPECT_TRUE(result.ok) << result.error;
	Logged logged;
	metrics::read_session_log(o.log_path, {}, [&](const nlohmann::json &e) {
		const auto type = e["type"].get<std::string>();
		if (type == "comment_answered")
			logged.answers.push_back(e["t"].get<int64_t>());
		else if (type == "comment" && e["kind"] == "question")
			++logged.questions;
		else if (type == "ad_spend")
			logged.spends.push_back(e);
	});
	return logged;
}

TEST(AutopilotLive, TheStrongHostThroughTheControllerAnswersLikeAPersonAndBuysWithinTheBudget)
{
	for (const uint64_t seed : {7u, 8u}) {
		const auto log = run_farm(session::Policy::Strong, seed, "autopilot-live-" + std::to_string(seed) + ".jsonl");
		ASSERT_FALSE(log.answers.empty()) << seed;
		EXPECT_LE(most_in_a_minute(log.answers), 6) << seed;
		EXPECT_LE(static_cast<int>(log.answers.size()), log.questions);
		// Every purchase was accepted (the controller logs only those), after the warm-up, within
		// the budget, at a bid in range (impressions = amount × 1000 / bid, rounded down).
		ASSERT_FALSE(log.spends.empty()) << seed;
		EXPECT_LE(log.spends.size(), 3u);
		int64_t spent = 0;
		for (const auto &e : log.spends) {
			EXPECT_GE(e["t"].get<int64_t>(), 180'000);
			const int64_t amount = e["amount_cents"].get<int64_t>();
			const int64_t impressions = e["impressions"].get<int64_t>();
			ASSERT_GT(impressions, 0);
			EXPECT_GE(amount * 1000 / impressions, 2000);
			EXPECT_LE(amount * 1000 / (impressions + 1), 8000);
			spent += amount;
		}
		EXPECT_LE(spent, 30000);
	}
}

TEST(AutopilotLive, TheWeakHostSpendsTheBudgetAtOnceAtTheStart)
{
	const auto log = run_farm(session::Policy::Weak, 7, "autopilot-live-weak.jsonl");
	EXPECT_TRUE(log.answers.empty());
	ASSERT_EQ(log.spends.size(), 1u);
	EXPECT_GE(log.spends[0]["t"].get<int64_t>(), 30'000);
	EXPECT_LE(log.spends[0]["t"].get<int64_t>(), 31'000); // the snapshot it acts on is at most a second old
	EXPECT_EQ(log.spends[0]["amount_cents"].get<int64_t>(), 30000);
	EXPECT_EQ(log.spends[0]["impressions"].get<int64_t>(), 3750); // ¥300 at ¥80 per thousand
}

} // namespace

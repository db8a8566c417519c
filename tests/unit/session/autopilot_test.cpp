// The autopilot hosts as a human could be: the strong host answers at most six questions a minute,
// buying ones first, and lets some go in a flood; it buys paid traffic after the warm-up, in a
// few tranches at a moderate bid, never beyond the budget. Driven with hand-made snapshots (the
// host sees nothing else) and, end to end, through the controller on the farm pack.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>

#include <nlohmann/json.hpp>

#include "core/audience/audience_data.hpp"
#include "core/metrics/log_reader.hpp"
#include "core/pack/library.hpp"
#include "core/session/autopilot.hpp"
#include "core/session/headless_run.hpp"
#include "core/session/question_topic.hpp"

namespace {
using namespace lcs;

// A chat the test fills: open questions, oldest first, removed once the host answers them.
struct Chat {
	std::vector<session::FeedComment> open;
	std::map<std::string, std::string> text_of;
	int next = 0;

	std::string ask(int64_t t, const std::string &text)
	{
		session::FeedComment c;
		c.t = t;
		c.comment_id = "q" + std::to_string(next++);
		c.viewer = "v" + std::to_string(next);
		c.text = text;
		c.kind = "question";
		open.push_back(c);
		text_of[c.comment_id] = text;
		return c.comment_id;
	}
	void answered(const std::string &id)
	{
		std::erase_if(open, [&](const auto &c) { return c.comment_id == id; });
	}
};

struct Answer {
	int64_t t = 0;
	std::string id;
};

session::Snapshot room(int64_t now, const Chat &chat)
{
	session::Snapshot s;
	s.session_running = true;
	s.now_ms = now;
	s.duration_seconds = 3600;
	s.open_questions = chat.open;
	s.talking = true;
	return s;
}

// Steps the host every 100 ms from `from` to `to`; `ask` adds questions at each step.
template <typename Ask>
std::vector<Answer> host(session::Autopilot &pilot, Chat &chat, int64_t from, int64_t to, Ask ask)
{
	std::vector<Answer> answers;
	for (int64_t t = from; t <= to; t += 100) {
		ask(t);
		for (const auto &command : pilot.act(room(t, chat)))
			if (const auto *a = std::get_if<session::AnswerComment>(&command)) {
				answers.push_back({t, a->comment_id});
				chat.answered(a->comment_id);
			}
	}
	return answers;
}

int most_in_a_minute(const std::vector<int64_t> &times)
{
	int most = 0;
	for (size_t i = 0; i < times.size(); ++i) {
		int n = 0;
		for (size_t j = i; j < times.size() && times[j] < times[i] + 60'000; ++j)
			++n;
		most = std::max(most, n);
	}
	return most;
}

const char *kBuying[] = {"这个多少钱", "有券吗", "还有货吗", "160斤穿什么码", "什么时候发货", "链接在哪"};
const char *kOther[] = {"是正品吗", "怎么保存", "是纯棉的吗", "退款多久到账", "小孩能吃吗"};

// A busy room: a question every 2 s (30 a minute), buying and other ones alternating.
std::vector<Answer> flood(session::Policy policy, uint64_t seed, Chat &chat)
{
	session::Autopilot pilot(policy, seed);
	int n = 0;
	return host(pilot, chat, 0, 600'000, [&](int64_t t) {
		if (t % 2000 == 0) {
			chat.ask(t, n % 2 ? kBuying[n % 6] : kOther[n % 5]);
			++n;
		}
	});
}

TEST(AutopilotTriage, AnswersAtMostSixAMinuteInAFloodAndLetsTheRestGo)
{
	Chat chat;
	const auto answers = flood(session::Policy::Strong, 7, chat);
	std::vector<int64_t> times;
	std::map<std::string, int64_t> asked;
	for (int i = 0; i < chat.next; ++i)
		asked["q" + std::to_string(i)] = int64_t{i} * 2000;
	int buying = 0;
	for (const auto &a : answers) {
		times.push_back(a.t);
		// Never a question that had waited past 90 s when the host picked it (it answers 2–4 s later).
		EXPECT_LE(a.t - asked[a.id], 94'000) << a.id;
		buying += session::is_buying(session::classify_question(chat.text_of[a.id]));
	}
	EXPECT_LE(most_in_a_minute(times), 6);
	// Working all the time: an answer takes 8–12 s of attention, so about five or six a minute.
	EXPECT_GE(answers.size(), 45u);
	// 300 asked in 10 minutes, most of them left unanswered.
	EXPECT_EQ(chat.next, 301);
	EXPECT_GT(chat.open.size(), 200u);
	// Buying questions outnumber what the host can answer, so it answers (nearly) only those.
	EXPECT_GE(buying * 10, static_cast<int>(answers.size()) * 9) << buying << " of " << answers.size();
}

TEST(AutopilotTriage, ABuyingQuestionAskedAfterAnotherIsAnsweredFirst)
{
	session::Autopilot pilot(session::Policy::Strong, 3);
	Chat chat;
	std::string first, other, buying;
	const auto answers = host(pilot, chat, 0, 60'000, [&](int64_t t) {
		if (t == 0)
			first = chat.ask(t, "是纯棉的吗"); // picked at once: the host is busy for 8–12 s
		else if (t == 1000)
			other = chat.ask(t, "is this legit?");
		else if (t == 2000)
			buying = chat.ask(t, "how much is the honey?");
	});
	ASSERT_EQ(answers.size(), 3u);
	EXPECT_EQ(answers[0].id, first);
	EXPECT_EQ(answers[1].id, buying);
	EXPECT_EQ(answers[2].id, other);
	// One at a time: each answer 8–12 s after the one before it.
	EXPECT_GE(answers[1].t - answers[0].t, 8'000 - 4'000 + 2'000);
	EXPECT_LE(answers[2].t - answers[1].t, 12'000 + 4'000 - 2'000);
}

TEST(AutopilotTriage, AQuietRoomIsAnsweredWithinSeconds)
{
	session::Autopilot pilot(session::Policy::Strong, 11);
	Chat chat;
	std::map<std::string, int64_t> asked;
	const auto answers = host(pilot, chat, 0, 300'000, [&](int64_t t) {
		if (t % 30'000 == 5'000)
			asked[chat.ask(t, "发什么快递")] = t;
	});
	ASSERT_EQ(answers.size(), asked.size());
	for (const auto &a : answers) {
		EXPECT_GE(a.t - asked[a.id], 2'000);
		EXPECT_LE(a.t - asked[a.id], 4'000);
	}
}

TEST(AutopilotTriage, AQuestionAnsweredFromTheDeskIsNotAnsweredAgain)
{
	session::Autopilot pilot(session::Policy::Strong, 5);
	Chat chat;
	std::string id;
	const auto answers = host(pilot, chat, 0, 30'000, [&](int64_t t) {
		if (t == 0)
			id = chat.ask(t, "多少钱");
		else if (t == 1000)
			chat.answered(id); // the trainee clicked it on the desk while the autopilot was reading
	});
	EXPECT_TRUE(answers.empty());
}

TEST(AutopilotTriage, WeakAndIdleHostsIgnoreQuestions)
{
	for (const auto policy : {session::Policy::Weak, session::Policy::Idle}) {
		Chat chat;
		EXPECT_TRUE(flood(policy, 7, chat).empty());
	}
}

TEST(AutopilotTriage, SameSeedSameAnswers)
{
	Chat a, b;
	const auto x = flood(session::Policy::Strong, 21, a);
	const auto y = flood(session::Policy::Strong, 21, b);
	ASSERT_EQ(x.size(), y.size());
	for (size_t i = 0; i < x.size(); ++i) {
		EXPECT_EQ(x[i].t, y[i].t);
		EXPECT_EQ(x[i].id, y[i].id);
	}
}

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

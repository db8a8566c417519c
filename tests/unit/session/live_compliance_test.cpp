// Compliance while a session runs: a flagged cue shown, what the host says (final only), urgency
// backed by the room's facts or not, keywords said, the header's compliance_checks.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "core/compliance/checker.hpp"
#include "core/pack/library.hpp"
#include "core/session/controller.hpp"
#include "core/session/header.hpp"
#include "core/session/live_compliance.hpp"

namespace {
using namespace lcs;
using namespace lcs::session;

// Sells a honey with 100 in stock and a flash sale; cue 2 holds a banned term and an exempted hit.
constexpr const char *kPack = R"({
  "format": "lcs.pack/1",
  "pack": { "id": "comp-test", "name": "合规测试", "version": "1.0.0", "language": "zh-CN",
            "authors": ["T"], "license": "CC-BY-4.0", "brand": "蜂语" },
  "products": [
    { "sku": "HONEY", "name": "山花蜂蜜", "list_price_cents": 5900, "stock": 100, "category": "food", "selling_points": ["山里的"] },
    { "sku": "JAR", "name": "蜂蜜罐", "list_price_cents": 1900, "stock": 15, "category": "food", "selling_points": ["玻璃"] }
  ],
  "promotions": [
    { "id": "honey-flash", "type": "flash_sale", "name": "蜂蜜秒杀", "sku": "HONEY", "price_cents": 4900,
      "countdown_seconds": 10, "duration_seconds": 60, "stock": 50, "per_buyer_limit": 2 }
  ],
  "segments": [
    { "id": "open", "name": "开场", "kind": "opening", "planned_seconds": 120,
      "cues": [ { "id": "c1", "text": "欢迎来到直播间，今天聊蜂蜜。", "keywords": ["蜂蜜", "Raw Honey"], "pin": "HONEY" },
                { "id": "c2", "text": "这是全网最低的价格。开封后最好先冷藏。" },
                { "id": "c3", "text": "好的，我们看下一个。" } ] }
  ],
  "scenarios": [
    { "id": "s", "name": "测试场", "duration_seconds": 600, "seed": 1,
      "audience": { "arrivals_per_minute": 2, "initial_viewers": 2, "personas": { "newcomer": 1.0 } } }
  ]
})";

std::shared_ptr<const pack::Library> test_library()
{
	static const auto library = [] {
		const std::string path = testing::TempDir() + "live-compliance-pack.json";
		std::ofstream(path, std::ios::binary) << kPack;
		auto loaded = pack::Library::load({std::filesystem::u8path(path)});
		EXPECT_TRUE(loaded.library) << (loaded.diagnostics.empty() ? "" : loaded.diagnostics[0].to_string());
		return loaded.library;
	}();
	return library;
}

std::shared_ptr<const audience::AudienceData> audience_zh()
{
	static const auto data = [] {
		diag::Diagnostics d;
		auto loaded = audience::AudienceData::load(std::filesystem::u8path(std::string(LCS_SOURCE_DIR) + "/data/audience"), "zh-CN", d);
		EXPECT_TRUE(loaded.has_value());
		return std::make_shared<const audience::AudienceData>(std::move(*loaded));
	}();
	return data;
}

compliance::Rule rule(const std::string &id, const std::string &category, compliance::Severity severity,
		      std::vector<std::string> terms, compliance::Needs needs = compliance::Needs::words)
{
	compliance::Rule r;
	r.id = id;
	r.category = category;
	r.language = "zh-CN";
	r.severity = severity;
	r.terms = std::move(terms);
	r.by_sound = false;
	r.needs = needs;
	r.legal_basis = {{"《中华人民共和国广告法》", "第九条", "2021-04-29"}};
	r.message.text = {{"zh-CN", "不要说" + r.terms.front()}, {"en-US", "Do not say it"}};
	r.suggestion.text = {{"zh-CN", "说具体的事实"}, {"en-US", "State a fact"}};
	return r;
}

std::shared_ptr<const compliance::Checker> test_checker()
{
	compliance::RuleSet rules;
	rules.version = "test";
	rules.rules.push_back(rule("absolute.lowest", "absolute", compliance::Severity::ban, {"全网最低"}));
	auto best = rule("absolute.best", "absolute", compliance::Severity::ban, {"最好"});
	compliance::RuleException tip;
	tip.phrases = {"最好先冷藏"};
	tip.reason = "usage_tip";
	tip.note.text = {{"zh-CN", "使用建议"}, {"en-US", "a usage tip"}};
	best.exceptions.push_back(tip);
	rules.rules.push_back(best);
	rules.rules.push_back(rule("urgency.last_wave", "urgency", compliance::Severity::ban, {"最后一波"}, compliance::Needs::urgency));
	rules.rules.push_back(rule("off_platform.wechat", "off_platform", compliance::Severity::caution, {"加微信"}));
	return std::make_shared<const compliance::Checker>(std::move(rules));
}

std::vector<nlohmann::json> events_of(const Controller &c, const std::string &type)
{
	std::vector<nlohmann::json> out;
	for (const auto &e : c.events())
		if (e.type == type)
			out.push_back(e.fields);
	return out;
}

// A controller with the test library and checker, a session running (no log file).
void start(Controller &c, bool checker = true)
{
	c.set_audience_data(audience_zh());
	if (checker)
		c.set_compliance(test_checker());
	c.submit(UseLibrary{test_library(), 1, nullptr});
	StartSession s;
	s.scenario_id = "s";
	s.started_at = "2026-01-01T00:00:00Z";
	c.submit(s);
	c.tick(0);
	ASSERT_TRUE(c.session_running()) << c.snapshot()->last_refusal;
}

TEST(LiveCompliance, TheScriptsFindingsArePublishedByCueBeforeItIsShown)
{
	Controller c;
	c.set_compliance(test_checker());
	c.submit(UseLibrary{test_library(), 1, nullptr});
	c.tick(0);
	const auto s = c.snapshot();
	ASSERT_TRUE(s->script_findings);
	ASSERT_EQ(s->script_findings->count("c2"), 1u);
	EXPECT_EQ(s->script_findings->count("c1"), 0u);
	const auto &c2 = s->script_findings->at("c2");
	ASSERT_EQ(c2.size(), 2u); // 全网最低 (ban) and 最好先冷藏 (exempt: info)
	EXPECT_EQ(c2[0].severity, compliance::Severity::ban);
	EXPECT_EQ(c2[1].severity, compliance::Severity::info);
	EXPECT_TRUE(s->cue_findings.empty()); // c1 is on screen
	EXPECT_TRUE(events_of(c, "compliance_flag").empty()); // no session: nothing logged
	c.submit(NextCue{});
	c.tick(10);
	EXPECT_EQ(c.snapshot()->cue_findings.size(), 2u);
	EXPECT_TRUE(events_of(c, "compliance_flag").empty());

	Controller without;
	without.submit(UseLibrary{test_library(), 1, nullptr});
	without.tick(0);
	EXPECT_FALSE(without.snapshot()->script_findings);
}

TEST(LiveCompliance, AFlaggedCueShownInASessionLogsOneFlagPerBanOrCautionWithEveryField)
{
	Controller c;
	start(c);
	EXPECT_TRUE(events_of(c, "compliance_flag").empty()); // c1 is clean
	c.submit(NextCue{});
	c.tick(100);
	const auto flags = events_of(c, "compliance_flag");
	ASSERT_EQ(flags.size(), 1u); // the exempted 最好先冷藏 is not a flag
	const auto &f = flags[0];
	EXPECT_EQ(f["where"], "cue");
	EXPECT_EQ(f["rule"], "absolute.lowest");
	EXPECT_EQ(f["term"], "全网最低");
	EXPECT_EQ(f["category"], "absolute");
	EXPECT_EQ(f["severity"], "ban");
	EXPECT_EQ(f["text"], "这是全网最低的价格。开封后最好先冷藏。");
	EXPECT_EQ(f["cue_id"], "c2");
	EXPECT_EQ(f["confidence"], "exact");
	EXPECT_NE(f.value("legal_ref", "").find("第九条"), std::string::npos) << f.dump();
	EXPECT_EQ(f["suggestion"], "说具体的事实");
	// Logged after the cue_shown it belongs to, at its time.
	ASSERT_GE(c.events().size(), 2u);
	EXPECT_EQ(c.events()[c.events().size() - 2].type, "cue_shown");
	EXPECT_EQ(c.events().back().t, c.events()[c.events().size() - 2].t);
	// Going back to it does not flag it again in the same session.
	c.submit(PreviousCue{});
	c.submit(NextCue{});
	c.tick(100);
	EXPECT_TRUE(events_of(c, "compliance_flag").empty());
	c.tick(1000); // the snapshot's metrics are refreshed once a second
	EXPECT_EQ(c.snapshot()->metrics->compliance_flags, 1);
	EXPECT_EQ(c.snapshot()->metrics->compliance_bans, 1);
}

TEST(LiveCompliance, FinalSpeechIsLoggedAndCheckedPartialTextOnlyUpdatesTheTranscript)
{
	Controller c;
	start(c);
	c.submit(SpeechText{"想要便宜的加微", false});
	c.tick(100);
	EXPECT_TRUE(events_of(c, "speech").empty());
	EXPECT_TRUE(events_of(c, "compliance_flag").empty());
	EXPECT_EQ(c.snapshot()->last_speech, "想要便宜的加微");
	EXPECT_FALSE(c.snapshot()->last_speech_final);

	c.submit(SpeechText{"想要便宜的加微信下单", true});
	c.tick(100);
	const auto speech = events_of(c, "speech");
	ASSERT_EQ(speech.size(), 1u);
	EXPECT_EQ(speech[0]["text"], "想要便宜的加微信下单");
	EXPECT_EQ(speech[0]["final"], true);
	const auto flags = events_of(c, "compliance_flag");
	ASSERT_EQ(flags.size(), 1u);
	EXPECT_EQ(flags[0]["where"], "speech");
	EXPECT_EQ(flags[0]["rule"], "off_platform.wechat");
	EXPECT_EQ(flags[0]["term"], "加微信");
	EXPECT_EQ(flags[0]["category"], "off_platform");
	EXPECT_EQ(flags[0]["severity"], "caution");
	EXPECT_EQ(flags[0]["text"], "想要便宜的加微信下单");
	EXPECT_EQ(flags[0]["confidence"], "exact");
	EXPECT_FALSE(flags[0].contains("cue_id"));
	const auto s = c.snapshot();
	EXPECT_TRUE(s->last_speech_final);
	ASSERT_EQ(s->speech_findings.size(), 1u);
	EXPECT_EQ(s->speech_findings[0].rule, "off_platform.wechat");
	c.tick(1000); // the snapshot's metrics are refreshed once a second
	EXPECT_EQ(c.snapshot()->metrics->compliance_cautions, 1);
}

TEST(LiveCompliance, AnExemptedHitInSpeechIsNotAFlag)
{
	Controller c;
	start(c);
	c.submit(SpeechText{"开封后最好先冷藏。", true});
	c.tick(100);
	EXPECT_EQ(events_of(c, "speech").size(), 1u);
	EXPECT_TRUE(events_of(c, "compliance_flag").empty());
	EXPECT_TRUE(c.snapshot()->speech_findings.empty());
}

TEST(LiveCompliance, WithoutACheckerSpeechIsLoggedButNotChecked)
{
	Controller c;
	start(c, false);
	c.submit(SpeechText{"全网最低，加微信", true});
	c.submit(NextCue{});
	c.tick(100);
	EXPECT_EQ(events_of(c, "speech").size(), 1u);
	EXPECT_TRUE(events_of(c, "compliance_flag").empty());
}

TEST(LiveCompliance, UrgencyIsAFindingUnlessAFlashSaleRunsOrThePinnedStockIsLow)
{
	Controller c;
	start(c);
	auto flags_for = [&](const std::string &text) {
		c.submit(SpeechText{text, true});
		c.tick(100);
		return events_of(c, "compliance_flag");
	};
	// Nothing live: not backed, the rule's severity.
	auto flags = flags_for("最后一波了！");
	ASSERT_EQ(flags.size(), 1u);
	EXPECT_EQ(flags[0]["category"], "urgency");
	EXPECT_EQ(flags[0]["severity"], "ban");
	// The flash sale's countdown runs: backed.
	c.submit(StartPromotion{"honey-flash"});
	c.tick(100);
	EXPECT_TRUE(flags_for("最后一波了！").empty());
	c.submit(StopPromotion{"honey-flash"});
	c.tick(100);
	EXPECT_EQ(flags_for("最后一波了！").size(), 1u);
	// The pinned jar has 15 in stock (≤ 20 units): little left, backed; the honey (100) is not.
	c.submit(PinProduct{"JAR"});
	c.tick(100);
	EXPECT_TRUE(flags_for("最后一波了！").empty());
	c.submit(PinProduct{"HONEY"});
	c.tick(100);
	EXPECT_EQ(flags_for("最后一波了！").size(), 1u);
}

TEST(LiveCompliance, LowStockIsTwentyUnitsOrTenPercentAndSoldOutIsNot)
{
	EXPECT_TRUE(stock_is_low(20, 1000));
	EXPECT_FALSE(stock_is_low(21, 100));
	EXPECT_TRUE(stock_is_low(100, 1000));
	EXPECT_FALSE(stock_is_low(101, 1000));
	EXPECT_TRUE(stock_is_low(15, 15));
	EXPECT_FALSE(stock_is_low(0, 100));
}

TEST(LiveCompliance, SpokenKeywordsOfTheCurrentCueAreMarkedSaid)
{
	Controller c;
	start(c);
	ASSERT_EQ(c.snapshot()->cue.keywords_pending, (std::vector<std::string>{"蜂蜜", "Raw Honey"}));
	c.submit(SpeechText{"今天聊聊蜂蜜", false}); // partial: not yet
	c.tick(100);
	EXPECT_EQ(c.snapshot()->cue.keywords_pending.size(), 2u);
	c.submit(SpeechText{"今天聊聊蜂蜜", true});
	c.tick(100);
	EXPECT_EQ(c.snapshot()->cue.keywords_pending, std::vector<std::string>{"Raw Honey"});
	c.submit(SpeechText{"这是ＲＡＷ  honey！", true}); // full-width letters, case and spaces folded
	c.tick(100);
	EXPECT_TRUE(c.snapshot()->cue.keywords_pending.empty());
}

TEST(LiveCompliance, KeywordComparisonFoldsCaseWidthSpacesAndPunctuation)
{
	EXPECT_EQ(keywords_said("RAW，Honey!", {"raw honey", "bee"}), std::vector<std::string>{"raw honey"});
	EXPECT_EQ(keywords_said("三 十 年", {"三十年"}), std::vector<std::string>{"三十年"});
	EXPECT_TRUE(keywords_said("中华", {"中华蜂"}).empty());
	EXPECT_TRUE(keywords_said("anything", {"", "！"}).empty());
}

TEST(LiveCompliance, TheHeaderListsTheChecksThatRun)
{
	const auto library = test_library();
	const auto *scenario = library->scenario("s");
	ASSERT_TRUE(scenario);
	SessionInfo info;
	EXPECT_EQ(make_header(*library, *scenario, info)["compliance_checks"], nlohmann::ordered_json::array({"price"}));
	info.checks_words = true;
	EXPECT_EQ(make_header(*library, *scenario, info)["compliance_checks"],
		  nlohmann::ordered_json::array({"price", "cue", "speech"}));

	// Through the controller: a session with a checker says so in its log.
	for (const bool checker : {false, true}) {
		Controller c;
		c.set_audience_data(audience_zh());
		if (checker)
			c.set_compliance(test_checker());
		c.submit(UseLibrary{library, 1, nullptr});
		StartSession s;
		s.scenario_id = "s";
		s.started_at = "2026-01-01T00:00:00Z";
		s.log_path = testing::TempDir() + "live-compliance-header.jsonl";
		s.duration_seconds = 1;
		c.submit(s);
		c.tick(0);
		c.tick(1000);
		c.wait_for_logs();
		std::ifstream in(s.log_path, std::ios::binary);
		std::string first;
		std::getline(in, first);
		const auto checks = nlohmann::json::parse(first)["compliance_checks"];
		EXPECT_EQ(checks, checker ? nlohmann::json::array({"price", "cue", "speech"}) : nlohmann::json::array({"price"}));
	}
}

TEST(LiveCompliance, PriceFlagsHaveACategoryAndASeverity)
{
	// A flash sale whose strike-through price is not the list price: price fraud (ban).
	std::string text = kPack;
	const std::string from = R"("stock": 50, "per_buyer_limit": 2 })";
	text.replace(text.find(from), from.size(), R"("stock": 50, "per_buyer_limit": 2, "strike_price_cents": 9900 })");
	const std::string path = testing::TempDir() + "live-compliance-strike.json";
	std::ofstream(path, std::ios::binary) << text;
	auto library = pack::Library::load({std::filesystem::u8path(path)}).library;
	ASSERT_TRUE(library);
	Controller c;
	c.submit(UseLibrary{library, 1, nullptr});
	c.submit(StartPromotion{"honey-flash"});
	c.tick(0);
	const auto flags = events_of(c, "compliance_flag");
	ASSERT_EQ(flags.size(), 1u);
	EXPECT_EQ(flags[0]["where"], "price");
	EXPECT_EQ(flags[0]["rule"], "fake_original_price");
	EXPECT_EQ(flags[0]["category"], "price");
	EXPECT_EQ(flags[0]["severity"], "ban");
}

} // namespace

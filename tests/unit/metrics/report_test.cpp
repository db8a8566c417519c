#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <regex>
#include <sstream>

#include "core/report/session_report.hpp"
#include "core/report/subtitles.hpp"

namespace {

std::string write_log()
{
	const std::string path = testing::TempDir() + std::string(testing::UnitTest::GetInstance()->current_test_info()->name()) + "-report.jsonl";
	std::ofstream(path, std::ios::binary)
		<< R"({"type":"session","schema":"lcs.session/1","session_id":"s","started_at":"2026-01-01T00:00:00Z","trainee":"t","scenario":{"id":"x"},"seed":1,"packs":[],"products":[{"sku":"X","name":"蜂蜜","list_price_cents":8900,"stock":10}],"promotions":[],"segments":[{"segment_id":"open","name":"开场","kind":"opening","planned_ms":10000,"cues":[{"cue_id":"c1","text":"欢迎"}]},{"segment_id":"sell","name":"卖点","kind":"selling_points","planned_ms":10000,"cues":[]}]})"
		<< "\n"
		<< R"({"t":0,"type":"segment_start","segment_id":"open","planned_ms":10000}
{"t":0,"type":"cue_shown","cue_id":"c1","segment_id":"open"}
{"t":1000,"type":"viewer_join","viewer":"a"}
{"t":2000,"type":"recording_start","path":"/v/rec.mkv"}
{"t":3000,"type":"product_pin","sku":"X"}
{"t":4000,"type":"comment","comment_id":"q1","viewer":"a","text":"多少钱","kind":"question"}
{"t":12000,"type":"segment_start","segment_id":"sell","planned_ms":10000}
{"t":13000,"type":"comment_answered","comment_id":"q1"}
{"t":14000,"type":"order","order_id":"o1","viewer":"a","sku":"X","qty":1,"unit_price_cents":8900,"discount_cents":3000,"amount_cents":5900}
{"t":15000,"type":"voice","state":"silence"}
{"t":19000,"type":"voice","state":"talk"}
{"t":20000,"type":"session_end","reason":"stopped"}
)";
	return path;
}

TEST(SessionReport, SegmentsProductsAndTimelineAddUp)
{
	const auto r = lcs::report::build_report(write_log());
	ASSERT_EQ(r.segments.size(), 2u);
	EXPECT_EQ(r.segments[0].actual_ms, 12000); // overran its 10 s plan
	EXPECT_EQ(r.segments[1].actual_ms, 8000);
	EXPECT_EQ(r.segments[0].questions, 1);
	EXPECT_EQ(r.segments[0].answered, 1); // answered later, counted where it was asked
	EXPECT_EQ(r.segments[1].orders, 1);
	EXPECT_EQ(r.segments[1].gmv_cents, 5900);
	ASSERT_EQ(r.products.size(), 1u);
	EXPECT_EQ(r.products[0].name, "蜂蜜");
	EXPECT_EQ(r.products[0].exposed, 1);
	EXPECT_EQ(r.products[0].gmv_cents, r.metrics.gmv_cents);
	EXPECT_DOUBLE_EQ(*r.products[0].conversion_rate, 1.0);
	EXPECT_EQ(r.video_time(14000), "00:00:12");
	EXPECT_FALSE(r.video_time(1000).has_value());
	bool dead_air = false;
	for (const auto &e : r.timeline)
		dead_air = dead_air || (e.kind == "dead_air" && e.t == 15000 && e.duration_ms == 4000);
	EXPECT_TRUE(dead_air);
	const auto j = r.to_json();
	for (const char *key : {"metrics", "segments", "products", "timeline"})
		EXPECT_TRUE(j.contains(key)) << key;
}

TEST(SessionReport, CaptionsAndChaptersAreAtVideoTime)
{
	const auto r = lcs::report::build_report(write_log());
	const std::string vtt = lcs::report::to_webvtt(r);
	EXPECT_EQ(vtt.rfind("WEBVTT\n\n", 0), 0u);
	const std::regex cue(R"((\d\d:\d\d:\d\d\.\d{3}) --> (\d\d:\d\d:\d\d\.\d{3}))");
	int cues = 0;
	for (std::sregex_iterator it(vtt.begin(), vtt.end(), cue), end; it != end; ++it) {
		++cues;
		EXPECT_LT((*it)[1].str(), (*it)[2].str());
	}
	EXPECT_GE(cues, 4);
	EXPECT_NE(vtt.find("00:00:12.000 --> 00:00:14.000\n🛒 X ×1 ¥59"), std::string::npos) << vtt; // order at t=14 s, recording from t=2 s
	EXPECT_NE(vtt.find("00:00:02.000 --> 00:00:05.000\n❓ 多少钱 (answered after 9 s)"), std::string::npos) << vtt;
	const std::string chapters = lcs::report::to_ffmetadata_chapters(r);
	EXPECT_EQ(chapters.rfind(";FFMETADATA1\n", 0), 0u);
	EXPECT_NE(chapters.find("START=10000\nEND=18000\ntitle=卖点"), std::string::npos) << chapters;
}

TEST(SessionReport, CsvTables)
{
	const auto r = lcs::report::build_report(write_log());
	const std::string orders = lcs::report::to_csv(r, "orders");
	EXPECT_EQ(std::count(orders.begin(), orders.end(), '\n'), 2);
	EXPECT_NE(orders.find("14000,00:00:12,o1,a,X,1,8900,3000,5900"), std::string::npos) << orders;
	const std::string metrics = lcs::report::to_csv(r, "metrics");
	EXPECT_NE(metrics.find("gmv_cents,5900\n"), std::string::npos);
	EXPECT_EQ(std::count(metrics.begin(), metrics.end(), '\n'), 34); // header + the 33 contract metrics
	EXPECT_TRUE(lcs::report::to_csv(r, "nope").empty());
}

// Three minutes of a room with traffic sources, feed impressions, a purchase of paid traffic and
// questions answered later or not at all.
std::string write_traffic_log()
{
	const std::string path = testing::TempDir() + std::string(testing::UnitTest::GetInstance()->current_test_info()->name()) + "-traffic.jsonl";
	std::ofstream(path, std::ios::binary)
		<< R"({"type":"session","schema":"lcs.session/1","session_id":"s","started_at":"2026-01-01T00:00:00Z","trainee":"t","scenario":{"id":"x","ad_budget_cents":50000},"seed":1,"packs":[],"compliance_checks":["price"],"products":[{"sku":"X","name":"蜂蜜","list_price_cents":8900,"stock":10}],"promotions":[],"segments":[]})"
		<< "\n"
		<< R"({"t":0,"type":"impressions","count":100,"source":"recommend"}
{"t":1000,"type":"viewer_join","viewer":"a","source":"recommend"}
{"t":2000,"type":"viewer_join","viewer":"b","source":"follow"}
{"t":3000,"type":"comment","comment_id":"q1","viewer":"a","text":"多少钱","kind":"question"}
{"t":4000,"type":"comment","comment_id":"q2","viewer":"b","text":"包邮吗","kind":"question"}
{"t":5000,"type":"comment","comment_id":"q3","viewer":"b","text":"保质期","kind":"question"}
{"t":30000,"type":"comment_answered","comment_id":"q1"}
{"t":61000,"type":"ad_spend","amount_cents":10000,"impressions":2000,"campaign":"c1"}
{"t":62000,"type":"impressions","count":500,"source":"paid"}
{"t":63000,"type":"viewer_join","viewer":"c","source":"paid"}
{"t":64000,"type":"viewer_leave","viewer":"a"}
{"t":65000,"type":"viewer_join","viewer":"a","source":"paid"}
{"t":70000,"type":"comment_answered","comment_id":"q2"}
{"t":90000,"type":"product_pin","sku":"X"}
{"t":95000,"type":"product_click","viewer":"c","sku":"X"}
{"t":96000,"type":"order","order_id":"o1","viewer":"c","sku":"X","qty":1,"unit_price_cents":8900,"discount_cents":0,"amount_cents":8900}
{"t":130000,"type":"viewer_leave","viewer":"b"}
{"t":150000,"type":"session_end","reason":"stopped"}
)";
	return path;
}

TEST(SessionReport, TrafficCurveAdSpendAndTriagePerMinute)
{
	const auto r = lcs::report::build_report(write_traffic_log());
	EXPECT_TRUE(r.sources_logged);
	EXPECT_TRUE(r.impressions_logged);
	ASSERT_EQ(r.sources, (std::vector<std::string>{"recommend", "follow", "paid"}));
	ASSERT_EQ(r.minutes.size(), 3u);
	// Minute 0: a (recommend) and b (follow) present, 100 feed impressions, three questions, one answered.
	EXPECT_EQ(r.minutes[0].viewers_by_source, (std::vector<int64_t>{1, 1}));
	EXPECT_EQ(r.minutes[0].impressions, 100);
	EXPECT_EQ(r.minutes[0].questions_asked, 3);
	EXPECT_EQ(r.minutes[0].questions_answered, 1);
	EXPECT_EQ(r.minutes[0].questions_waiting, 2);
	// Minute 1: c joins from paid; a leaves and comes back through paid but still counts for recommend (first join).
	EXPECT_EQ(r.minutes[1].viewers_by_source, (std::vector<int64_t>{1, 1, 1}));
	EXPECT_EQ(r.minutes[1].impressions, 500);
	EXPECT_EQ(r.minutes[1].impressions_by_source, (std::vector<int64_t>{0, 0, 500}));
	EXPECT_EQ(r.minutes[1].questions_answered, 1);
	EXPECT_EQ(r.minutes[1].questions_waiting, 1);
	// Minute 2: b left; nothing asked or answered, q3 still waiting.
	EXPECT_EQ(r.minutes[2].viewers_by_source, (std::vector<int64_t>{1, 0, 1}));
	EXPECT_EQ(r.minutes[2].questions_answered, 0);
	EXPECT_EQ(r.minutes[2].questions_waiting, 1);
	EXPECT_EQ(r.clickers, 1);
	ASSERT_EQ(r.ad_spend.size(), 1u);
	EXPECT_EQ(r.ad_spend[0].t, 61000);
	EXPECT_EQ(r.ad_spend[0].amount_cents, 10000);
	EXPECT_EQ(r.ad_spend[0].impressions, 2000);
	EXPECT_EQ(r.ad_spend[0].campaign, "c1");
	ASSERT_TRUE(r.compliance_checks.has_value());
	EXPECT_EQ(*r.compliance_checks, std::vector<std::string>{"price"});

	const auto j = r.to_json();
	ASSERT_TRUE(j.contains("traffic")) << j.dump();
	EXPECT_EQ(j["traffic"], r.metrics.traffic_json());
	ASSERT_EQ(j["traffic"].size(), 3u);
	EXPECT_EQ(j["traffic"][2]["source"], "paid");
	EXPECT_EQ(j["traffic"][2]["buyers"], 1);
	EXPECT_EQ(j["traffic"][2]["gmv_cents"], 8900);
	EXPECT_EQ(j["ad_spend"], nlohmann::ordered_json::parse(R"([{"t":61000,"amount_cents":10000,"impressions":2000,"campaign":"c1"}])"));
	for (const char *key : {"impressions", "exposure_entry_rate", "product_exposure_rate", "ad_spend_cents", "roi", "speech_chars_per_min"})
		EXPECT_TRUE(j["metrics"].contains(key)) << key;
	EXPECT_EQ(j["metrics"]["impressions"], 600);
	EXPECT_EQ(j["metrics"]["ad_spend_cents"], 10000);

	const std::string traffic = lcs::report::to_csv(r, "traffic");
	EXPECT_EQ(traffic, "source,uv,uv_share,buyers,gmv_cents,gmv_share\n"
			   "recommend,1,0.3333,0,0,0.0000\nfollow,1,0.3333,0,0,0.0000\npaid,1,0.3333,1,8900,1.0000\n");
	const std::string minutes = lcs::report::to_csv(r, "minutes");
	EXPECT_EQ(minutes.substr(0, minutes.find('\n')),
		  "minute,viewers,orders,comments,gmv_cumulative_cents,impressions,questions_asked,questions_answered,questions_waiting,"
		  "viewers_recommend,viewers_follow,viewers_paid,impressions_recommend,impressions_follow,impressions_paid");
	EXPECT_NE(minutes.find("\n0,2,0,3,0,100,3,1,2,1,1,0,100,0,0\n"), std::string::npos) << minutes;
	EXPECT_NE(minutes.find("\n1,3,1,0,8900,500,0,1,1,1,1,1,0,0,500\n"), std::string::npos) << minutes;
	EXPECT_NE(minutes.find("\n2,2,0,0,8900,0,0,0,1,1,0,1,0,0,0\n"), std::string::npos) << minutes;
	EXPECT_EQ(lcs::report::to_csv(r, "ad_spend"), "t,video_time,amount_cents,impressions,campaign\n61000,,10000,2000,c1\n");
}

TEST(SessionReport, OlderLogWithoutSourcesOrImpressionsSaysSo)
{
	const auto r = lcs::report::build_report(write_log());
	EXPECT_FALSE(r.sources_logged);
	EXPECT_FALSE(r.impressions_logged);
	EXPECT_FALSE(r.compliance_checks.has_value());
	EXPECT_TRUE(r.voice_logged);
	EXPECT_TRUE(r.ad_spend.empty());
	EXPECT_EQ(r.sources, std::vector<std::string>{"other"}); // every viewer counts as "other"
	EXPECT_TRUE(r.to_json()["ad_spend"].empty());
}

} // namespace

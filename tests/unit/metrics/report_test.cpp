#include <gtest/gtest.h>

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

} // namespace

// Contract metrics (shared/design/contract.md section 2) on small logs worked out by hand.
#include <gtest/gtest.h>

#include <fstream>

#include "core/metrics/log_reader.hpp"
#include "core/metrics/metrics.hpp"

namespace {
using lcs::metrics::Metrics;

const char *kHeader =
	R"({"type":"session","schema":"lcs.session/1","session_id":"s","started_at":"2026-01-01T00:00:00Z","trainee":"t","scenario":{"id":"x"},"seed":1,"packs":[],"products":[],"promotions":[]})";

Metrics metrics_of(const std::string &body, lcs::metrics::ReadReport *report = nullptr)
{
	const std::string path = testing::TempDir() + std::string(testing::UnitTest::GetInstance()->current_test_info()->name()) + "-metrics.jsonl";
	std::ofstream(path, std::ios::binary) << kHeader << "\n" << body;
	lcs::metrics::MetricsAccumulator acc;
	auto r = lcs::metrics::read_session_log(path, {}, [&](const nlohmann::json &e) { acc.add(e); });
	if (report)
		*report = r;
	return acc.finish();
}

// Hand-worked answers are in the comments next to each expectation.
const char *kLog = R"({"t":0,"type":"viewer_join","viewer":"a"}
{"t":0,"type":"voice","state":"talk"}
{"t":1000,"type":"viewer_join","viewer":"b"}
{"t":2000,"type":"product_pin","sku":"X"}
{"t":3000,"type":"viewer_join","viewer":"c"}
{"t":4000,"type":"comment","comment_id":"q1","viewer":"b","text":"?","kind":"question"}
{"t":5000,"type":"voice","state":"silence"}
{"t":7000,"type":"voice","state":"talk"}
{"t":8000,"type":"comment_answered","comment_id":"q1"}
{"t":9000,"type":"product_click","viewer":"b","sku":"X"}
{"t":10000,"type":"order","order_id":"o1","viewer":"b","sku":"X","qty":2,"unit_price_cents":5000,"discount_cents":1000,"amount_cents":9000}
{"t":11000,"type":"viewer_leave","viewer":"a"}
{"t":12000,"type":"voice","state":"silence"}
{"t":16000,"type":"voice","state":"talk"}
{"t":17000,"type":"follow","viewer":"c"}
{"t":18000,"type":"viewer_join","viewer":"a"}
{"t":19000,"type":"viewer_leave","viewer":"z"}
{"t":20000,"type":"comment","comment_id":"q2","viewer":"c","text":"?","kind":"question"}
{"t":20000,"type":"compliance_flag","rule":"absolute_term","term":"最","where":"speech"}
{"t":25000,"type":"some_future_event","x":1}
{"t":30000,"type":"session_end"}
)";

TEST(Metrics, EveryContractMetricOnAHandWorkedLog)
{
	const Metrics m = metrics_of(kLog);
	EXPECT_DOUBLE_EQ(m.duration_s, 30.0);
	EXPECT_EQ(m.pv, 4);  // a, b, c, a again
	EXPECT_EQ(m.uv, 3);
	EXPECT_EQ(m.pcu, 3);
	// Presence: a 0–11 and 18–30 (23 s), b 1–30 (29 s), c 3–30 (27 s): 79 s. The leave of z is ignored.
	EXPECT_DOUBLE_EQ(*m.acu, 79.0 / 30.0);
	EXPECT_DOUBLE_EQ(*m.avg_watch_s, 79.0 / 3.0);
	EXPECT_EQ(m.orders, 1);
	EXPECT_EQ(m.units, 2);
	EXPECT_EQ(m.buyers, 1);
	EXPECT_EQ(m.gmv_cents, 9000);
	EXPECT_DOUBLE_EQ(*m.gpm_cents, 9000.0 * 1000.0 / 4.0);
	EXPECT_DOUBLE_EQ(*m.uv_value_cents, 3000.0);
	EXPECT_DOUBLE_EQ(*m.aov_cents, 9000.0);
	EXPECT_DOUBLE_EQ(*m.conversion_rate, 1.0 / 3.0);
	EXPECT_DOUBLE_EQ(*m.interaction_rate, 2.0 / 3.0); // b and c commented
	EXPECT_DOUBLE_EQ(*m.follow_rate, 1.0 / 3.0);
	EXPECT_EQ(m.exposed_viewers, 3); // a and b present at the pin, c joined while pinned
	EXPECT_DOUBLE_EQ(*m.click_rate, 1.0 / 3.0);
	EXPECT_DOUBLE_EQ(*m.click_to_order_rate, 1.0);
	EXPECT_EQ(m.questions, 2);
	EXPECT_EQ(m.answered, 1);
	EXPECT_DOUBLE_EQ(*m.response_rate, 0.5);
	EXPECT_DOUBLE_EQ(*m.median_response_s, 4.0);
	// Talk 0–5, 7–12, 16–30: 24 s. Silences: 5–7 (2 s, under 3: not dead air), 12–16 (4 s).
	EXPECT_DOUBLE_EQ(*m.talk_ratio, 24.0 / 30.0);
	EXPECT_DOUBLE_EQ(m.dead_air_s, 4.0);
	EXPECT_DOUBLE_EQ(m.longest_silence_s, 4.0);
	EXPECT_EQ(m.compliance_flags, 1);
}

TEST(Metrics, JsonKeysAreTheContractsAndZeroDenominatorsAreNull)
{
	const Metrics m = metrics_of(R"({"t":0,"type":"voice","state":"silence"}
{"t":10000,"type":"session_end"}
)");
	const auto j = m.to_json();
	for (const char *key : {"duration_s", "pv", "uv", "pcu", "acu", "avg_watch_s", "orders", "units", "buyers", "gmv_cents",
				"gpm_cents", "uv_value_cents", "aov_cents", "conversion_rate", "interaction_rate", "follow_rate",
				"exposed_viewers", "click_rate", "click_to_order_rate", "questions", "answered", "response_rate",
				"median_response_s", "talk_ratio", "dead_air_s", "longest_silence_s", "compliance_flags",
				"impressions", "exposure_entry_rate", "product_exposure_rate", "ad_spend_cents", "roi",
				"speech_chars_per_min"})
		EXPECT_TRUE(j.contains(key)) << key;
	EXPECT_EQ(j.size(), 33u);
	for (const char *key : {"avg_watch_s", "gpm_cents", "uv_value_cents", "aov_cents", "conversion_rate", "click_rate",
				"click_to_order_rate", "response_rate", "median_response_s", "exposure_entry_rate",
				"product_exposure_rate", "roi"})
		EXPECT_TRUE(j[key].is_null()) << key;
	EXPECT_DOUBLE_EQ(j["acu"].get<double>(), 0.0);
	// A silence running to the end counts whole once it reaches 3 s.
	EXPECT_DOUBLE_EQ(j["dead_air_s"].get<double>(), 10.0);
	EXPECT_DOUBLE_EQ(j["talk_ratio"].get<double>(), 0.0);
}

TEST(Metrics, ViewersPresentAtTheEndCountToTheLastEventWithoutSessionEnd)
{
	const Metrics m = metrics_of(R"({"t":0,"type":"viewer_join","viewer":"a"}
{"t":4000,"type":"viewer_join","viewer":"b"}
{"t":6000,"type":"comment","comment_id":"c1","viewer":"a","text":"hi","kind":"reaction"}
)");
	EXPECT_DOUBLE_EQ(m.duration_s, 6.0);
	EXPECT_DOUBLE_EQ(*m.avg_watch_s, (6.0 + 2.0) / 2.0);
	EXPECT_EQ(m.buyers, 0);
	EXPECT_FALSE(m.aov_cents.has_value());
	EXPECT_FALSE(m.talk_ratio.has_value() && *m.talk_ratio != 0.0);
}

TEST(Metrics, ATruncatedLogReadsToItsLastCompleteEvent)
{
	lcs::metrics::ReadReport report;
	const Metrics m = metrics_of(R"({"t":0,"type":"viewer_join","viewer":"a"}
{"t":2000,"type":"order","order_id":"o1","viewer":"a","sku":"X","qty":1,"unit_price_cents":100,"discount_cents":0,"amount_cents":100}
{"t":5000,"type":"viewer_leave","vie)", &report);
	EXPECT_TRUE(report.truncated_last_line);
	EXPECT_TRUE(report.problems.empty());
	EXPECT_EQ(report.events, 2u);
	EXPECT_DOUBLE_EQ(m.duration_s, 2.0); // the session ends at the last complete event
	EXPECT_EQ(m.gmv_cents, 100);
	EXPECT_DOUBLE_EQ(*m.avg_watch_s, 2.0);
}

TEST(Metrics, MalformedLinesAreReportedWithTheirLineAndSkipped)
{
	lcs::metrics::ReadReport report;
	const Metrics m = metrics_of("{\"t\":0,\"type\":\"viewer_join\",\"viewer\":\"a\"}\nnot json\n{\"t\":1000,\"type\":\"session_end\"}\n", &report);
	ASSERT_EQ(report.problems.size(), 1u);
	EXPECT_EQ(report.problems[0].where.line, 3);
	EXPECT_EQ(m.uv, 1);
	EXPECT_DOUBLE_EQ(m.duration_s, 1.0);
}

} // namespace

TEST(Metrics, TrafficImpressionsAdSpendAndSpeech)
{
	// a from the feed, b paid (twice: counts for its first source), c without a source; only a and
	// b are present while the product is pinned.
	const Metrics m = metrics_of(R"({"t":0,"type":"impressions","count":40,"source":"recommend"}
{"t":0,"type":"viewer_join","viewer":"a","source":"recommend"}
{"t":1000,"type":"ad_spend","amount_cents":5000,"impressions":2500}
{"t":1000,"type":"impressions","count":60,"source":"paid"}
{"t":1500,"type":"viewer_join","viewer":"b","source":"paid"}
{"t":2000,"type":"product_pin","sku":"X"}
{"t":3000,"type":"order","order_id":"o1","viewer":"b","sku":"X","qty":1,"unit_price_cents":9000,"discount_cents":0,"amount_cents":9000}
{"t":3500,"type":"order","order_id":"o2","viewer":"b","sku":"X","qty":1,"unit_price_cents":9000,"discount_cents":0,"amount_cents":9000}
{"t":4000,"type":"product_unpin","sku":"X"}
{"t":4000,"type":"viewer_leave","viewer":"b"}
{"t":5000,"type":"viewer_join","viewer":"b","source":"recommend"}
{"t":6000,"type":"viewer_join","viewer":"c"}
{"t":7000,"type":"speech","text":"大家好欢迎来到直播间"}
{"t":8000,"type":"speech","text":"hello"}
{"t":60000,"type":"session_end"}
)");
	EXPECT_EQ(m.impressions, 100);
	EXPECT_DOUBLE_EQ(*m.exposure_entry_rate, 4.0 / 100.0); // pv counts b twice
	EXPECT_DOUBLE_EQ(*m.product_exposure_rate, 2.0 / 3.0);
	EXPECT_EQ(m.ad_spend_cents, 5000);
	EXPECT_DOUBLE_EQ(*m.roi, 18000.0 / 5000.0);
	EXPECT_DOUBLE_EQ(*m.speech_chars_per_min, 15.0); // 10 Han characters + 5 letters in one minute
	ASSERT_EQ(m.traffic.size(), 3u);
	EXPECT_EQ(m.traffic[0].source, "recommend");
	EXPECT_EQ(m.traffic[0].uv, 1);
	EXPECT_EQ(m.traffic[1].source, "paid");
	EXPECT_EQ(m.traffic[1].uv, 1);
	EXPECT_EQ(m.traffic[1].buyers, 1);
	EXPECT_EQ(m.traffic[1].gmv_cents, 18000);
	EXPECT_EQ(m.traffic[2].source, "other");
	EXPECT_EQ(m.traffic[2].uv, 1);
	EXPECT_EQ(m.traffic[2].buyers, 0);
	const auto rows = m.traffic_json();
	EXPECT_EQ(rows[1].dump(), R"({"source":"paid","uv":1,"buyers":1,"gmv_cents":18000})");
}

TEST(Metrics, SpeechCharsPerMinuteCountsFinalSpeechOnlyAndFlagsBySeverity)
{
	const Metrics m = metrics_of(R"({"t":0,"type":"speech","text":"大家好","final":false}
{"t":1000,"type":"speech","text":"大家好欢迎","final":true}
{"t":2000,"type":"speech","text":"hello"}
{"t":3000,"type":"speech","text":"ignored partial text","final":false}
{"t":4000,"type":"compliance_flag","rule":"a","term":"x","where":"speech","category":"absolute","severity":"ban"}
{"t":4000,"type":"compliance_flag","rule":"b","term":"y","where":"cue","category":"urgency","severity":"caution"}
{"t":4000,"type":"compliance_flag","rule":"c","term":"z","where":"price"}
{"t":60000,"type":"session_end"}
)");
	EXPECT_DOUBLE_EQ(*m.speech_chars_per_min, 10.0); // 5 Han characters (final) + 5 letters (no final: final)
	EXPECT_EQ(m.compliance_flags, 3);
	EXPECT_EQ(m.compliance_bans, 1);
	EXPECT_EQ(m.compliance_cautions, 1); // a flag without severity (an older log) counts in neither
}

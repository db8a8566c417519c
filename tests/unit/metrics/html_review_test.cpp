// The HTML report's 罗盘-style sections: 五维四率 funnel, traffic sources, paid traffic, triage.
#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "core/pack/library.hpp"
#include "core/report/html_report.hpp"
#include "core/report/rubric.hpp"
#include "core/session/headless_run.hpp"

namespace {
using namespace lcs;

std::string strong_log()
{
	const std::string path = testing::TempDir() + "html-review-strong.jsonl";
	auto library = pack::Library::load({std::filesystem::u8path(std::string(LCS_SOURCE_DIR) +
								    "/scripts-library/packs/farm-origin/farm-origin.zh-CN.json")})
			       .library;
	diag::Diagnostics d;
	auto data = audience::AudienceData::load(std::filesystem::u8path(std::string(LCS_SOURCE_DIR) + "/data/audience"), "zh-CN", d);
	session::HeadlessOptions o;
	o.seed = 3;
	o.policy = session::Policy::Strong;
	o.duration_seconds = 900;
	o.log_path = path;
	EXPECT_TRUE(session::run_headless(library, std::make_shared<const audience::AudienceData>(std::move(*data)), o).ok);
	return path;
}

std::string html_of(const std::string &log, const std::string &language)
{
	const auto r = report::build_report(log);
	diag::Diagnostics problems;
	const auto rubric = report::score(r, std::filesystem::u8path(std::string(LCS_SOURCE_DIR) + "/data/rubric/default.json"), language, problems);
	return report::to_html(r, rubric, language);
}

/// The text between `from` and the next `to` (empty when `from` is not there).
std::string section(const std::string &html, const std::string &from, const std::string &to)
{
	const size_t at = html.find(from);
	if (at == std::string::npos)
		return {};
	return html.substr(at, html.find(to, at + from.size()) - at);
}

size_t count(const std::string &text, const std::string &what)
{
	size_t n = 0;
	for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size()))
		++n;
	return n;
}

// A short hand-written log; `extra` events before the end.
std::string write_log(const std::string &tag, const std::string &header_extra, const std::string &extra)
{
	const std::string path = testing::TempDir() + std::string(testing::UnitTest::GetInstance()->current_test_info()->name()) + "-" + tag + ".jsonl";
	std::ofstream(path, std::ios::binary)
		<< R"({"type":"session","schema":"lcs.session/1","session_id":"s","started_at":"2026-01-01T00:00:00Z","trainee":"t","scenario":{"id":"x")"
		<< header_extra
		<< R"(},"seed":1,"packs":[],"products":[{"sku":"X","name":"Honey","list_price_cents":5000,"stock":10}],"promotions":[],"segments":[]})"
		<< "\n"
		<< R"({"t":0,"type":"voice","state":"talk"}
{"t":1000,"type":"viewer_join","viewer":"a"}
{"t":2000,"type":"product_pin","sku":"X"}
{"t":3000,"type":"product_click","viewer":"a","sku":"X"}
{"t":4000,"type":"order","order_id":"o1","viewer":"a","sku":"X","qty":1,"unit_price_cents":5000,"discount_cents":0,"amount_cents":5000}
)" << extra << R"({"t":120000,"type":"session_end","reason":"stopped"})" << "\n";
	return path;
}


// A room with feed impressions, viewers from three sources and questions over two minutes.
const char *kRichRoom = R"({"t":5000,"type":"impressions","count":400,"source":"recommend"}
{"t":6000,"type":"viewer_join","viewer":"r1","source":"recommend"}
{"t":6500,"type":"viewer_join","viewer":"r2","source":"recommend"}
{"t":7000,"type":"viewer_join","viewer":"f1","source":"follow"}
{"t":8000,"type":"viewer_join","viewer":"s1","source":"short_video"}
{"t":9000,"type":"product_click","viewer":"r1","sku":"X"}
{"t":10000,"type":"comment","comment_id":"q1","viewer":"r1","text":"price?","kind":"question"}
{"t":11000,"type":"comment","comment_id":"q2","viewer":"f1","text":"shipping?","kind":"question"}
{"t":12000,"type":"order","order_id":"o2","viewer":"r1","sku":"X","qty":1,"unit_price_cents":5000,"discount_cents":0,"amount_cents":5000}
{"t":20000,"type":"comment_answered","comment_id":"q1"}
{"t":65000,"type":"impressions","count":100,"source":"recommend"}
{"t":70000,"type":"comment","comment_id":"q3","viewer":"s1","text":"size?","kind":"question"}
{"t":80000,"type":"comment_answered","comment_id":"q3"}
)";

void expect_self_contained(const std::string &html)
{
	for (const char *outside : {"<script", "<link", "<img", "<iframe", "src=", "href=", "http://", "https://", "@import", "url("})
		EXPECT_EQ(html.find(outside), std::string::npos) << outside;
}

TEST(HtmlReport, FunnelHasFiveStepsAndFourRatesInBothLanguages)
{
	const std::string log = write_log("rich", "", kRichRoom);
	const auto r = report::build_report(log);
	ASSERT_TRUE(r.impressions_logged);
	const std::string zh = html_of(log, "zh-CN");
	const std::string funnel = section(zh, "<h2 id=\"funnel\">", "</svg>");
	ASSERT_FALSE(funnel.empty());
	EXPECT_NE(funnel.find("五维四率"), std::string::npos);
	EXPECT_EQ(count(funnel, "<g class=\"step\">"), 5u);
	// The steps in order, each with its number.
	size_t at = 0;
	const std::vector<std::pair<std::string, int64_t>> steps = {{"曝光", r.metrics.impressions}, {"进入", r.metrics.pv},
								    {"商品曝光", r.metrics.exposed_viewers}, {"点击", r.clickers},
								    {"成交", r.metrics.buyers}};
	for (const auto &[name, value] : steps) {
		const size_t found = funnel.find(name + " " + std::to_string(value) + "</text>", at);
		EXPECT_NE(found, std::string::npos) << name << " " << value << "\n" << funnel;
		at = found == std::string::npos ? at : found;
	}
	EXPECT_EQ(count(funnel, "class=\"rate\""), 4u);
	for (const char *rate : {"exposure_entry_rate", "product_exposure_rate", "click_rate", "click_to_order_rate"})
		EXPECT_NE(funnel.find(std::string("data-metric=\"") + rate + "\""), std::string::npos) << rate;
	char entry[32];
	std::snprintf(entry, sizeof entry, "曝光-进入率 %.1f%%", *r.metrics.exposure_entry_rate * 100.0);
	EXPECT_NE(funnel.find(entry), std::string::npos) << entry << "\n" << funnel;
	const std::string en = html_of(log, "en-US");
	for (const char *word : {"Impressions", "Entered (views)", "Saw a product", "Clicked a product", "Bought", "Impression → entry",
				 "Product click rate", "Click → order"})
		EXPECT_NE(section(en, "<h2 id=\"funnel\">", "</svg>").find(word), std::string::npos) << word;
	expect_self_contained(zh);
	expect_self_contained(en);
}

TEST(HtmlReport, TrafficTableAndCurveAndTriageChart)
{
	const std::string log = write_log("rich", "", kRichRoom);
	const auto r = report::build_report(log);
	ASSERT_TRUE(r.sources_logged);
	const std::string zh = html_of(log, "zh-CN");
	const std::string traffic = section(zh, "<h2 id=\"traffic\">", "<h2 id=\"");
	ASSERT_FALSE(traffic.empty());
	EXPECT_EQ(count(traffic, "<tr data-source="), r.metrics.traffic.size());
	for (const auto &row : r.metrics.traffic)
		EXPECT_NE(traffic.find("<tr data-source=\"" + row.source + "\"><td>"), std::string::npos) << row.source;
	EXPECT_NE(traffic.find("<tr data-source=\"recommend\"><td>推荐</td><td>2</td><td>40.0%</td><td>1</td><td>50.0%</td><td>¥50</td><td>50.0%</td></tr>"),
		  std::string::npos)
		<< traffic; // two of five viewers, one of them bought: half the GMV
	EXPECT_NE(traffic.find("<td>短视频</td>"), std::string::npos) << traffic;
	EXPECT_NE(traffic.find("<td>其他</td>"), std::string::npos) << traffic; // viewer a came without a source
	EXPECT_NE(traffic.find("每分钟曝光次数"), std::string::npos) << traffic;
	// One line per source in the viewers-by-source curve, inline SVG.
	EXPECT_EQ(count(traffic, "<polyline class=\"src\""), r.sources.size());
	EXPECT_NE(traffic.find("各来源在线人数"), std::string::npos);
	const std::string en = html_of(log, "en-US");
	for (const char *name : {"<td>Recommended feed</td>", "<td>Followers</td>", "<td>Short videos</td>", "<td>Other</td>"})
		EXPECT_NE(en.find(name), std::string::npos) << name;
	// Triage: answered and waiting per minute as bars.
	const std::string triage = section(zh, "<h2 id=\"triage\">", "<h2");
	ASSERT_FALSE(triage.empty());
	EXPECT_NE(triage.find("<svg class=\"chart\""), std::string::npos);
	EXPECT_NE(triage.find("class=\"b1\""), std::string::npos); // answered
	EXPECT_NE(triage.find("class=\"b2\""), std::string::npos); // waiting
	EXPECT_NE(triage.find("提问 3 个 · 已回复 2 个 · 最多同时等待 2 个"), std::string::npos) << triage;
	ASSERT_GE(r.minutes.size(), 2u);
	EXPECT_EQ(r.minutes[0].questions_waiting, 1); // q2 never answered
	EXPECT_EQ(r.minutes[1].questions_answered, 1);
}

TEST(HtmlReport, SimulatedSessionHasEverySectionAndRequestsNothing)
{
	const std::string log = strong_log();
	for (const char *language : {"zh-CN", "en-US"}) {
		const std::string html = html_of(log, language);
		for (const char *id : {"<h2 id=\"funnel\">", "<h2 id=\"traffic\">", "<h2 id=\"triage\">"})
			EXPECT_NE(html.find(id), std::string::npos) << id;
		EXPECT_EQ(count(section(html, "<h2 id=\"funnel\">", "</svg>"), "<g class=\"step\">"), 5u);
		expect_self_contained(html);
	}
}

TEST(HtmlReport, AdSpendAndRoiOnlyWhenThereWasSpend)
{
	const std::string none = html_of(write_log("none", R"(,"ad_budget_cents":20000)", ""), "en-US");
	EXPECT_EQ(none.find("<h2 id=\"ads\">"), std::string::npos);
	EXPECT_EQ(none.find("ROI"), std::string::npos);
	const std::string spend = R"({"t":5000,"type":"ad_spend","amount_cents":2500,"impressions":1000,"campaign":"warm-up"}
{"t":6000,"type":"impressions","count":1000,"source":"paid"}
{"t":7000,"type":"viewer_join","viewer":"p","source":"paid"}
)";
	for (const auto &[tag, budget] : std::vector<std::pair<std::string, std::string>>{{"budget", R"(,"ad_budget_cents":20000)"}, {"no-budget", ""}}) {
		const std::string html = html_of(write_log(tag, budget, spend), "en-US");
		const std::string ads = section(html, "<h2 id=\"ads\">", "<h2");
		ASSERT_FALSE(ads.empty()) << tag;
		EXPECT_NE(ads.find("<b>¥25</b><span>Ad spend</span>"), std::string::npos) << ads;
		EXPECT_NE(ads.find("<b>2.00</b><span>ROI (all GMV ÷ spend)</span>"), std::string::npos) << ads; // ¥50 / ¥25
		EXPECT_NE(ads.find("<b>1</b><span>Viewers from paid traffic</span>"), std::string::npos) << ads;
		EXPECT_NE(ads.find("<td>warm-up</td>"), std::string::npos) << ads;
		EXPECT_NE(ads.find("<td>¥25</td><td>1000</td><td>¥25</td>"), std::string::npos) << ads; // amount, impressions, price per 1,000
		EXPECT_EQ(ads.find("Ad budget") != std::string::npos, tag == "budget") << ads;
		if (tag == "budget") {
			EXPECT_NE(ads.find("<b>¥175</b><span>Budget left</span>"), std::string::npos) << ads;
		}
		expect_self_contained(html);
	}
	EXPECT_NE(html_of(write_log("zh", "", spend), "zh-CN").find("付费投流"), std::string::npos);
}

TEST(HtmlReport, OlderLogSaysNotInThisLogInsteadOfZeros)
{
	// No impressions, no viewer sources, no questions: what the log does not hold is said.
	for (const char *language : {"en-US", "zh-CN"}) {
		const std::string html = html_of(write_log(language, "", ""), language);
		const bool zh = std::string(language) == "zh-CN";
		const std::string funnel = section(html, "<h2 id=\"funnel\">", "<h2");
		EXPECT_NE(funnel.find(zh ? "曝光 本场日志中没有" : "Impressions not in this log"), std::string::npos) << funnel;
		EXPECT_EQ(funnel.find(zh ? "曝光 0<" : "Impressions 0<"), std::string::npos) << funnel;
		const std::string traffic = section(html, "<h2 id=\"traffic\">", "<h2");
		EXPECT_NE(traffic.find("class=\"not-in-log\""), std::string::npos) << traffic;
		EXPECT_EQ(traffic.find("<tr data-source="), std::string::npos) << traffic;
		EXPECT_EQ(traffic.find("<svg"), std::string::npos) << traffic;
		EXPECT_NE(section(html, "<h2 id=\"triage\">", "<h2").find(zh ? "本场无人提问" : "Nobody asked a question"), std::string::npos);
		expect_self_contained(html);
	}
}

} // namespace

// What the report's outputs show a person: CSV cells a spreadsheet opens safely, lcs compare's
// changes judged by each metric's direction and printed in its unit, and 64-bit seeds.
#include <gtest/gtest.h>

#include <fstream>

#include "core/pack/library.hpp"
#include "core/report/compare.hpp"
#include "core/report/html_report.hpp"
#include "core/report/session_report.hpp"
#include "core/report/subtitles.hpp"
#include "core/session/headless_run.hpp"

namespace {
using namespace lcs;

std::string log_path(const std::string &tag)
{
	return testing::TempDir() + std::string(testing::UnitTest::GetInstance()->current_test_info()->name()) + "-" + tag + ".jsonl";
}

std::string write_log(const std::string &tag, const std::string &header_extra, const std::string &events)
{
	const std::string path = log_path(tag);
	std::ofstream(path, std::ios::binary)
		<< R"({"type":"session","schema":"lcs.session/1","session_id":"s-)" << tag
		<< R"(","started_at":"2026-01-01T00:00:0)" << tag.size() % 10
		<< R"(Z","trainee":"t","scenario":{"id":"x","language":"en-US"},"seed":1,"packs":[],"promotions":[],)" << header_extra
		<< R"("segments":[{"segment_id":"open","name":"Opening","kind":"opening","planned_ms":60000,"cues":[]}]})"
		<< "\n"
		<< events;
	return path;
}

TEST(Csv, LeadingFormulaCharactersAndCarriageReturnsAreNeutralised)
{
	const std::string log = write_log("csv", R"("products":[{"sku":"X","name":"=1+1","list_price_cents":8900,"stock":10}],)",
					  R"log({"t":0,"type":"segment_start","segment_id":"open","planned_ms":60000}
{"t":1000,"type":"viewer_join","viewer":"@evil"}
{"t":2000,"type":"comment","comment_id":"c1","viewer":"@evil","text":"=HYPERLINK(\"http://x\",\"y\")","kind":"reaction"}
{"t":2100,"type":"comment","comment_id":"c2","viewer":"v","text":"+1","kind":"reaction"}
{"t":2200,"type":"comment","comment_id":"c3","viewer":"v","text":"-2+3","kind":"reaction"}
{"t":2300,"type":"comment","comment_id":"c4","viewer":"v","text":"\tcmd","kind":"reaction"}
{"t":2400,"type":"comment","comment_id":"c5","viewer":"v","text":"\rcmd","kind":"reaction"}
{"t":2500,"type":"comment","comment_id":"c6","viewer":"v","text":"one\rtwo","kind":"reaction"}
{"t":2600,"type":"comment","comment_id":"c7","viewer":"v","text":"plain","kind":"reaction"}
{"t":60000,"type":"session_end","reason":"duration"}
)log");
	const auto r = report::build_report(log);
	const std::string comments = report::to_csv(r, "comments");
	for (const char *cell : {R"(,"'@evil",)", R"c(,"'=HYPERLINK(""http://x"",""y"")",)c", R"(,"'+1",)", R"(,"'-2+3",)", ",\"'\tcmd\",",
				 ",\"'\rcmd\",", ",\"one\rtwo\",", ",plain,"})
		EXPECT_NE(comments.find(cell), std::string::npos) << "no cell " << cell << " in\n" << comments;
	for (const char *raw : {",@evil,", ",=HYPERLINK", ",+1,", ",-2+3,", ",\tcmd,", ",\rcmd,", ",one\rtwo,"})
		EXPECT_EQ(comments.find(raw), std::string::npos) << raw;
	// Text cells of the JSON-built tables too; numbers stay numbers.
	const std::string products = report::to_csv(r, "products");
	EXPECT_NE(products.find(R"(X,"'=1+1",)"), std::string::npos) << products;
}

// Two sessions for compare: `gmv` cents in one order, a silence of `silence_s`.
std::string compare_log(const std::string &tag, int64_t gmv, int silence_s, int orders)
{
	std::string events = R"({"t":0,"type":"segment_start","segment_id":"open","planned_ms":60000}
{"t":0,"type":"voice","state":"talk"}
{"t":1000,"type":"viewer_join","viewer":"a"}
{"t":2000,"type":"product_pin","sku":"X"}
)";
	for (int i = 0; i < orders; ++i)
		events += R"({"t":)" + std::to_string(3000 + i) + R"(,"type":"order","order_id":"o)" + std::to_string(i) +
			  R"(","viewer":"a","sku":"X","qty":1,"unit_price_cents":)" + std::to_string(gmv / orders) +
			  R"(,"discount_cents":0,"amount_cents":)" + std::to_string(gmv / orders) + "}\n";
	events += R"({"t":10000,"type":"voice","state":"silence"}
{"t":)" + std::to_string(10000 + silence_s * 1000) +
		  R"(,"type":"voice","state":"talk"}
{"t":60000,"type":"session_end","reason":"duration"}
)";
	return write_log(tag, R"("products":[{"sku":"X","name":"Honey","list_price_cents":2000000,"stock":10}],)", events);
}

TEST(Compare, ChangesAreJudgedByEachMetricsDirectionAndPrintedInItsUnit)
{
	const auto before = report::build_report(compare_log("a", 10000, 4, 1));
	const auto after = report::build_report(compare_log("bb", 1020000, 20, 2)); // more GMV and orders, more dead air
	std::vector<report::ComparedSession> sessions = {{before, std::nullopt}, {after, std::nullopt}};
	const auto j = report::compare_json(sessions);
	ASSERT_TRUE(j.contains("change_from_first") && j.contains("directions")) << j.dump();
	EXPECT_EQ(j["directions"]["dead_air_s"], "lower_is_better");
	EXPECT_EQ(j["directions"]["gmv_cents"], "higher_is_better");
	EXPECT_EQ(j["directions"]["questions"], "neutral");
	// Issue 14's metrics: more impressions and better entry and ROI are better; spending is neither.
	for (const char *key : {"impressions", "exposure_entry_rate", "product_exposure_rate", "roi"})
		EXPECT_EQ(j["directions"][key], "higher_is_better") << key;
	for (const char *key : {"ad_spend_cents", "speech_chars_per_min"})
		EXPECT_EQ(j["directions"][key], "neutral") << key;
	EXPECT_EQ(report::format_metric("ad_spend_cents", 2500, false), "¥25");
	EXPECT_EQ(report::format_metric("ad_spend_cents", 2500, true), "+¥25");
	EXPECT_EQ(report::format_metric("exposure_entry_rate", 0.125, false), "12.5%");
	EXPECT_EQ(report::format_metric("product_exposure_rate", 0.02, true), "+2.0 pp");
	EXPECT_EQ(report::format_metric("impressions", 12000, false), "12000");
	EXPECT_EQ(report::format_metric("roi", 3.5, false), "3.5");
	EXPECT_EQ(j["change_from_first"]["dead_air_s"][1], "worse");
	EXPECT_EQ(j["change_from_first"]["longest_silence_s"][1], "worse");
	EXPECT_EQ(j["change_from_first"]["gmv_cents"][1], "better");
	EXPECT_EQ(j["change_from_first"]["orders"][1], "better");
	EXPECT_TRUE(j["deltas_from_first"]["gmv_cents"][1].is_number_integer()); // cents stay exact
	EXPECT_EQ(j["deltas_from_first"]["gmv_cents"][1].get<int64_t>(), 1010000);

	const std::string html = report::compare_html(sessions, "en-US");
	auto row = [&](const std::string &key) {
		const size_t at = html.find("<tr><td>" + key + "</td>");
		return at == std::string::npos ? std::string() : html.substr(at, html.find("</tr>", at) - at);
	};
	EXPECT_NE(row("dead_air_s").find("class=\"worse\""), std::string::npos) << row("dead_air_s");
	EXPECT_NE(row("longest_silence_s").find("class=\"worse\""), std::string::npos) << row("longest_silence_s");
	EXPECT_NE(row("gmv_cents").find("class=\"better\""), std::string::npos) << row("gmv_cents");
	EXPECT_NE(row("gmv_cents").find("(+¥10100)"), std::string::npos) << row("gmv_cents"); // money as money
	EXPECT_NE(row("gmv_cents").find("¥10200"), std::string::npos) << row("gmv_cents");
	EXPECT_NE(row("orders").find("(+1)"), std::string::npos) << row("orders"); // counts as whole numbers
	EXPECT_EQ(html.find("e+0"), std::string::npos) << "no exponent notation";

	// The other way round: a drop in GMV is a loss in money, and less dead air is better.
	std::vector<report::ComparedSession> reversed = {{after, std::nullopt}, {before, std::nullopt}};
	const std::string back = report::compare_html(reversed, "en-US");
	const size_t gmv_row = back.find("<tr><td>gmv_cents</td>");
	ASSERT_NE(gmv_row, std::string::npos);
	const std::string gmv = back.substr(gmv_row, back.find("</tr>", gmv_row) - gmv_row);
	EXPECT_NE(gmv.find("class=\"worse\">(-¥10100)"), std::string::npos) << gmv;
	const size_t dead_row = back.find("<tr><td>dead_air_s</td>");
	EXPECT_NE(back.substr(dead_row, back.find("</tr>", dead_row) - dead_row).find("class=\"better\""), std::string::npos);
}

TEST(Seed, SixtyFourBitSeedSurvivesReportHtmlAndCompare)
{
	const uint64_t seed = 5'000'000'000ull;
	const std::string path = log_path("seed");
	auto library = pack::Library::load({std::filesystem::u8path(std::string(LCS_SOURCE_DIR) +
								    "/scripts-library/packs/farm-origin/farm-origin.en-US.json")})
			       .library;
	diag::Diagnostics d;
	auto data = audience::AudienceData::load(std::filesystem::u8path(std::string(LCS_SOURCE_DIR) + "/data/audience"), "en-US", d);
	ASSERT_TRUE(library && data);
	session::HeadlessOptions o;
	o.seed = seed;
	o.duration_seconds = 60;
	o.log_path = path;
	ASSERT_TRUE(session::run_headless(library, std::make_shared<const audience::AudienceData>(std::move(*data)), o).ok);
	const auto r = report::build_report(path);
	EXPECT_EQ(r.header["seed"].get<uint64_t>(), seed); // the log itself is right
	EXPECT_EQ(r.to_json()["session"]["seed"].get<uint64_t>(), seed);
	EXPECT_NE(report::to_html(r, std::nullopt, "en-US").find("Seed: 5000000000"), std::string::npos);
	const auto compared = report::compare_json({{r, std::nullopt}});
	EXPECT_NE(compared["sessions"][0]["label"].get<std::string>().find("#5000000000"), std::string::npos)
		<< compared["sessions"][0]["label"];
}

} // namespace

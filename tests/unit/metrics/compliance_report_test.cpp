// The review of a session's compliance flags (issue 15): the JSON "compliance" section, the CSV
// table, the HTML 合规 / Compliance section in both languages, the rubric's compliance dimension
// (bans cost more than cautions, info nothing, spoken bans gate the pass, measured only over the
// checks that ran) and lcs compare's bans and cautions. Logs are written by hand.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <string>

#include "core/report/compare.hpp"
#include "core/report/compliance_report.hpp"
#include "core/report/html_report.hpp"
#include "core/report/rubric.hpp"
#include "core/report/subtitles.hpp"

namespace {
using namespace lcs;

// A 2-minute log with a recording from t = 1 s; `header_extra` goes into the header (e.g. the
// compliance_checks), `events` between the start and the end.
std::string write_log(const std::string &tag, const std::string &header_extra, const std::string &events,
		      const std::string &started = "2026-01-01T00:00:00Z")
{
	const std::string path =
		testing::TempDir() + std::string(testing::UnitTest::GetInstance()->current_test_info()->name()) + "-" + tag + ".jsonl";
	std::ofstream(path, std::ios::binary)
		<< R"({"type":"session","schema":"lcs.session/1","session_id":"s-)" << tag << R"(","started_at":")" << started
		<< R"(","trainee":"t","scenario":{"id":"x","language":"zh-CN"},"seed":1,"packs":[],)" << header_extra
		<< R"("products":[{"sku":"X","name":"蜂蜜","list_price_cents":8900,"stock":10}],"promotions":[],"segments":[{"segment_id":"open","name":"开场","kind":"opening","planned_ms":120000,"cues":[{"cue_id":"c1","text":"这是全网最好的蜂蜜"}]}]})"
		<< "\n"
		<< R"({"t":0,"type":"segment_start","segment_id":"open","planned_ms":120000})" << "\n"
		<< R"({"t":0,"type":"voice","state":"talk"})" << "\n"
		<< R"({"t":500,"type":"viewer_join","viewer":"a"})" << "\n"
		<< R"({"t":1000,"type":"recording_start","path":"r.mkv"})" << "\n"
		<< events << R"({"t":120000,"type":"session_end","reason":"duration"})" << "\n";
	return path;
}

const std::string kAllChecks = R"("compliance_checks":["cue","speech","price"],)";

std::string flag(int64_t t, const std::string &fields)
{
	return R"({"t":)" + std::to_string(t) + R"(,"type":"compliance_flag",)" + fields + "}\n";
}

// One flag of every kind: a cue's ban (text from the header), a spoken caution, a spoken ban by
// sound, an exempted hit kept as info, an older log's price flag (no category, no severity) and
// a spoken ban matched after normalisation (the term is not in the text as written).
std::string every_kind()
{
	return flag(2000, R"("rule":"absolute.best","term":"最好","where":"cue","cue_id":"c1","category":"absolute","severity":"ban","confidence":"exact","legal_ref":"《中华人民共和国广告法》第九条第（三）项","suggestion":"说清楚好在哪里")") +
	       flag(3000, R"("rule":"urgency.last_wave","term":"最后一波","where":"speech","text":"最后一波了家人们","category":"urgency","severity":"caution","confidence":"normalized","legal_ref":"《网络直播营销管理办法（试行）》","suggestion":"说清楚截止时间或剩余库存")") +
	       flag(4000, R"("rule":"absolute.best","term":"醉好","where":"speech","text":"这是醉好的","category":"absolute","severity":"ban","confidence":"pinyin")") +
	       flag(5000, R"("rule":"absolute.first","term":"第一","where":"speech","text":"第一次来的朋友","category":"absolute","severity":"info")") +
	       flag(6000, R"("rule":"strike_above_list","term":"strike","where":"price","text":"strike price ¥99 is above the list price ¥89")") +
	       flag(7000, R"("rule":"absolute.lowest","term":"最低","where":"speech","text":"全网最*低<script>","category":"absolute","severity":"ban","confidence":"normalized")");
}

TEST(ComplianceReport, JsonListsEveryFlagWithCountsAndChecks)
{
	const auto r = report::build_report(write_log("all", kAllChecks, every_kind()));
	const auto j = r.to_json();
	for (const char *key : {"metrics", "traffic", "segments", "products", "timeline", "ad_spend", "compliance", "session"})
		EXPECT_TRUE(j.contains(key)) << key;
	const auto &c = j["compliance"];
	ASSERT_EQ(c["flags"].size(), 6u) << c.dump();
	EXPECT_EQ(c["flags"][0]["where"], "cue");
	EXPECT_EQ(c["flags"][0]["text"], "这是全网最好的蜂蜜"); // the cue's text from the header
	EXPECT_EQ(c["flags"][0]["video_time"], "00:00:01");
	EXPECT_EQ(c["flags"][0]["legal_ref"], "《中华人民共和国广告法》第九条第（三）项");
	EXPECT_EQ(c["flags"][0]["suggestion"], "说清楚好在哪里");
	EXPECT_EQ(c["flags"][1]["confidence"], "normalized");
	EXPECT_EQ(c["flags"][2]["confidence"], "pinyin");
	// The older price flag: severity not logged (counted as a ban), category inferred from its check.
	EXPECT_EQ(c["flags"][4]["severity"], "unrated");
	EXPECT_EQ(c["flags"][4]["severity_logged"], false);
	EXPECT_EQ(c["flags"][4]["category"], "price");
	EXPECT_EQ(c["flags"][4]["confidence"], "exact");
	EXPECT_EQ(c["flags"][0]["severity_logged"], true);
	EXPECT_EQ(c["by_severity"], (nlohmann::ordered_json{{"ban", 3}, {"caution", 1}, {"info", 1}, {"unrated", 1}}));
	EXPECT_EQ(c["by_category"]["absolute"], 4);
	EXPECT_EQ(c["by_category"]["urgency"], 1);
	EXPECT_EQ(c["by_category"]["price"], 1);
	EXPECT_EQ(c["by_category"]["medical"], 0);
	EXPECT_EQ(c["checks"], nlohmann::ordered_json::array({"cue", "speech", "price"}));
	EXPECT_TRUE(c["not_checked"].empty());
	// On the timeline as kind flag with its severity.
	int flags = 0;
	for (const auto &e : j["timeline"])
		if (e["kind"] == "flag") {
			++flags;
			EXPECT_TRUE(e.contains("severity")) << e.dump();
		}
	EXPECT_EQ(flags, 6);
	EXPECT_EQ(r.metrics.compliance_flags, 6);
}

TEST(ComplianceReport, OlderLogSaysNothingWasChecked)
{
	const auto r = report::build_report(write_log("old", "", flag(6000, R"("rule":"falling_tier","term":"tiers","where":"price")")));
	const auto c = r.to_json()["compliance"];
	EXPECT_TRUE(c["checks"].is_null());
	EXPECT_EQ(c["not_checked"], nlohmann::ordered_json::array({"cue", "speech", "price"}));
	ASSERT_EQ(c["flags"].size(), 1u);
	EXPECT_EQ(c["flags"][0]["text"], ""); // no text: empty in the JSON…
	EXPECT_EQ(report::term_in_text(r.flags[0]).term, "tiers"); // …and the term alone in the table
	for (const bool zh : {true, false}) {
		const std::string html = report::to_html(r, std::nullopt, zh ? "zh-CN" : "en-US");
		EXPECT_NE(html.find(zh ? "本场日志没有记录合规检查" : "This log records no compliance check"), std::string::npos);
	}
	const auto only_price = report::build_report(write_log("price", R"("compliance_checks":["price"],)", ""));
	EXPECT_EQ(only_price.to_json()["compliance"]["not_checked"], nlohmann::ordered_json::array({"cue", "speech"}));
	const std::string html = report::to_html(only_price, std::nullopt, "en-US");
	EXPECT_NE(html.find("Checked in this session: Price"), std::string::npos) << html;
	EXPECT_NE(html.find("Not checked: Cue, Speech"), std::string::npos);
	EXPECT_NE(html.find("The checks that ran found nothing."), std::string::npos);
}

TEST(ComplianceReport, CsvTableHasEveryFlag)
{
	const auto r = report::build_report(write_log("csv", kAllChecks, every_kind() + flag(8000, R"x("rule":"r","term":"=x","where":"speech","text":"=HYPERLINK(1)","severity":"caution")x")));
	const std::string csv = report::to_csv(r, "compliance");
	EXPECT_EQ(csv.substr(0, csv.find('\n')), "t,video_time,where,severity,severity_logged,category,rule,term,confidence,text,legal_ref,suggestion,cue_id");
	EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 8);
	EXPECT_NE(csv.find("2000,00:00:01,cue,ban,true,absolute,absolute.best,最好,exact,这是全网最好的蜂蜜,"), std::string::npos) << csv;
	EXPECT_NE(csv.find("6000,00:00:05,price,unrated,false,price,strike_above_list,strike,exact,"), std::string::npos) << csv;
	EXPECT_NE(csv.find(R"x(,"'=HYPERLINK(1)",)x"), std::string::npos) << csv; // a formula stays text
}

TEST(ComplianceReport, HtmlSectionInBothLanguages)
{
	const auto r = report::build_report(write_log("html", kAllChecks, every_kind()));
	const std::string zh = report::to_html(r, std::nullopt, "zh-CN");
	const std::string en = report::to_html(r, std::nullopt, "en-US");
	for (const auto *html : {&zh, &en}) {
		const size_t at = html->find("<h2 id=\"compliance\">");
		ASSERT_NE(at, std::string::npos);
		const std::string s = html->substr(at, html->find("</table>", at) - at);
		EXPECT_EQ(s.find("<script"), std::string::npos); // the hostile text is escaped
		EXPECT_NE(s.find("&lt;script&gt;"), std::string::npos);
		EXPECT_NE(s.find("<mark>最后一波</mark>了家人们"), std::string::npos) << s; // the term in its sentence
		EXPECT_NE(s.find("这是全网<mark>最好</mark>的蜂蜜"), std::string::npos) << s;
		EXPECT_NE(s.find("全网最*低&lt;script&gt; · <mark>最低</mark>"), std::string::npos) << s; // normalised match
		EXPECT_NE(s.find("《中华人民共和国广告法》第九条第（三）项"), std::string::npos);
		EXPECT_NE(s.find("说清楚截止时间或剩余库存"), std::string::npos);
		EXPECT_NE(s.find("<td>00:00:02</td><td>00:00:01</td>"), std::string::npos) << s; // session and video time
		EXPECT_LT(s.find("data-severity=\"ban\""), s.find("data-severity=\"caution\"")) << "bans are listed before cautions";
		EXPECT_LT(s.find("data-severity=\"caution\""), s.find("data-severity=\"info\""));
		EXPECT_NE(s.find("class=\"sev ban\""), std::string::npos);
		EXPECT_NE(s.find("class=\"sev caution\""), std::string::npos);
		EXPECT_NE(s.find("class=\"sev info\""), std::string::npos);
		EXPECT_NE(s.find("class=\"sev unrated\""), std::string::npos);
		// Flags marked on the curves by severity.
		EXPECT_NE(html->find("class=\"flag ban\""), std::string::npos);
		EXPECT_NE(html->find("class=\"flag caution\""), std::string::npos);
		EXPECT_NE(html->find("class=\"flag info\""), std::string::npos);
	}
	for (const char *word : {"合规", "绝对化用语", "虚假限时限量", "价格欺诈/原价", "口播", "提词", "禁用", "慎用", "未分级（按禁用计）", "读音相近"})
		EXPECT_NE(zh.find(word), std::string::npos) << word;
	for (const char *word : {"Compliance", "Absolute terms", "False urgency", "Speech", "Cue", "Ban", "Caution", "Not rated (counted as a ban)", "by sound"})
		EXPECT_NE(en.find(word), std::string::npos) << word;
}

// The default rubric's compliance dimension.
report::RubricResult default_score(const std::string &log)
{
	diag::Diagnostics problems;
	auto result = report::score(report::build_report(log), std::filesystem::u8path(std::string(LCS_SOURCE_DIR) + "/data/rubric/default.json"),
				    "en-US", problems);
	EXPECT_TRUE(problems.empty()) << (problems.empty() ? "" : problems.front().to_string());
	return result ? *result : report::RubricResult{};
}

std::optional<double> compliance_score(const report::RubricResult &r)
{
	for (const auto &d : r.dimensions)
		if (d.id == "compliance")
			return d.score;
	ADD_FAILURE() << "no compliance dimension";
	return std::nullopt;
}

std::string spoken(int64_t t, const std::string &severity, const std::string &confidence = "exact")
{
	return flag(t, R"("rule":"absolute.best","term":"最好","where":"speech","text":"最好的","category":"absolute","severity":")" + severity +
			       R"(","confidence":")" + confidence + "\"");
}

TEST(ComplianceRubric, BansCostMoreThanCautionsAndInfoNothing)
{
	const auto clean = default_score(write_log("clean", kAllChecks, ""));
	const auto info = default_score(write_log("info", kAllChecks, spoken(2000, "info") + spoken(3000, "info")));
	const auto caution = default_score(write_log("caution", kAllChecks, spoken(2000, "caution")));
	const auto ban = default_score(write_log("ban", kAllChecks, spoken(2000, "ban")));
	ASSERT_TRUE(compliance_score(clean) && compliance_score(info) && compliance_score(caution) && compliance_score(ban));
	EXPECT_DOUBLE_EQ(*compliance_score(clean), 100.0);
	EXPECT_DOUBLE_EQ(*compliance_score(info), 100.0);
	EXPECT_LT(*compliance_score(caution), 100.0);
	EXPECT_LT(*compliance_score(ban), *compliance_score(caution) - 25.0) << "a ban costs far more than a caution";
	EXPECT_DOUBLE_EQ(*compliance_score(ban), 50.0);          // penalty 3 of 6 (×2), one ban of 2 (×1)
	EXPECT_NEAR(*compliance_score(caution), 100.0 * (2 * 5.0 / 6.0 + 1) / 3, 1e-9);
	EXPECT_TRUE(ban.gates_failed.empty()); // one slip is a lesson, not a fail
	// The failing moment is in "what to fix first", the ban before the caution.
	const auto both = default_score(write_log("both", kAllChecks, spoken(2000, "caution") + spoken(3000, "ban")));
	for (const auto &d : both.dimensions)
		if (d.id == "compliance") {
			ASSERT_EQ(d.moments.size(), 2u);
			EXPECT_EQ(d.moments[0].severity, "ban");
			EXPECT_EQ(d.moments[1].severity, "caution");
		}
}

TEST(ComplianceRubric, TwoSpokenBansFailThePassButSoundMatchesAndCuesDoNot)
{
	const auto twice = default_score(write_log("twice", kAllChecks, spoken(2000, "ban") + spoken(3000, "ban")));
	EXPECT_EQ(twice.gates_failed, std::vector<std::string>{"compliance/compliance_bans"});
	ASSERT_TRUE(twice.total);
	EXPECT_LT(*twice.total, twice.pass_mark);
	// By sound (an ASR homophone) costs points but does not fail the pass.
	const auto by_sound = default_score(write_log("sound", kAllChecks, spoken(2000, "ban", "pinyin") + spoken(3000, "ban", "pinyin")));
	EXPECT_TRUE(by_sound.gates_failed.empty());
	EXPECT_LT(*compliance_score(by_sound), 100.0);
	// A cue's finding is the script's (lcs lint); what the host said is scored.
	const std::string cue_ban = flag(2000, R"("rule":"absolute.best","term":"最好","where":"cue","cue_id":"c1","category":"absolute","severity":"ban")");
	const auto cue = default_score(write_log("cue", kAllChecks, cue_ban + cue_ban));
	EXPECT_DOUBLE_EQ(*compliance_score(cue), 100.0);
	EXPECT_TRUE(cue.gates_failed.empty());
	const auto j = twice.to_json();
	const auto &metrics = j["dimensions"][4]["metrics"];
	EXPECT_EQ(metrics[1]["where"], nlohmann::ordered_json::array({"speech"}));
	EXPECT_EQ(metrics[1]["gate_failed"], true);
	EXPECT_EQ(metrics[0]["severity_weights"]["ban"], 3.0);
}

TEST(ComplianceRubric, MeasuredOnlyOverTheChecksThatRan)
{
	// No check listed (an older log) or none that the compliance metrics count: not measured.
	const auto old_log = default_score(write_log("old", "", spoken(2000, "ban")));
	EXPECT_FALSE(compliance_score(old_log).has_value());
	EXPECT_FALSE(old_log.complete);
	const auto cue_only = default_score(write_log("cue", R"("compliance_checks":["cue"],)", ""));
	EXPECT_FALSE(compliance_score(cue_only).has_value());
	// Prices checked, speech not: the price check is measured, an older unrated price flag
	// counts as a ban, and the spoken-ban gate is not measured.
	const auto price = default_score(write_log("price", R"("compliance_checks":["price"],)",
						   flag(6000, R"("rule":"strike_above_list","term":"strike","where":"price")")));
	ASSERT_TRUE(compliance_score(price));
	EXPECT_DOUBLE_EQ(*compliance_score(price), 50.0);
	const auto j = price.to_json();
	EXPECT_EQ(j["dimensions"][4]["metrics"][1]["measured"], false);
	// A spoken flag in a log whose header does not list speech is not counted.
	const auto unlisted = default_score(write_log("unlisted", R"("compliance_checks":["price"],)", spoken(2000, "ban")));
	EXPECT_DOUBLE_EQ(*compliance_score(unlisted), 100.0);
}

TEST(ComplianceRubric, FileOptionsAreChecked)
{
	diag::Diagnostics problems;
	EXPECT_FALSE(report::read_rubric_text(
		R"({"format":"lcs.rubric/1","dimensions":[{"id":"c","metrics":[{"metric":"compliance_bans","target":0,"lower_is_better":true,"where":["mouth"],"ban":2}]}]})",
		"bad.json", problems));
	std::string all;
	for (const auto &p : problems)
		all += p.to_string() + "\n";
	EXPECT_NE(all.find("/dimensions/0/metrics/0/where/0 must be one of cue, speech, price, pack"), std::string::npos) << all;
	EXPECT_NE(all.find("/dimensions/0/metrics/0/ban is not a rubric field here"), std::string::npos) << all;
	// Weights of one's own: cautions only.
	diag::Diagnostics ok;
	const auto rubric = report::read_rubric_text(
		R"({"format":"lcs.rubric/1","dimensions":[{"id":"c","metrics":[{"metric":"compliance_penalty","target":0,"lower_is_better":true,"tolerance":4,"ban":0,"caution":1}]}]})",
		"ok.json", ok);
	ASSERT_TRUE(rubric) << (ok.empty() ? "" : ok.front().to_string());
	const auto r = report::build_report(write_log("own", kAllChecks, every_kind()));
	EXPECT_DOUBLE_EQ(*report::metric_value(r, rubric->dimensions[0].metrics[0]), 1.0); // the one caution
}

TEST(ComplianceCompare, BansAndCautionsPerSessionLowerIsBetter)
{
	const auto first = report::build_report(
		write_log("a", kAllChecks, spoken(2000, "ban") + spoken(3000, "ban") + spoken(4000, "caution"), "2026-01-01T00:00:00Z"));
	const auto second = report::build_report(write_log("b", kAllChecks, spoken(2000, "caution"), "2026-01-02T00:00:00Z"));
	const auto old_log = report::build_report(write_log("c", "", spoken(2000, "ban"), "2026-01-03T00:00:00Z"));
	const std::vector<report::ComparedSession> sessions = {{first, std::nullopt}, {second, std::nullopt}, {old_log, std::nullopt}};
	const auto j = report::compare_json(sessions);
	EXPECT_EQ(j["directions"]["compliance_bans"], "lower_is_better");
	EXPECT_EQ(j["directions"]["compliance_cautions"], "lower_is_better");
	EXPECT_EQ(j["sessions"][0]["compliance"]["bans"], 2);
	EXPECT_EQ(j["sessions"][0]["compliance"]["cautions"], 1);
	EXPECT_EQ(j["sessions"][1]["compliance"]["bans"], 0);
	EXPECT_TRUE(j["sessions"][2]["compliance"]["checks"].is_null());
	EXPECT_EQ(j["deltas_from_first"]["compliance_bans"], nlohmann::ordered_json::array({0, -2, nullptr}));
	EXPECT_EQ(j["change_from_first"]["compliance_bans"], nlohmann::ordered_json::array({"neutral", "better", nullptr}));
	EXPECT_EQ(j["change_from_first"]["compliance_cautions"][1], "neutral");
	const std::string html = report::compare_html(sessions, "en-US");
	const size_t at = html.find("<tr><td>compliance_bans</td>");
	ASSERT_NE(at, std::string::npos);
	const std::string row = html.substr(at, html.find("</tr>", at) - at);
	EXPECT_NE(row.find("class=\"better\">(-2)"), std::string::npos) << row;
	EXPECT_NE(row.find("<td>—</td>"), std::string::npos) << row; // the older log: not measured
	// Reversed: more bans is worse.
	const std::vector<report::ComparedSession> back = {{second, std::nullopt}, {first, std::nullopt}};
	EXPECT_EQ(report::compare_json(back)["change_from_first"]["compliance_bans"][1], "worse");
}

} // namespace

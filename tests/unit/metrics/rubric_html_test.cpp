#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <optional>
#include <regex>

#include "core/pack/library.hpp"
#include "core/report/html_report.hpp"
#include "core/report/rubric.hpp"
#include "core/session/headless_run.hpp"

namespace {
using namespace lcs;

std::string simulated_log(session::Policy policy)
{
	const std::string path = testing::TempDir() + std::string(testing::UnitTest::GetInstance()->current_test_info()->name()) +
				 (policy == session::Policy::Strong ? "-strong" : "-weak") + ".jsonl";
	auto library = pack::Library::load({std::filesystem::u8path(std::string(LCS_SOURCE_DIR) +
								    "/scripts-library/packs/farm-origin/farm-origin.zh-CN.json")})
			       .library;
	diag::Diagnostics d;
	auto data = audience::AudienceData::load(std::filesystem::u8path(std::string(LCS_SOURCE_DIR) + "/data/audience"), "zh-CN", d);
	session::HeadlessOptions o;
	o.seed = 2;
	o.policy = policy;
	o.duration_seconds = 1200;
	o.log_path = path;
	EXPECT_TRUE(session::run_headless(library, std::make_shared<const audience::AudienceData>(std::move(*data)), o).ok);
	return path;
}

std::filesystem::path rubric_file()
{
	return std::filesystem::u8path(std::string(LCS_SOURCE_DIR) + "/data/rubric/default.json");
}

TEST(Rubric, EveryPointIsTraceableAndStrongScoresAboveWeak)
{
	diag::Diagnostics problems;
	const auto strong = report::score(report::build_report(simulated_log(session::Policy::Strong)), rubric_file(), "zh-CN", problems);
	const auto weak = report::score(report::build_report(simulated_log(session::Policy::Weak)), rubric_file(), "zh-CN", problems);
	ASSERT_TRUE(strong && weak);
	EXPECT_TRUE(problems.empty());
	const auto sj = strong->to_json(), wj = weak->to_json();
	ASSERT_TRUE(sj["total"].is_number() && wj["total"].is_number());
	EXPECT_GT(sj["total"].get<double>(), wj["total"].get<double>());
	EXPECT_GE(sj["total"].get<double>(), 0.0);
	EXPECT_LE(sj["total"].get<double>(), 100.0);
	ASSERT_EQ(wj["dimensions"].size(), 5u);
	for (const auto &d : wj["dimensions"]) {
		ASSERT_FALSE(d["metrics"].empty()) << d["id"];
		double points = 0, weights = 0;
		for (const auto &m : d["metrics"])
			if (m["value"].is_number()) {
				points += m["score"].get<double>() * m["weight"].get<double>();
				weights += m["weight"].get<double>();
			}
		ASSERT_GT(weights, 0) << d["id"]; // a simulated room measures every dimension
		EXPECT_NEAR(d["score"].get<double>(), 100.0 * points / weights, 1e-9) << d["id"];
	}
	ASSERT_LE(wj["fix_first"].size(), 3u);
	ASSERT_FALSE(wj["fix_first"].empty());
	for (size_t i = 1; i < wj["fix_first"].size(); ++i)
		EXPECT_LE(wj["fix_first"][i - 1]["score"].get<double>(), wj["fix_first"][i]["score"].get<double>());
	// The weak host ignores questions: audience care is among what to fix, with the slowest answers.
	bool audience = false;
	for (const auto &f : wj["fix_first"])
		if (f["dimension"] == "audience_care") {
			audience = true;
			EXPECT_FALSE(f["moments"].empty());
		}
	EXPECT_TRUE(audience);
	EXPECT_FALSE(weak->tier.empty());
}

// A hand-written log: a 10-minute show in two segments the host follows, one product, `events`
// in between (the session ends at 600 s).
std::string write_log(const std::string &tag, const std::string &events)
{
	const std::string path = testing::TempDir() + std::string(testing::UnitTest::GetInstance()->current_test_info()->name()) + "-" + tag + ".jsonl";
	std::ofstream(path, std::ios::binary)
		<< R"({"type":"session","schema":"lcs.session/1","session_id":"s","started_at":"2026-01-01T00:00:00Z","trainee":"t","scenario":{"id":"x","language":"en-US"},"seed":1,"packs":[],"products":[{"sku":"X","name":"Honey","list_price_cents":8900,"stock":10}],"promotions":[],"segments":[{"segment_id":"open","name":"Opening","kind":"opening","planned_ms":300000,"cues":[]},{"segment_id":"sell","name":"Selling","kind":"selling_points","planned_ms":300000,"cues":[]}]})"
		<< "\n"
		<< R"({"t":0,"type":"segment_start","segment_id":"open","planned_ms":300000})" << "\n"
		<< events
		<< R"({"t":300000,"type":"segment_start","segment_id":"sell","planned_ms":300000})" << "\n"
		<< R"({"t":600000,"type":"session_end","reason":"duration"})" << "\n";
	return path;
}

nlohmann::ordered_json rubric_of(const std::string &log)
{
	diag::Diagnostics problems;
	const auto rubric = report::score(report::build_report(log), rubric_file(), "en-US", problems);
	EXPECT_TRUE(rubric.has_value());
	EXPECT_TRUE(problems.empty());
	return rubric ? rubric->to_json() : nlohmann::ordered_json();
}

const nlohmann::ordered_json &dimension(const nlohmann::ordered_json &rubric, const std::string &id)
{
	for (const auto &d : rubric["dimensions"])
		if (d["id"] == id)
			return d;
	static const nlohmann::ordered_json none;
	ADD_FAILURE() << "no dimension " << id;
	return none;
}

TEST(Rubric, EmptyRoomSilentHostIsNotExcellent)
{
	// Nobody comes for 10 minutes and the host says nothing: the voice meter either never
	// reports (no voice event at all) or reports silence from the start.
	for (const auto &[tag, events] : std::vector<std::pair<std::string, std::string>>{
		     {"no-voice", ""}, {"silence", R"({"t":0,"type":"voice","state":"silence"})" "\n"}}) {
		const auto j = rubric_of(write_log(tag, events));
		ASSERT_TRUE(j["total"].is_number()) << tag;
		EXPECT_NE(j["tier"], "Excellent") << tag;
		EXPECT_NE(j["tier"], "Good") << tag;
		EXPECT_EQ(j["complete"], false) << tag;
		const auto &delivery = dimension(j, "delivery");
		if (tag == "no-voice") {
			// Nothing was heard: neither talk nor silence is known, so delivery is not measured (and
			// the total, covering the script only, is incomplete and gets no tier).
			EXPECT_FALSE(delivery["score"].is_number()) << delivery.dump();
			EXPECT_EQ(j["tier"], "") << tag;
		} else {
			EXPECT_LT(j["total"].get<double>(), 55.0) << tag << ": " << j.dump();
			ASSERT_TRUE(delivery["score"].is_number()) << tag;
			EXPECT_LT(delivery["score"].get<double>(), 5.0) << tag; // talk ratio 0, dead air the whole show
		}
		for (const char *id : {"selling", "audience_care"}) // nobody came: nothing to sell to, no question
			EXPECT_FALSE(dimension(j, id)["score"].is_number()) << tag << " " << id << " must not score: " << dimension(j, id).dump();
	}
}

TEST(Rubric, AnsweringLateIsNeverWorseThanNotAnswering)
{
	// Events in time order (a reader skips a line whose t goes back).
	auto room = [](std::optional<int> answer_after_s) {
		std::vector<std::pair<int64_t, std::string>> lines = {
			{0, R"({"t":0,"type":"voice","state":"talk"})"},
			{1000, R"({"t":1000,"type":"viewer_join","viewer":"a"})"},
			{1000, R"({"t":1000,"type":"viewer_join","viewer":"b"})"},
			{10000, R"({"t":10000,"type":"comment","comment_id":"q1","viewer":"a","text":"price?","kind":"question"})"},
			{20000, R"({"t":20000,"type":"comment","comment_id":"q2","viewer":"b","text":"size?","kind":"question"})"},
			{30000, R"({"t":30000,"type":"comment","comment_id":"q3","viewer":"a","text":"shipping?","kind":"question"})"},
			{40000, R"({"t":40000,"type":"comment","comment_id":"q4","viewer":"b","text":"colour?","kind":"question"})"}};
		if (answer_after_s) {
			const int64_t t = 10000 + *answer_after_s * 1000LL;
			lines.emplace_back(t, R"({"t":)" + std::to_string(t) + R"(,"type":"comment_answered","comment_id":"q1"})");
		}
		std::stable_sort(lines.begin(), lines.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
		std::string text;
		for (const auto &[t, line] : lines)
			text += line + "\n";
		return text;
	};
	const auto none = rubric_of(write_log("none", room(std::nullopt)));
	const double none_care = dimension(none, "audience_care")["score"].get<double>();
	const double none_total = none["total"].get<double>();
	double previous_care = 101, previous_total = 101;
	// One of the four questions answered after 2 s … 250 s (the answer comes before 300 s).
	for (const int delay_s : {2, 10, 30, 60, 120, 250}) {
		const auto late = rubric_of(write_log("after-" + std::to_string(delay_s), room(delay_s)));
		const double care = dimension(late, "audience_care")["score"].get<double>();
		const double total = late["total"].get<double>();
		EXPECT_GT(care, none_care) << "answered after " << delay_s << " s";
		EXPECT_GT(total, none_total) << "answered after " << delay_s << " s";
		EXPECT_LE(care, previous_care) << "a slower answer must not score above a quicker one (" << delay_s << " s)";
		EXPECT_LE(total, previous_total) << delay_s << " s";
		previous_care = care;
		previous_total = total;
	}
}

TEST(Rubric, DimensionWithNothingMeasuredIsReportedAsNotMeasured)
{
	const std::string log = write_log("empty", R"({"t":0,"type":"voice","state":"silence"})" "\n");
	const auto r = report::build_report(log);
	diag::Diagnostics problems;
	const auto rubric = report::score(r, rubric_file(), "en-US", problems);
	ASSERT_TRUE(rubric);
	const auto j = rubric->to_json();
	ASSERT_TRUE(j.contains("complete") && j.contains("not_measured")) << j.dump();
	EXPECT_EQ(j.at("complete"), false) << j.dump();
	// No compliance check ran (the header lists none): 0 flags would not mean compliance.
	EXPECT_EQ(j.at("not_measured"), nlohmann::ordered_json::array({"selling", "audience_care", "compliance"})) << j.dump();
	EXPECT_EQ(j["tier"], ""); // no tier for an incomplete total
	double points = 0, weights = 0;
	for (const auto &d : j["dimensions"]) {
		EXPECT_EQ(d.value("measured", !d["score"].is_number()), d["score"].is_number()) << d.dump();
		if (d["score"].is_number()) {
			points += d["score"].get<double>() * d["weight"].get<double>();
			weights += d["weight"].get<double>();
		} else {
			for (const auto &m : d["metrics"]) { // nothing measured, no point given
				EXPECT_TRUE(m["value"].is_null()) << m.dump();
				EXPECT_TRUE(m["score"].is_null()) << m.dump();
			}
		}
	}
	EXPECT_NEAR(j["total"].get<double>(), points / weights, 1e-9); // the total covers the measured dimensions only
	for (const auto &f : j["fix_first"])
		EXPECT_TRUE(f["score"].is_number()) << f.dump();
	const std::string html = report::to_html(r, rubric, "en-US");
	EXPECT_NE(html.find("Incomplete"), std::string::npos);
	EXPECT_NE(html.find("<b>not measured</b>"), std::string::npos);
}

TEST(Rubric, WronglyTypedFieldIsAnErrorWithFileAndJsonPath)
{
	std::ifstream in(rubric_file(), std::ios::binary);
	const std::string good((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
	const auto r = report::build_report(write_log("room", ""));
	struct Case {
		std::string from, to, path;
	};
	for (const auto &c : std::vector<Case>{{R"("weight": 30)", R"("weight": "30")", "/dimensions/0/weight"},
					       {R"("target": 0.025)", R"("target": [0.025])", "/dimensions/0/metrics/1/target"},
					       {R"("lower_is_better": true, "tolerance": 165)", R"("lower_is_better": "yes", "tolerance": 165)",
						"/dimensions/2/metrics/1/lower_is_better"},
					       {R"("floor": 0.005, "weight": 2)", R"("floor": 0.05, "weight": 2)", "/dimensions/0/metrics/1/floor"},
					       {R"("pass_limit": 180)", R"("pass_limit": "3 min")", "/dimensions/2/metrics/1/pass_limit"},
					       {R"("capacity_per_min": 6)", R"("capacity_per_min": -6)", "/dimensions/1/metrics/0/capacity_per_min"},
					       {R"("min": 70)", R"("min": "70")", "/tiers/1/min"},
					       {R"("metric": "click_rate")", R"("metric": "clik_rate")", "/dimensions/0/metrics/2/metric"}}) {
		std::string text = good;
		const size_t at = text.find(c.from);
		ASSERT_NE(at, std::string::npos) << c.from;
		text.replace(at, c.from.size(), c.to);
		const std::string file = testing::TempDir() + "bad-rubric.json";
		std::ofstream(file, std::ios::binary) << text;
		diag::Diagnostics problems;
		std::optional<report::RubricResult> result;
		EXPECT_NO_THROW(result = report::score(r, std::filesystem::u8path(file), "en-US", problems)) << c.path;
		EXPECT_FALSE(result.has_value()) << c.path;
		ASSERT_FALSE(problems.empty()) << c.path;
		const std::string message = problems.front().to_string();
		EXPECT_EQ(message.rfind(file + ":", 0), 0u) << message; // file:line:col: error: …
		EXPECT_GT(problems.front().where.line, 0) << message;
		EXPECT_NE(message.find(c.path), std::string::npos) << message;
	}
}

TEST(HtmlReport, SelfContainedWithChartsInBothLanguages)
{
	const auto r = report::build_report(simulated_log(session::Policy::Strong));
	diag::Diagnostics problems;
	const auto rubric = report::score(r, rubric_file(), "zh-CN", problems);
	const std::string zh = report::to_html(r, rubric, "zh-CN");
	const std::string en = report::to_html(r, rubric, "en-US");
	EXPECT_EQ(zh.rfind("<!DOCTYPE html>", 0), 0u);
	EXPECT_NE(zh.find("直播复盘报告"), std::string::npos);
	EXPECT_NE(en.find("Live session review"), std::string::npos);
	const std::regex svg("<svg class=\"chart\"");
	EXPECT_GE(std::distance(std::sregex_iterator(zh.begin(), zh.end(), svg), std::sregex_iterator()), 4); // funnel + 3 charts
	for (const char *outside : {"<script", "<link", "src=", "http://", "https://", "@import", "url("})
		EXPECT_EQ(zh.find(outside), std::string::npos) << outside;
	EXPECT_NE(zh.find("class=\"seg\""), std::string::npos);   // segment markers
	EXPECT_NE(zh.find("class=\"pin\""), std::string::npos);   // pin markers
	EXPECT_NE(zh.find("class=\"promo\""), std::string::npos); // promotion markers
}

} // namespace

#include "core/report/compare.hpp"

namespace {

TEST(Compare, SessionsSideBySideWithDeltasAndOverlaidCurves)
{
	const auto weak = lcs::report::build_report(simulated_log(lcs::session::Policy::Weak));
	const auto strong = lcs::report::build_report(simulated_log(lcs::session::Policy::Strong));
	std::vector<lcs::report::ComparedSession> sessions = {{weak, std::nullopt}, {strong, std::nullopt}};
	const auto j = lcs::report::compare_json(sessions);
	ASSERT_EQ(j["sessions"].size(), 2u);
	EXPECT_DOUBLE_EQ(j["deltas_from_first"]["gmv_cents"][0].get<double>(), 0.0);
	EXPECT_DOUBLE_EQ(j["deltas_from_first"]["gmv_cents"][1].get<double>(),
			 static_cast<double>(strong.metrics.gmv_cents - weak.metrics.gmv_cents));
	const std::string html = lcs::report::compare_html(sessions, "en-US");
	size_t lines = 0;
	for (size_t at = html.find("<polyline"); at != std::string::npos; at = html.find("<polyline", at + 1))
		++lines;
	EXPECT_EQ(lines, 4u); // two sessions × (viewers, GMV)
	EXPECT_EQ(html.find("http"), std::string::npos);
}

} // namespace

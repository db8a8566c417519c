// The default rubric against the issue-14 bands: a host who answers nothing and leaves minutes of
// dead air does not pass, a competent one does; triage is measured against what a human host can
// answer; what did not run (compliance checks, the voice meter) is not measured.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <string>

#include "core/pack/library.hpp"
#include "core/report/rubric.hpp"
#include "core/session/headless_run.hpp"

namespace {
using namespace lcs;

std::filesystem::path rubric_file()
{
	return std::filesystem::u8path(std::string(LCS_SOURCE_DIR) + "/data/rubric/default.json");
}

std::string simulated_log(session::Policy policy, uint64_t seed)
{
	const std::string path = testing::TempDir() + "rubric-calibration-" + (policy == session::Policy::Strong ? "strong-" : "weak-") +
				 std::to_string(seed) + ".jsonl";
	auto library = pack::Library::load({std::filesystem::u8path(std::string(LCS_SOURCE_DIR) +
								    "/scripts-library/packs/farm-origin/farm-origin.zh-CN.json")})
			       .library;
	diag::Diagnostics d;
	auto data = audience::AudienceData::load(std::filesystem::u8path(std::string(LCS_SOURCE_DIR) + "/data/audience"), "zh-CN", d);
	session::HeadlessOptions o;
	o.seed = seed;
	o.policy = policy;
	o.duration_seconds = 1500;
	o.log_path = path;
	EXPECT_TRUE(session::run_headless(library, std::make_shared<const audience::AudienceData>(std::move(*data)), o).ok);
	return path;
}

report::RubricResult default_score(const std::string &log, const std::string &language = "en-US")
{
	diag::Diagnostics problems;
	auto result = report::score(report::build_report(log), rubric_file(), language, problems);
	EXPECT_TRUE(problems.empty());
	return result ? *result : report::RubricResult{};
}

TEST(RubricCalibration, WeakHostDoesNotPassAndStrongHostDoes)
{
	for (const uint64_t seed : {2u, 7u}) {
		const auto weak = default_score(simulated_log(session::Policy::Weak, seed));
		const auto strong = default_score(simulated_log(session::Policy::Strong, seed));
		ASSERT_TRUE(weak.total && strong.total) << seed;
		ASSERT_EQ(weak.pass_mark, 55.0); // the "Passing" tier of the default rubric
		// The weak host answers no question and leaves minutes of dead air: below the pass mark,
		// in the lowest tier, and the report says which gates it failed.
		EXPECT_LT(*weak.total, weak.pass_mark) << seed << ": " << weak.to_json().dump();
		EXPECT_EQ(weak.tier, "Needs work") << seed;
		EXPECT_NE(std::find(weak.gates_failed.begin(), weak.gates_failed.end(), "audience_care/response_score"), weak.gates_failed.end())
			<< weak.to_json().dump();
		ASSERT_TRUE(weak.uncapped_total);
		EXPECT_GE(*weak.uncapped_total, *weak.total);
		// The strong host passes on its own merit: no gate failed, every dimension measured.
		EXPECT_GE(*strong.total, strong.pass_mark) << seed << ": " << strong.to_json().dump();
		EXPECT_TRUE(strong.gates_failed.empty()) << strong.to_json().dump();
		EXPECT_TRUE(strong.complete);
		EXPECT_NE(strong.tier, "Needs work");
		EXPECT_FALSE(strong.tier.empty());
		// Ahead on merit, not only through the gate.
		EXPECT_GT(*strong.uncapped_total, *weak.uncapped_total + 10) << seed;
	}
}

// A 2-minute log; `header_extra` goes into the header, `events` between the start and the end.
std::string write_log(const std::string &tag, const std::string &header_extra, const std::string &events)
{
	const std::string path = testing::TempDir() + std::string(testing::UnitTest::GetInstance()->current_test_info()->name()) + "-" + tag + ".jsonl";
	std::ofstream(path, std::ios::binary)
		<< R"({"type":"session","schema":"lcs.session/1","session_id":"s","started_at":"2026-01-01T00:00:00Z","trainee":"t","scenario":{"id":"x","language":"en-US"},"seed":1,"packs":[],)"
		<< header_extra
		<< R"("products":[{"sku":"X","name":"Honey","list_price_cents":200,"stock":10}],"promotions":[],"segments":[{"segment_id":"open","name":"Opening","kind":"opening","planned_ms":120000,"cues":[]}]})"
		<< "\n"
		<< R"({"t":0,"type":"segment_start","segment_id":"open","planned_ms":120000})" << "\n"
		<< R"({"t":0,"type":"voice","state":"talk"})" << "\n"
		<< R"({"t":500,"type":"viewer_join","viewer":"a"})" << "\n"
		<< events << R"({"t":120000,"type":"session_end","reason":"duration"})" << "\n";
	return path;
}

const report::DimensionScore *dimension(const report::RubricResult &r, const std::string &id)
{
	for (const auto &d : r.dimensions)
		if (d.id == id)
			return &d;
	ADD_FAILURE() << "no dimension " << id;
	return nullptr;
}

TEST(RubricCalibration, ComplianceIsMeasuredOnlyOverChecksThatRan)
{
	const std::string flag = R"({"t":2000,"type":"compliance_flag","rule":"price","term":"¥1","where":"price"})" "\n";
	// An older log: no compliance_checks in the header, so nothing says a check ran.
	const auto old_log = default_score(write_log("old", "", ""));
	ASSERT_NE(dimension(old_log, "compliance"), nullptr);
	EXPECT_FALSE(dimension(old_log, "compliance")->score.has_value());
	EXPECT_FALSE(old_log.complete);
	const auto nothing_checked = default_score(write_log("none", R"("compliance_checks":[],)", ""));
	EXPECT_FALSE(dimension(nothing_checked, "compliance")->score.has_value());
	// The price check ran: clean is full marks, a flag costs.
	const auto clean = default_score(write_log("clean", R"("compliance_checks":["price"],)", ""));
	ASSERT_TRUE(dimension(clean, "compliance")->score.has_value());
	EXPECT_DOUBLE_EQ(*dimension(clean, "compliance")->score, 100.0);
	const auto flagged = default_score(write_log("flagged", R"("compliance_checks":["price"],)", flag));
	ASSERT_TRUE(dimension(flagged, "compliance")->score.has_value());
	EXPECT_LT(*dimension(flagged, "compliance")->score, 100.0);
}

std::string questions(int asked, int answered)
{
	std::string text;
	for (int i = 0; i < asked; ++i)
		text += R"({"t":)" + std::to_string(1000 + i * 100) + R"(,"type":"comment","comment_id":"q)" + std::to_string(i) +
			R"(","viewer":"a","text":"?","kind":"question"})" "\n";
	for (int i = 0; i < answered; ++i)
		text += R"({"t":)" + std::to_string(5000 + i * 100) + R"(,"type":"comment_answered","comment_id":"q)" + std::to_string(i) + R"("})" "\n";
	return text;
}

TEST(RubricCalibration, ResponseIsMeasuredAgainstWhatAHumanHostCanAnswer)
{
	diag::Diagnostics problems;
	const auto rubric = report::read_rubric_file(rubric_file(), problems);
	ASSERT_TRUE(rubric);
	const report::RubricMetric *response = nullptr;
	for (const auto &d : rubric->dimensions)
		for (const auto &m : d.metrics)
			if (m.metric == "response_score")
				response = &m;
	ASSERT_NE(response, nullptr);
	ASSERT_DOUBLE_EQ(response->response.capacity_per_min, 6.0);
	// Twenty questions in one minute: six quick answers is all a human host can give.
	const auto six = report::build_report(write_log("six", "", questions(20, 6)));
	EXPECT_DOUBLE_EQ(*report::metric_value(six, *response), 1.0);
	const auto three = report::build_report(write_log("three", "", questions(20, 3)));
	EXPECT_DOUBLE_EQ(*report::metric_value(three, *response), 0.5);
	const auto all = report::build_report(write_log("all", "", questions(20, 20)));
	EXPECT_DOUBLE_EQ(*report::metric_value(all, *response), 1.0); // never above 1
	// Without a capacity every question counts.
	report::RubricMetric uncapped = *response;
	uncapped.response.capacity_per_min = 0;
	EXPECT_DOUBLE_EQ(*report::metric_value(six, uncapped), 0.3);
	// A quiet room: two questions, both must be answered for full marks.
	const auto quiet = report::build_report(write_log("quiet", "", questions(2, 1)));
	EXPECT_DOUBLE_EQ(*report::metric_value(quiet, *response), 0.5);
}

TEST(RubricCalibration, FloorAndGateFromTheFile)
{
	diag::Diagnostics problems;
	const auto rubric = report::read_rubric_text(
		R"({"format":"lcs.rubric/1","name":"r","dimensions":[
		  {"id":"selling","weight":1,"metrics":[{"metric":"uv_value_cents","target":300,"floor":100}]},
		  {"id":"care","weight":1,"metrics":[{"metric":"response_score","target":1,"pass_limit":0.5}]}],
		 "tiers":[{"min":55,"name":"Passing"},{"min":0,"name":"Needs work"}]})",
		"r.json", problems);
	ASSERT_TRUE(rubric) << (problems.empty() ? "" : problems.front().to_string());
	// One viewer buys ¥2: UV value 200 sits halfway between the floor (100) and the target (300).
	const std::string order = R"({"t":6000,"type":"order","order_id":"o","viewer":"a","sku":"X","qty":1,"unit_price_cents":200,"discount_cents":0,"amount_cents":200})" "\n";
	const auto answered = report::score(report::build_report(write_log("answered", "", questions(1, 1) + order)), *rubric, "en-US");
	ASSERT_TRUE(dimension(answered, "selling")->score);
	EXPECT_DOUBLE_EQ(*dimension(answered, "selling")->score, 50.0);
	EXPECT_TRUE(answered.gates_failed.empty());
	EXPECT_DOUBLE_EQ(*answered.total, 75.0);
	EXPECT_EQ(answered.tier, "Passing");
	// The same room with its one question ignored: the gate fails, the total stays under 55.
	const auto ignored = report::score(report::build_report(write_log("ignored", "", questions(1, 0) + order)), *rubric, "en-US");
	EXPECT_EQ(ignored.gates_failed, std::vector<std::string>{"care/response_score"});
	EXPECT_DOUBLE_EQ(*ignored.uncapped_total, 25.0);
	EXPECT_DOUBLE_EQ(*ignored.total, 25.0); // already under the pass mark: the cap changes nothing
	// A floor at or above the target is an error at its path.
	diag::Diagnostics bad;
	EXPECT_FALSE(report::read_rubric_text(
		R"({"format":"lcs.rubric/1","dimensions":[{"id":"s","metrics":[{"metric":"uv_value_cents","target":300,"floor":300}]}]})", "bad.json", bad));
	ASSERT_FALSE(bad.empty());
	EXPECT_NE(bad.front().to_string().find("/dimensions/0/metrics/0/floor"), std::string::npos) << bad.front().to_string();
}

TEST(RubricCalibration, FailedGateCapsAHighTotalUnderThePassMark)
{
	diag::Diagnostics problems;
	const auto rubric = report::read_rubric_text(
		R"({"format":"lcs.rubric/1","dimensions":[
		  {"id":"script","weight":9,"metrics":[{"metric":"segments_covered","target":1}]},
		  {"id":"delivery","weight":1,"metrics":[{"metric":"dead_air_s","target":0,"lower_is_better":true,"tolerance":100,"pass_limit":60}]}],
		 "tiers":[{"min":70,"name":"Good"},{"min":55,"name":"Passing"},{"min":0,"name":"Needs work"}]})",
		"r.json", problems);
	ASSERT_TRUE(rubric);
	// 90 s of dead air: delivery 10, script 100, uncapped total 91, but above the 60 s gate.
	const std::string silence = R"({"t":10000,"type":"voice","state":"silence"})" "\n" R"({"t":100000,"type":"voice","state":"talk"})" "\n";
	const auto r = report::score(report::build_report(write_log("silent", "", silence)), *rubric, "en-US");
	ASSERT_TRUE(r.uncapped_total && r.total);
	EXPECT_NEAR(*r.uncapped_total, 91.0, 1e-9);
	EXPECT_DOUBLE_EQ(r.pass_mark, 55.0);
	EXPECT_DOUBLE_EQ(*r.total, 54.0);
	EXPECT_EQ(r.tier, "Needs work");
	const auto j = r.to_json();
	EXPECT_EQ(j["gates_failed"], nlohmann::ordered_json::array({"delivery/dead_air_s"}));
	EXPECT_EQ(j["dimensions"][1]["metrics"][0]["gate_failed"], true);
}

} // namespace

// Found by the rubric fuzzer: nlohmann reports a number no double holds as out_of_range, not as
// a parse error; it is an error at the number, not an exception out of the reader.
TEST(RubricCalibration, ANumberTooLargeForADoubleIsAnErrorAtIt)
{
	diag::Diagnostics problems;
	EXPECT_FALSE(report::read_rubric_text("{\"format\":\"lcs.rubric/1\",\n \"dimensions\":[{\"id\":\"b\",\"weight\":2e+308}]}",
					      "big.json", problems));
	ASSERT_EQ(problems.size(), 1u);
	EXPECT_EQ(problems.front().to_string().rfind("big.json:2:", 0), 0u) << problems.front().to_string();
	EXPECT_NE(problems.front().to_string().find("too large"), std::string::npos) << problems.front().to_string();
}

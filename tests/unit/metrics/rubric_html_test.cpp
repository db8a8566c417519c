#include <gtest/gtest.h>

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
	EXPECT_GT(strong->total, weak->total);
	EXPECT_GE(strong->total, 0.0);
	EXPECT_LE(strong->total, 100.0);
	ASSERT_EQ(weak->dimensions.size(), 5u);
	for (const auto &d : weak->dimensions) {
		ASSERT_FALSE(d.metrics.empty()) << d.id;
		double points = 0, weights = 0;
		for (const auto &m : d.metrics)
			if (m.value) {
				points += m.score * m.weight;
				weights += m.weight;
			}
		EXPECT_NEAR(d.score, weights > 0 ? 100.0 * points / weights : 100.0, 1e-9) << d.id;
	}
	ASSERT_LE(weak->fix_first.size(), 3u);
	ASSERT_FALSE(weak->fix_first.empty());
	for (size_t i = 1; i < weak->fix_first.size(); ++i)
		EXPECT_LE(weak->dimensions[weak->fix_first[i - 1]].score, weak->dimensions[weak->fix_first[i]].score);
	// The weak host ignores questions: audience care is among what to fix, with the slowest answers.
	bool audience = false;
	for (const size_t i : weak->fix_first)
		if (weak->dimensions[i].id == "audience_care") {
			audience = true;
			EXPECT_FALSE(weak->dimensions[i].moments.empty());
		}
	EXPECT_TRUE(audience);
	EXPECT_FALSE(weak->tier.empty());
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

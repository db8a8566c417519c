// The desk's "Open the HTML report": the page is written for a real simulated session, scored with
// the rubric, and a missing or broken rubric is said (never dropped silently, issue 11 item 4).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/audience/audience_data.hpp"
#include "core/pack/library.hpp"
#include "core/session/headless_run.hpp"
#include "dock/review-panel.hpp"

namespace {
using namespace lcs;

std::string source(const std::string &relative)
{
	return (std::filesystem::path(LCS_SOURCE_DIR) / relative).string();
}

std::string read_all(const std::string &path)
{
	std::ifstream in(path, std::ios::binary);
	std::ostringstream s;
	s << in.rdbuf();
	return s.str();
}

// A real 2-minute session of the bundled farm pack, logged to a fresh file.
std::string simulated_log(const std::string &name)
{
	auto loaded = pack::Library::load({std::filesystem::u8path(source("scripts-library/packs/farm-origin/farm-origin.en-US.json"))});
	EXPECT_TRUE(loaded.library);
	diag::Diagnostics problems;
	auto audience = audience::AudienceData::load(source("data/audience"), loaded.library->language(), problems);
	EXPECT_TRUE(audience);
	session::HeadlessOptions options;
	options.seed = 11;
	options.duration_seconds = 120;
	options.log_path = testing::TempDir() + "lcs-review-" + name + ".jsonl";
	const auto result = session::run_headless(loaded.library, std::make_shared<const audience::AudienceData>(std::move(*audience)), options);
	EXPECT_TRUE(result.ok) << result.error;
	return options.log_path;
}

TEST(ReviewReport, IsScoredWithTheRubric)
{
	const auto written = obs::dock::write_html_report(simulated_log("scored"), source("data/rubric/default.json"), "en-US");
	EXPECT_EQ(written.rubric_problem, "");
	EXPECT_NE(read_all(written.path).find("Coach rubric"), std::string::npos);
}

TEST(ReviewReport, AMissingRubricIsSaidNotDroppedSilently)
{
	const std::string missing = testing::TempDir() + "lcs-no-such-rubric.json";
	const auto written = obs::dock::write_html_report(simulated_log("missing"), missing, "en-US");
	EXPECT_NE(written.rubric_problem.find(missing), std::string::npos) << written.rubric_problem;
	const auto page = read_all(written.path);
	EXPECT_NE(page.find("<svg"), std::string::npos); // the page is still there for the coach
	EXPECT_EQ(page.find("Coach rubric"), std::string::npos);
}

TEST(ReviewReport, ABrokenRubricIsSaidWithItsPlace)
{
	const std::string broken = testing::TempDir() + "lcs-broken-rubric.json";
	std::ofstream(broken, std::ios::binary)
		<< R"({"format":"lcs.rubric/1","name":"r","dimensions":[{"id":"d","weight":"heavy","metrics":[]}],"tiers":[]})";
	const auto written = obs::dock::write_html_report(simulated_log("broken"), broken, "en-US");
	EXPECT_NE(written.rubric_problem.find(broken + ":"), std::string::npos) << written.rubric_problem;
	EXPECT_NE(written.rubric_problem.find("weight"), std::string::npos) << written.rubric_problem;
}

} // namespace

// lcs report through the real binary: the traffic array in JSON and the issue-14 CSV tables.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <string>
#include <sys/wait.h>

#include <nlohmann/json.hpp>

namespace {

struct Result {
	int code = -1;
	std::string out;
};

Result run(const std::string &args, bool with_stderr = true)
{
	Result r;
	const std::string command = std::string(LCS_CLI_PATH) + " " + args + (with_stderr ? " 2>&1" : " 2>/dev/null");
	FILE *pipe = popen(command.c_str(), "r");
	if (!pipe)
		return r;
	std::array<char, 4096> buf{};
	size_t n = 0;
	while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0)
		r.out.append(buf.data(), n);
	const int status = pclose(pipe);
	r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
	return r;
}

TEST(CliReport, JsonHasTrafficAndCsvHasTheTrafficMinutesAndAdSpendTables)
{
	const std::string log = testing::TempDir() + "cli-report-traffic.jsonl";
	const std::string pack = std::string(LCS_SOURCE_DIR) + "/scripts-library/packs/farm-origin/farm-origin.zh-CN.json";
	ASSERT_EQ(run("simulate --pack '" + pack + "' --seed 4 --duration 180 --policy strong -o '" + log + "'").code, 0);
	const Result json = run("report '" + log + "' --format json", false);
	ASSERT_EQ(json.code, 0) << json.out;
	const auto j = nlohmann::json::parse(json.out);
	ASSERT_TRUE(j.contains("traffic") && j["traffic"].is_array()) << json.out.substr(0, 400);
	int64_t uv = 0;
	for (const auto &row : j["traffic"]) {
		for (const char *key : {"source", "uv", "buyers", "gmv_cents"})
			EXPECT_TRUE(row.contains(key)) << row.dump();
		uv += row["uv"].get<int64_t>();
	}
	EXPECT_EQ(uv, j["metrics"]["uv"].get<int64_t>()); // every viewer in exactly one source row
	EXPECT_TRUE(j["ad_spend"].is_array());
	for (const char *key : {"impressions", "exposure_entry_rate", "product_exposure_rate", "ad_spend_cents", "roi", "speech_chars_per_min"})
		EXPECT_TRUE(j["metrics"].contains(key)) << key;
	const std::vector<std::pair<std::string, std::string>> tables = {
		{"traffic", "source,uv,uv_share,buyers,gmv_cents,gmv_share\n"},
		{"minutes", "minute,viewers,orders,comments,gmv_cumulative_cents,impressions,questions_asked,questions_answered,questions_waiting"},
		{"ad_spend", "t,video_time,amount_cents,impressions,campaign\n"}};
	for (const auto &[table, head] : tables) {
		const Result csv = run("report '" + log + "' --format csv --table " + table, false);
		EXPECT_EQ(csv.code, 0) << table << "\n" << csv.out;
		EXPECT_EQ(csv.out.rfind(head, 0), 0u) << table << "\n" << csv.out.substr(0, 300);
	}
	// Three minutes (and the closing one): a row per minute after the header.
	const Result minutes = run("report '" + log + "' --format csv --table minutes", false);
	EXPECT_GE(std::count(minutes.out.begin(), minutes.out.end(), '\n'), 4);
	EXPECT_EQ(run("report '" + log + "' --format csv --table nope").code, 2); // a usage error
}

} // namespace

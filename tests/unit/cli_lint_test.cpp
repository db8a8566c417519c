// lcs lint (and the lint warnings of lcs validate) through the real binary: the contract's text,
// JSON and SARIF output (shared/design/contract.md section 3), file:line:col of each term, the
// exit codes, .txt files, and the bundled packs linting without any ban.
#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "library/library_test_util.hpp"
#include "library/sync_test_util.hpp"
#include "pack/pack_test_util.hpp"

namespace {
using lcs::library::test::Exec;
using lcs::library::test::run_command;
using lcs::test::position_of;
using lcs::test::TempDir;
using lcs::test::write_bytes;

Exec lcs_run(const std::string &args)
{
	return run_command(std::string(LCS_CLI_PATH) + " " + args);
}

std::string rule_file(const std::string &language, const std::string &category, const std::string &rules)
{
	return R"({ "schema": "lcs.compliance/1", "language": ")" + language + R"(", "category": ")" + category +
	       R"(", "version": "test", "rules": [ )" + rules + " ] }";
}

std::string rule(const std::string &id, const std::string &severity, const std::string &terms, const std::string &needs)
{
	return R"({ "id": ")" + id + R"(", "severity": ")" + severity + R"(", "terms": )" + terms +
	       R"(, "by_sound": false, "needs": ")" + needs +
	       R"(", "legal_basis": [{"law": "《中华人民共和国广告法》", "article": "第九条第（三）项", "as_of": "2021-04-29"}],
	       "message": {"zh-CN": "不要用绝对化用语", "en-US": "No absolute terms"},
	       "suggestion": {"zh-CN": "说具体的事实", "en-US": "Say a concrete fact"} })";
}

class CliLint : public ::testing::Test {
protected:
	void SetUp() override
	{
		write_bytes(rules / "zh-CN" / "absolute.json",
			    rule_file("zh-CN", "absolute", rule("absolute.best", "ban", R"(["最好", "最佳"])", "words")));
		write_bytes(rules / "zh-CN" / "urgency.json",
			    rule_file("zh-CN", "urgency", rule("urgency.last_wave", "ban", R"(["最后一波"])", "urgency")));
		write_bytes(rules / "en-US" / "absolute.json",
			    rule_file("en-US", "absolute", rule("absolute.best_en", "ban", R"(["the best"])", "words")));
		write_bytes(pack_file, pack_text);
	}
	Exec lint(const std::string &args) { return lcs_run("lint --rules '" + rules.string() + "' " + args); }

	TempDir temp;
	std::filesystem::path rules = temp.path() / "compliance";
	std::filesystem::path pack_file = temp.path() / "p.json";
	std::string pack_text = lcs::test::replaced(
		lcs::test::replaced(lcs::test::replaced(lcs::test::valid_pack_text(), "\"language\": \"en-US\"", "\"language\": \"zh-CN\""),
				    "\"Welcome!\"", "\"欢迎！\\\"真\\\"蜂蜜，全网最好。\""),
		"\"Thank you.\"", "\"最后一波了\"");
};

TEST_F(CliLint, TextNamesFileLineColumnSeverityRuleAndLaw)
{
	const auto r = lint("'" + pack_file.string() + "'");
	EXPECT_EQ(r.code, 1) << r.out; // a ban finding
	const auto [line, column] = position_of(pack_text, "最好。");
	const std::string head = pack_file.string() + ":" + std::to_string(line) + ":" + std::to_string(column) +
				 ": ban: [absolute.best] 不要用绝对化用语 (《中华人民共和国广告法》第九条第（三）项";
	EXPECT_NE(r.out.find(head), std::string::npos) << r.out;
	EXPECT_NE(r.out.find("\n    suggestion: 说具体的事实\n"), std::string::npos) << r.out;
	const auto [uline, ucolumn] = position_of(pack_text, "最后一波了");
	EXPECT_NE(r.out.find(":" + std::to_string(uline) + ":" + std::to_string(ucolumn) + ": caution: [urgency.last_wave]"), std::string::npos)
		<< "urgency without a promotion in the pack: unknown, caution\n" << r.out;
}

TEST_F(CliLint, JsonHasTheContractFields)
{
	const auto r = lint("'" + pack_file.string() + "' --format json");
	EXPECT_EQ(r.code, 1) << r.out;
	const auto j = nlohmann::json::parse(r.out);
	ASSERT_EQ(j["findings"].size(), 2u) << r.out;
	const auto &f = j["findings"][0];
	for (const char *key : {"file", "line", "col", "rule", "category", "severity", "term", "message", "legal_ref"})
		EXPECT_TRUE(f.contains(key)) << key;
	EXPECT_EQ(f["rule"], "absolute.best");
	EXPECT_EQ(f["category"], "absolute");
	EXPECT_EQ(f["severity"], "ban");
	EXPECT_EQ(f["term"], "最好");
	EXPECT_EQ(f["cue_id"], "open-1");
	EXPECT_EQ(f["line"], position_of(pack_text, "最好。").first);
	EXPECT_EQ(f["col"], position_of(pack_text, "最好。").second);
}

TEST_F(CliLint, SarifIsVersion210WithLevelsAndRegions)
{
	const auto r = lint("'" + pack_file.string() + "' --format sarif");
	EXPECT_EQ(r.code, 1) << r.out;
	const auto j = nlohmann::json::parse(r.out);
	EXPECT_EQ(j["version"], "2.1.0");
	const auto &run = j["runs"][0];
	EXPECT_EQ(run["columnKind"], "unicodeCodePoints");
	ASSERT_EQ(run["tool"]["driver"]["rules"].size(), 2u);
	for (const auto &rule : run["tool"]["driver"]["rules"]) {
		EXPECT_FALSE(rule.contains("helpUri"));
		EXPECT_FALSE(rule["shortDescription"]["text"].get<std::string>().empty());
	}
	ASSERT_EQ(run["results"].size(), 2u);
	EXPECT_EQ(run["results"][0]["level"], "error");
	EXPECT_EQ(run["results"][1]["level"], "warning");
	const auto &region = run["results"][0]["locations"][0]["physicalLocation"]["region"];
	EXPECT_EQ(region["startLine"], position_of(pack_text, "最好。").first);
	EXPECT_EQ(region["startColumn"], position_of(pack_text, "最好。").second);
	EXPECT_EQ(run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].get<std::string>().rfind("file:///", 0), 0u);
}

TEST_F(CliLint, TextFilesAreCheckedLineByLineWithUrgencyUnknown)
{
	const auto txt = temp.path() / "talk.txt";
	write_bytes(txt, "大家好\r\n这是最后一波\n今天心情最好了\n");
	const auto r = lint("'" + txt.string() + "' --format json");
	EXPECT_EQ(r.code, 1) << r.out;
	const auto j = nlohmann::json::parse(r.out);
	ASSERT_EQ(j["findings"].size(), 2u) << r.out;
	EXPECT_EQ(j["findings"][0]["line"], 2);
	EXPECT_EQ(j["findings"][0]["col"], 3);
	EXPECT_EQ(j["findings"][0]["severity"], "caution");
	EXPECT_EQ(j["findings"][1]["line"], 3);
	EXPECT_EQ(j["findings"][1]["col"], 5);

	write_bytes(txt, "Tonight we have the best price in town\n");
	const auto en = lint("'" + txt.string() + "'");
	EXPECT_EQ(en.code, 1) << en.out;
	EXPECT_NE(en.out.find("talk.txt:1:17: ban: [absolute.best_en] No absolute terms"), std::string::npos) << en.out;
	const auto forced = lint("'" + txt.string() + "' --language zh-CN");
	EXPECT_EQ(forced.code, 0) << "the zh-CN rules have no English term\n" << forced.out;
	EXPECT_EQ(forced.out, "");
}

TEST_F(CliLint, OnlyCautionsExitZeroAndSeverityFilters)
{
	const auto txt = temp.path() / "talk.txt";
	write_bytes(txt, "这是最后一波\n");
	EXPECT_EQ(lint("'" + txt.string() + "'").code, 0);
	const auto bans = lint("'" + txt.string() + "' --severity ban");
	EXPECT_EQ(bans.code, 0);
	EXPECT_EQ(bans.out, "");
}

TEST_F(CliLint, ExitCodes)
{
	EXPECT_EQ(lint("'" + pack_file.string() + "' --format xml").code, 2);
	EXPECT_EQ(lcs_run("lint").code, 2);
	const auto missing = lcs_run("lint --rules '" + (temp.path() / "nowhere").string() + "' '" + pack_file.string() + "'");
	EXPECT_EQ(missing.code, 3) << missing.out;
	const auto empty_data = temp.path() / "data";
	std::filesystem::create_directories(empty_data / "audience");
	const auto no_rules = lcs_run("lint --data '" + empty_data.string() + "' '" + pack_file.string() + "'");
	EXPECT_EQ(no_rules.code, 3) << no_rules.out;
	EXPECT_NE(no_rules.out.find("compliance"), std::string::npos) << no_rules.out;
	write_bytes(rules / "zh-CN" / "medical.json", "{ \"schema\": \"lcs.compliance/1\", ");
	const auto broken = lint("'" + pack_file.string() + "'");
	EXPECT_EQ(broken.code, 3) << broken.out;
	EXPECT_NE(broken.out.find("medical.json:"), std::string::npos) << broken.out;
}

TEST_F(CliLint, ABrokenPackIsAnInputError)
{
	write_bytes(pack_file, "{ \"format\": ");
	const auto r = lint("'" + pack_file.string() + "'");
	EXPECT_EQ(r.code, 1);
	EXPECT_NE(r.out.find("p.json:1:"), std::string::npos) << r.out;
}

TEST_F(CliLint, ValidateShowsBanAndCautionAsWarningsWithoutFailing)
{
	const auto r = lcs_run("validate --rules '" + rules.string() + "' '" + pack_file.string() + "'");
	EXPECT_EQ(r.code, 0) << r.out;
	const auto [line, column] = position_of(pack_text, "最好。");
	EXPECT_NE(r.out.find(pack_file.string() + ":" + std::to_string(line) + ":" + std::to_string(column) +
			     ": warning: ban: [absolute.best] 不要用绝对化用语"),
		  std::string::npos)
		<< r.out;
	EXPECT_NE(r.out.find("warning: caution: [urgency.last_wave]"), std::string::npos) << r.out;
	EXPECT_NE(r.out.find("2 warning(s)"), std::string::npos) << r.out;
	const auto skipped = lcs_run("validate --no-lint '" + pack_file.string() + "'");
	EXPECT_EQ(skipped.code, 0);
	EXPECT_EQ(skipped.out.find("warning:"), std::string::npos) << skipped.out;
}

// The bundled packs are the model scripts: with the shipped rules (data/compliance), not one ban.
TEST(CliLintBundled, TheBundledPacksHaveNoBanFinding)
{
	const auto r = run_command(std::string(LCS_CLI_PATH) + " lint --data '" + LCS_SOURCE_DIR + "/data' '" + LCS_SOURCE_DIR +
				   "/scripts-library/packs' --severity ban");
	EXPECT_EQ(r.code, 0) << r.out;
	EXPECT_EQ(r.out, "");
}

} // namespace

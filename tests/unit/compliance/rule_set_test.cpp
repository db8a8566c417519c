#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/compliance/rule_set.hpp"
#include "core/diag/text_position.hpp"

namespace lcs::compliance {
namespace {

const char *kGoodRule = R"({"id": "absolute.best", "severity": "ban", "terms": ["最好"],
  "legal_basis": [{"law": "《中华人民共和国广告法》", "article": "第九条", "as_of": "2021-04-29"}],
  "message": {"zh-CN": "绝对化用语。", "en-US": "An absolute term."},
  "suggestion": {"zh-CN": "说具体的优点。", "en-US": "Say what is good."}})";

std::string file_with(const std::string &rules, const std::string &version = "t.1")
{
	return R"({"schema": "lcs.compliance/1", "language": "zh-CN", "category": "absolute", "version": ")" + version +
	       "\",\n \"rules\": [" + rules + "]}";
}

std::string replaced(std::string text, const std::string &from, const std::string &to)
{
	const size_t at = text.find(from);
	EXPECT_NE(at, std::string::npos) << from;
	return text.replace(at, from.size(), to);
}

TEST(ComplianceRuleSet, ReadsAGoodRuleWithItsDefaults)
{
	const auto load = read_rule_file(file_with(kGoodRule), "zh-CN/absolute.json");
	ASSERT_TRUE(load.diagnostics.empty()) << load.diagnostics.front().to_string();
	ASSERT_EQ(load.rules.rules.size(), 1u);
	const Rule &r = load.rules.rules[0];
	EXPECT_EQ(r.id, "absolute.best");
	EXPECT_EQ(r.category, "absolute");
	EXPECT_EQ(r.language, "zh-CN");
	EXPECT_EQ(r.severity, Severity::ban);
	EXPECT_TRUE(r.by_sound);
	EXPECT_EQ(r.needs, Needs::words);
	EXPECT_EQ(r.allow.size(), 3u);
	EXPECT_EQ(r.legal_basis[0].to_string(), "《中华人民共和国广告法》第九条 (2021-04-29)");
	EXPECT_EQ(r.message.in("en-US"), "An absolute term.");
	EXPECT_EQ(r.where.line, 2);
	EXPECT_EQ(load.rules.version, "t.1");
}

// A broken rule: what is replaced, the message, and the text the error must point at (the start
// of the first occurrence of `at` in the file; empty: the rule's object itself).
struct BadCase {
	std::string from, to, message, at;
};

diag::Location location_of(const std::string &text, const std::string &at, const std::string &file)
{
	const size_t offset = text.find(at);
	EXPECT_NE(offset, std::string::npos) << at;
	const auto lc = diag::TextPositions(text).at(offset);
	return {file, lc.line, lc.column};
}

TEST(ComplianceRuleSet, ErrorsSayWhatAndWhereAndLoadNothing)
{
	const std::vector<BadCase> cases = {
		{R"("severity": "ban")", R"("severity": "forbidden")", "unknown severity 'forbidden'", R"("forbidden")"},
		{R"("terms": ["最好"])", R"("terms": [""])", "must not be empty", R"("")"},
		{R"("terms": ["最好"])", R"("terms": ["* *"])", "no letter, digit or character left", R"("* *")"},
		{R"("terms": ["最好"])", R"("terms": [])", "at least 1", "[]"},
		{R"("severity": "ban")", R"("severity": "ban", "needs": "vibes")", "unknown need 'vibes'", R"("vibes")"},
		{R"("severity": "ban")", R"("severity": "ban", "allow": ["famous"])", "unknown exemption 'famous'", R"("famous")"},
		{R"("severity": "ban")",
		 R"("severity": "ban", "exceptions": [{"after": ["次"], "reason": "because", "note": {"zh-CN": "x", "en-US": "y"}}])",
		 "unknown reason 'because'", R"("because")"},
		{R"("severity": "ban")", R"("severity": "ban", "exceptions": [{"reason": "other"}])",
		 "needs 'phrases', 'after' or 'before'", R"({"reason")"},
		{R"("severity": "ban")", R"("severity": "ban", "tems": ["x"])", "unknown key 'tems'", R"(["x"])"},
		{R"("as_of": "2021-04-29")", R"("as_of": "2021/04/29")", "YYYY-MM-DD", R"("2021/04/29")"},
		{R"("en-US": "Say what is good.")", R"("en": "Say what is good.")", "missing required key 'en-US'",
		 R"({"zh-CN": "说具体的优点。")"},
	};
	for (const auto &c : cases) {
		const std::string text = file_with(replaced(kGoodRule, c.from, c.to));
		const auto load = read_rule_file(text, "absolute.json");
		EXPECT_TRUE(load.rules.rules.empty()) << c.to;
		bool found = false;
		for (const auto &d : load.diagnostics)
			if (d.message.find(c.message) != std::string::npos) {
				found = true;
				EXPECT_EQ(d.where.to_string(), location_of(text, c.at, "absolute.json").to_string()) << d.to_string();
			}
		EXPECT_TRUE(found) << c.message << " not among: "
				   << (load.diagnostics.empty() ? std::string("none") : load.diagnostics[0].to_string());
	}
}

TEST(ComplianceRuleSet, ATermRepeatedOnceNormalisedIsAWarning)
{
	const std::string text = file_with(replaced(kGoodRule, R"("terms": ["最好"])", R"("terms": ["最好", "最 好"])"));
	const auto load = read_rule_file(text, "absolute.json");
	ASSERT_EQ(load.diagnostics.size(), 1u);
	EXPECT_EQ(load.diagnostics[0].severity, diag::Severity::Warning);
	EXPECT_NE(load.diagnostics[0].message.find("repeats another term"), std::string::npos);
	EXPECT_EQ(load.diagnostics[0].where.to_string(), location_of(text, R"("最 好")", "absolute.json").to_string());
	EXPECT_EQ(load.rules.rules.size(), 1u);
}

TEST(ComplianceRuleSet, DuplicateIdsSyntaxErrorsAndWrongSchema)
{
	auto dup = read_rule_file(file_with(std::string(kGoodRule) + ",\n" + kGoodRule), "a.json");
	ASSERT_FALSE(dup.diagnostics.empty());
	EXPECT_NE(dup.diagnostics[0].message.find("duplicate rule id 'absolute.best'"), std::string::npos);
	EXPECT_EQ(dup.diagnostics[0].where.line, 6);
	EXPECT_TRUE(dup.rules.rules.empty());

	auto syntax = read_rule_file("{\n  \"schema\": \"lcs.compliance/1\",\n  oops\n}", "b.json");
	ASSERT_EQ(syntax.diagnostics.size(), 1u);
	EXPECT_EQ(syntax.diagnostics[0].where.to_string(), "b.json:3:3");
	EXPECT_NE(syntax.diagnostics[0].message.find("JSON syntax error"), std::string::npos);

	auto schema = read_rule_file(replaced(file_with(kGoodRule), "lcs.compliance/1", "lcs.compliance/9"), "c.json");
	ASSERT_FALSE(schema.diagnostics.empty());
	EXPECT_EQ(schema.diagnostics[0].where.to_string(), "c.json:1:12");
}

class ComplianceRuleDir : public ::testing::Test {
protected:
	void SetUp() override
	{
		dir_ = std::filesystem::temp_directory_path() /
		       ("lcs_rules_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
		std::filesystem::remove_all(dir_);
		std::filesystem::create_directories(dir_ / "zh-CN");
	}
	void TearDown() override { std::filesystem::remove_all(dir_); }
	void write(const std::string &name, const std::string &text)
	{
		std::ofstream(dir_ / name, std::ios::binary) << text;
	}
	std::filesystem::path dir_;
};

TEST_F(ComplianceRuleDir, ABrokenFileLoadsNoneOfItsRulesOthersStillLoad)
{
	write("zh-CN/absolute.json", file_with(kGoodRule));
	std::string medical = replaced(file_with(replaced(kGoodRule, "absolute.best", "medical.cure")),
				       R"("category": "absolute")", R"("category": "medical")");
	const std::string second = replaced(replaced(kGoodRule, "absolute.best", "medical.heal"), R"("ban")", R"("severe")");
	medical = replaced(medical, "]}", ",\n" + second + "]}");
	write("zh-CN/medical.json", medical);
	const auto load = load_rule_set(dir_);
	ASSERT_EQ(load.rules.rules.size(), 1u);
	EXPECT_EQ(load.rules.rules[0].id, "absolute.best");
	ASSERT_EQ(load.diagnostics.size(), 1u);
	EXPECT_NE(load.diagnostics[0].where.file.find("medical.json"), std::string::npos);
	EXPECT_EQ(load.diagnostics[0].where.line, 6);
}

TEST_F(ComplianceRuleDir, IdsAreUniqueAcrossFilesAndNamesMustAgree)
{
	write("zh-CN/absolute.json", file_with(kGoodRule));
	write("zh-CN/medical.json",
	      replaced(file_with(kGoodRule), R"("category": "absolute")", R"("category": "medical")"));
	write("zh-CN/price.json", file_with(replaced(kGoodRule, "absolute.best", "price.x")));
	const auto load = load_rule_set(dir_);
	ASSERT_EQ(load.rules.rules.size(), 1u);
	ASSERT_EQ(load.diagnostics.size(), 2u);
	EXPECT_NE(load.diagnostics[0].message.find("duplicate rule id 'absolute.best'"), std::string::npos);
	EXPECT_NE(load.diagnostics[1].message.find("does not match the file name 'price.json'"), std::string::npos);
}

TEST_F(ComplianceRuleDir, MissingFolderAndUnknownLanguage)
{
	EXPECT_TRUE(diag::has_errors(load_rule_set(dir_ / "nope").diagnostics));
	std::filesystem::create_directories(dir_ / "fr-FR");
	write("zh-CN/absolute.json", file_with(kGoodRule));
	const auto load = load_rule_set(dir_);
	EXPECT_EQ(load.rules.rules.size(), 1u);
	ASSERT_EQ(load.diagnostics.size(), 1u);
	EXPECT_NE(load.diagnostics[0].message.find("unknown language folder 'fr-FR'"), std::string::npos);
}

TEST(ComplianceRuleSet, LegalBasisReadsInBothScripts)
{
	EXPECT_EQ((LegalBasis{"《中华人民共和国广告法》", "第九条第（三）项", "2021-04-29"}).to_string(),
		  "《中华人民共和国广告法》第九条第（三）项 (2021-04-29)");
	EXPECT_EQ((LegalBasis{"FTC Act (15 U.S.C. §45)", "§5(a)", ""}).to_string(), "FTC Act (15 U.S.C. §45) §5(a)");
	EXPECT_EQ((LegalBasis{"16 CFR 233", "§233.1", "1967-01-01"}).to_string(), "16 CFR 233 §233.1 (1967-01-01)");
}

} // namespace
} // namespace lcs::compliance

TEST(ComplianceRuleSet, ANumberTooLargeForADoubleIsAnErrorAtIt)
{
	const auto load = lcs::compliance::read_rule_file("{\"schema\":1e400}", "zh-CN/absolute.json");
	EXPECT_TRUE(load.rules.rules.empty());
	ASSERT_EQ(load.diagnostics.size(), 1u);
	EXPECT_EQ(load.diagnostics.front().to_string().rfind("zh-CN/absolute.json:1:11", 0), 0u)
		<< load.diagnostics.front().to_string();
}

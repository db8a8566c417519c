// Compliance over a script pack: what is checked (cue texts, not coach notes; product names and
// selling points; promotion texts), with which facts (the pinned product's price evidence, urgency
// backed by a concrete promotion, product names), and where each finding is (the term's own
// file:line:col, JSON escapes counted as written).
#include <gtest/gtest.h>

#include <algorithm>

#include "core/compliance/script_check.hpp"
#include "core/pack/library.hpp"
#include "core/pack/pack_loader.hpp"
#include "pack/pack_test_util.hpp"

namespace {
using namespace lcs;
using compliance::Severity;
using lcs::test::position_of;

const char *kRules = R"({ "schema": "lcs.compliance/1", "language": "zh-CN", "category": "absolute", "version": "test",
  "rules": [ { "id": "absolute.best", "severity": "ban", "terms": ["最好", "最佳"], "by_sound": false,
    "legal_basis": [{"law": "《中华人民共和国广告法》", "article": "第九条第（三）项", "as_of": "2021-04-29"}],
    "message": {"zh-CN": "绝对化用语", "en-US": "An absolute term"},
    "suggestion": {"zh-CN": "说具体的事实", "en-US": "Say a concrete fact"},
    "examples": {"match": ["全网最好"], "no_match": ["很好"]} } ] })";
const char *kPriceRules = R"({ "schema": "lcs.compliance/1", "language": "zh-CN", "category": "price", "version": "test",
  "rules": [ { "id": "price.original", "severity": "ban", "terms": ["原价"], "by_sound": false, "needs": "price_claim",
    "legal_basis": [{"law": "《明码标价和禁止价格欺诈规定》", "article": "第十九条", "as_of": "2022-07-01"}],
    "message": {"zh-CN": "原价需要依据", "en-US": "An original price needs evidence"},
    "suggestion": {"zh-CN": "只说标价", "en-US": "Say the list price"} } ] })";
const char *kUrgencyRules = R"({ "schema": "lcs.compliance/1", "language": "zh-CN", "category": "urgency", "version": "test",
  "rules": [ { "id": "urgency.last_wave", "severity": "ban", "terms": ["最后一波"], "by_sound": false, "needs": "urgency",
    "legal_basis": [{"law": "《网络直播营销管理办法(试行)》", "article": "第十八条", "as_of": "2021-05-25"}],
    "message": {"zh-CN": "虚假紧迫", "en-US": "False urgency"},
    "suggestion": {"zh-CN": "说清截止时间", "en-US": "Say the real deadline"} } ] })";

compliance::Checker make_checker()
{
	compliance::RuleSet all;
	for (const char *text : {kRules, kPriceRules, kUrgencyRules}) {
		auto load = compliance::read_rule_file(text, "rules.json");
		for (const auto &d : load.diagnostics)
			ADD_FAILURE() << d.to_string();
		all.version = load.rules.version;
		for (auto &r : load.rules.rules)
			all.rules.push_back(std::move(r));
	}
	return compliance::Checker(std::move(all));
}

const char *kPack = R"({
  "format": "lcs.pack/1",
  "pack": { "id": "honey", "name": "Honey", "version": "1.0.0", "language": "zh-CN", "brand": "最佳蜂场",
            "authors": ["A"], "license": "CC-BY-4.0" },
  "products": [
    { "sku": "HONEY", "name": "土蜂蜜", "list_price_cents": 5900, "stock": 300, "category": "food",
      "selling_points": ["山里的野花", "口感最好"], "price_evidence": { "lowest_7d_cents": 6900 } },
    { "sku": "TEA", "name": "绿茶", "list_price_cents": 9900, "stock": 300, "category": "food", "selling_points": ["清香"] }
  ],
  "promotions": [
    { "id": "flash", "type": "flash_sale", "name": "最后一波秒杀", "sku": "HONEY", "price_cents": 3900,
      "countdown_seconds": 10, "duration_seconds": 300, "stock": 50, "per_buyer_limit": 2 }
  ],
  "segments": [
    { "id": "a", "name": "A", "kind": "opening", "planned_seconds": 120,
      "cues": [ { "id": "a-1", "text": "欢迎来到最佳蜂场！", "note": "别说最好", "pin": "HONEY" },
                { "id": "a-2", "text": "这瓶原价69元，今天59元。" },
                { "id": "a-3", "text": "\"真\"蜂蜜，全网最好。" },
                { "id": "a-4", "text": "最后一波了！" },
                { "id": "a-5", "text": "秒杀开了！", "promotion": "flash" },
                { "id": "a-6", "text": "最后一波了！" } ] },
    { "id": "b", "name": "B", "kind": "closing", "planned_seconds": 60,
      "cues": [ { "id": "b-1", "text": "原价129元的绿茶。", "pin": "TEA" },
                { "id": "b-2", "text": "原价99元的蜂蜜。", "pin": "HONEY" },
                { "id": "b-3", "text": "最后一波了！" } ] }
  ]
})";

pack::Pack load(const std::string &text)
{
	auto result = pack::load_pack_text(text, "p.json");
	for (const auto &d : result.diagnostics)
		ADD_FAILURE() << d.to_string();
	EXPECT_TRUE(result.ok());
	return *result.pack;
}

std::vector<compliance::PackFinding> of_cue(const std::vector<compliance::PackFinding> &all, const std::string &cue)
{
	std::vector<compliance::PackFinding> out;
	for (const auto &f : all)
		if (f.cue_id == cue)
			out.push_back(f);
	return out;
}

class ScriptCheck : public ::testing::Test {
protected:
	compliance::Checker checker = make_checker();
	pack::Pack pack = load(kPack);
	std::vector<compliance::PackFinding> findings = compliance::lint_pack(pack, checker, kPack);
};

TEST_F(ScriptCheck, PriceFactsComeFromTheProduct)
{
	const auto facts = compliance::price_facts(pack.products[0]);
	EXPECT_EQ(facts.sku, "HONEY");
	EXPECT_EQ(facts.name, "土蜂蜜");
	EXPECT_EQ(facts.list_price_cents, 5900);
	EXPECT_EQ(facts.lowest_7d_cents, 6900);
	EXPECT_FALSE(facts.msrp_cents);
}

TEST_F(ScriptCheck, FindingsPointAtTheTermItself)
{
	const auto a3 = of_cue(findings, "a-3");
	ASSERT_EQ(a3.size(), 1u);
	EXPECT_EQ(a3[0].finding.rule, "absolute.best");
	EXPECT_EQ(a3[0].finding.severity, Severity::ban);
	EXPECT_EQ(a3[0].field, "cue.text");
	const auto [line, column] = position_of(kPack, "最好。\"");
	EXPECT_EQ(a3[0].where.file, "p.json");
	EXPECT_EQ(a3[0].where.line, line);
	EXPECT_EQ(a3[0].where.column, column) << "the two \\\" escapes before the term take four columns";

	const auto point = std::find_if(findings.begin(), findings.end(), [](const auto &f) { return f.field == "product.selling_points"; });
	ASSERT_NE(point, findings.end());
	const auto [pl, pc] = position_of(kPack, "最好\"]");
	EXPECT_EQ(point->where.line, pl);
	EXPECT_EQ(point->where.column, pc);
}

TEST_F(ScriptCheck, WithoutTheFileTheColumnCountsDecodedCharacters)
{
	const auto pack_in_memory = compliance::lint_pack(pack, checker); // p.json does not exist here
	const auto a3 = of_cue(pack_in_memory, "a-3");
	ASSERT_EQ(a3.size(), 1u);
	const auto [line, column] = position_of(kPack, "最好。\"");
	EXPECT_EQ(a3[0].where.line, line);
	EXPECT_EQ(a3[0].where.column, column - 2) << "each escape counted as one character: the fallback";
}

TEST_F(ScriptCheck, FindingsAreInFileOrder)
{
	for (size_t i = 1; i < findings.size(); ++i)
		EXPECT_LE(std::make_pair(findings[i - 1].where.line, findings[i - 1].where.column),
			  std::make_pair(findings[i].where.line, findings[i].where.column));
}

TEST_F(ScriptCheck, CoachNotesAreNotCheckedAndNamesAreExempt)
{
	const auto a1 = of_cue(findings, "a-1");
	ASSERT_EQ(a1.size(), 1u) << "the note's 最好 is not checked";
	EXPECT_EQ(a1[0].finding.severity, Severity::info) << "最佳 inside the brand 最佳蜂场";
	EXPECT_FALSE(a1[0].finding.exempt_reason.empty());
}

TEST_F(ScriptCheck, APinHoldsForTheLaterCuesOfItsSegment)
{
	// a-2 has no pin: the honey of a-1, whose lowest price in 7 days (¥69) covers 原价69元.
	EXPECT_TRUE(of_cue(findings, "a-2").empty());
	// b-1: the tea has no evidence (caution); b-2: ¥99 is above the honey's ¥69 (ban).
	const auto b1 = of_cue(findings, "b-1");
	ASSERT_EQ(b1.size(), 1u);
	EXPECT_EQ(b1[0].finding.severity, Severity::caution);
	const auto b2 = of_cue(findings, "b-2");
	ASSERT_EQ(b2.size(), 1u);
	EXPECT_EQ(b2[0].finding.severity, Severity::ban);
	EXPECT_EQ(b2[0].finding.claimed_cents, 9900);
	EXPECT_EQ(b2[0].finding.evidence_cents, 6900);
}

TEST_F(ScriptCheck, UrgencyIsBackedOnceAConcretePromotionStartsInTheSegment)
{
	const auto before = of_cue(findings, "a-4");
	ASSERT_EQ(before.size(), 1u);
	EXPECT_EQ(before[0].finding.severity, Severity::caution) << "unknown before the flash sale";
	EXPECT_TRUE(of_cue(findings, "a-6").empty()) << "after the flash sale started";
	const auto other = of_cue(findings, "b-3");
	ASSERT_EQ(other.size(), 1u);
	EXPECT_EQ(other[0].finding.severity, Severity::caution) << "another segment";
}

TEST_F(ScriptCheck, ShelfTextsAreChecked)
{
	std::vector<std::string> fields;
	for (const auto &f : findings)
		if (f.cue_id.empty())
			fields.push_back(f.field + ":" + f.finding.rule);
	EXPECT_NE(std::find(fields.begin(), fields.end(), "product.selling_points:absolute.best"), fields.end());
	// The flash sale's own name: its deadline and stock back the urgency, so no finding.
	EXPECT_EQ(std::find(fields.begin(), fields.end(), "promotion.name:urgency.last_wave"), fields.end());
}

TEST_F(ScriptCheck, PromotionNamesAreLocated)
{
	const std::string text = lcs::test::replaced(kPack, "\"name\": \"最后一波秒杀\"", "\"name\": \"全网最好秒杀\"");
	const auto all = compliance::lint_pack(load(text), checker, text);
	const auto it = std::find_if(all.begin(), all.end(), [](const auto &f) { return f.field == "promotion.name"; });
	ASSERT_NE(it, all.end());
	const auto [line, column] = position_of(text, "最好秒杀");
	EXPECT_EQ(it->where.line, line);
	EXPECT_EQ(it->where.column, column);
}

TEST_F(ScriptCheck, CheckScriptMapsCueIdsToTheirFindings)
{
	diag::Diagnostics problems;
	const auto library = pack::Library::link({pack}, problems);
	ASSERT_TRUE(problems.empty());
	const auto by_cue = compliance::check_script(library, checker);
	EXPECT_EQ(by_cue.count("a-5"), 0u);
	EXPECT_EQ(by_cue.count("a-6"), 0u);
	ASSERT_EQ(by_cue.count("a-3"), 1u);
	EXPECT_EQ(compliance::worst(by_cue.at("a-3")), Severity::ban);
	ASSERT_EQ(by_cue.count("b-2"), 1u);
	EXPECT_EQ(compliance::worst(by_cue.at("b-2")), Severity::ban);
	EXPECT_EQ(compliance::worst(by_cue.at("a-4")), Severity::caution);
	EXPECT_EQ(compliance::worst(by_cue.at("a-1")), Severity::info);
}

} // namespace

#include <gtest/gtest.h>

#include <filesystem>

#include "core/compliance/checker.hpp"

namespace lcs::compliance {
namespace {

const Checker &checker()
{
	static const auto load = load_checker(std::filesystem::path(LCS_SOURCE_DIR) / "tests/unit/compliance/fixtures");
	EXPECT_TRUE(load.diagnostics.empty()) << load.diagnostics.front().to_string();
	return *load.checker;
}

Findings check(std::string_view text, Context context = {})
{
	return checker().check(text, context);
}

TEST(ComplianceChecker, FindsTermsWithTheirSpanMessageAndLegalBasis)
{
	const std::string text = "这是全网最好的蜂蜜";
	const Findings f = check(text);
	ASSERT_EQ(f.size(), 1u);
	EXPECT_EQ(f[0].rule, "absolute.best");
	EXPECT_EQ(f[0].category, "absolute");
	EXPECT_EQ(f[0].severity, Severity::ban);
	EXPECT_EQ(f[0].confidence, Confidence::exact);
	EXPECT_EQ(f[0].term, "最好");
	EXPECT_EQ(f[0].begin, text.find("最好"));
	EXPECT_EQ(f[0].end, f[0].begin + std::string("最好").size());
	EXPECT_EQ(f[0].message, "绝对化用语。");
	EXPECT_EQ(f[0].suggestion, "说具体的优点。");
	EXPECT_EQ(f[0].legal_ref,
		  "《中华人民共和国广告法》第九条第（三）项 (2021-04-29); 《广告绝对化用语执法指南》第六条 (2023-02-25)");
	Context en;
	en.language = "en-US";
	EXPECT_TRUE(check(text, en).empty()); // the zh-CN rules are not applied to en-US text
}

TEST(ComplianceChecker, EvasionsAreFoundAsNormalized)
{
	for (const std::string text : {"最*好的", "最 好的", "最優的", "ＮＯ．１的货", "No.1的货"}) {
		const Findings f = check(text);
		ASSERT_EQ(f.size(), 1u) << text;
		EXPECT_EQ(f[0].confidence, Confidence::normalized) << text;
		EXPECT_EQ(f[0].severity, Severity::ban) << text;
	}
	const std::string spaced = "真的 最 * 好 啊";
	const Findings f = check(spaced);
	ASSERT_EQ(f.size(), 1u);
	EXPECT_EQ(f[0].term, "最 * 好");
	EXPECT_TRUE(check("最。好").empty());
	EXPECT_TRUE(check("最！\n好").empty());
}

TEST(ComplianceChecker, RuleExceptionsKeepTheHitAsInfoWithTheReason)
{
	struct Case {
		std::string text, reason;
	};
	for (const auto &c : std::vector<Case>{{"开封后最好先冷藏", "usage_tip"},
					       {"国家标准最优级", "standard_grade"},
					       {"第一次来直播间", "sequence"},
					       {"第一时间发货", "sequence"}}) {
		const Findings f = check(c.text);
		ASSERT_EQ(f.size(), 1u) << c.text;
		EXPECT_EQ(f[0].severity, Severity::info) << c.text;
		EXPECT_EQ(f[0].exempt_reason, c.reason) << c.text;
		EXPECT_FALSE(f[0].message.empty());
	}
	// The exception is about what follows: 第一 elsewhere is still a rank.
	const Findings f = check("销量第一，第一次");
	ASSERT_EQ(f.size(), 2u);
	EXPECT_EQ(f[0].severity, Severity::ban);
	EXPECT_EQ(f[1].severity, Severity::info);
}

TEST(ComplianceChecker, QuotedNegatedAndProductNamesAreExempt)
{
	auto reason = [](const std::string &text, Context context = {}) {
		const Findings f = checker().check(text, context);
		return f.size() == 1 && f[0].severity == Severity::info ? f[0].exempt_reason : "(" + std::to_string(f.size()) + ")";
	};
	EXPECT_EQ(reason("“最好”这个词不能说"), "quoted");
	EXPECT_EQ(reason("「最佳」是禁用词"), "quoted");
	EXPECT_EQ(reason("这不是最好的"), "negated");
	EXPECT_EQ(reason("并非全网最好"), "negated");
	EXPECT_EQ(reason("不错，最好的"), "(1)"); // 不错 is no negation of 最好
	Context names;
	names.names = {"最好蜂蜜旗舰店"};
	EXPECT_EQ(reason("欢迎来到最好蜂蜜旗舰店", names), "product_name");
	Context en;
	en.language = "en-US";
	EXPECT_EQ(reason("It is not the best, but good", en), "negated");
	EXPECT_EQ(reason("He said \"the best\" once", en), "quoted");
	EXPECT_EQ(reason("This isn't the best deal", en), "negated");
	EXPECT_EQ(reason("We never pay for the best reviews", en), "negated");
	EXPECT_EQ(reason("no, this is the best", en), "(1)"); // the comma ends what "no" covers
	EXPECT_EQ(reason("not surprisingly the best", en), "(1)"); // a long word between: not a negation of it
	EXPECT_EQ(reason("不，最好的", Context{}), "(1)");
	EXPECT_EQ(reason("我不说最好", Context{}), "negated");
	EXPECT_EQ(reason("不用去说最好", Context{}), "negated");
	EXPECT_EQ(reason("不要错过最好的", Context{}), "(1)");
	EXPECT_EQ(reason("THE BEST honey", en), "(1)");
	EXPECT_TRUE(check("the bestseller list", en).empty());
	EXPECT_EQ(reason("don't say it's the best'", en), "(1)"); // apostrophes are no quotation marks
}

TEST(ComplianceChecker, OverlappingHitsOfOneRuleKeepTheLongestAndSortByPosition)
{
	const Findings f = check("最好最佳最优");
	ASSERT_EQ(f.size(), 3u);
	EXPECT_LT(f[0].begin, f[1].begin);
	EXPECT_LT(f[1].begin, f[2].begin);
	EXPECT_EQ(worst(f), Severity::ban);
	EXPECT_EQ(worst({}), Severity::info);
}

TEST(ComplianceChecker, UrgencyNeedsFacts)
{
	Context c;
	EXPECT_EQ(check("最后一波了", c).at(0).severity, Severity::caution); // unknown: a plain text
	c.urgency_backed = false;
	EXPECT_EQ(check("最后一波了", c).at(0).severity, Severity::ban);
	c.urgency_backed = true;
	EXPECT_TRUE(check("最后一波了，手慢无", c).empty());
}

TEST(ComplianceChecker, PriceClaimsAreComparedWithTheEvidence)
{
	PriceFacts honey{"honey", "蜂蜜", 9900, 12900, std::nullopt};
	Context c;
	c.product = &honey;
	EXPECT_TRUE(check("原价一百二十九", c).empty());      // = the lowest price of the prior 7 days
	EXPECT_TRUE(check("原价¥99，今天更便宜", c).empty()); // below it
	const Findings above = check("原价三百九十九，现在只要九十九", c);
	ASSERT_EQ(above.size(), 1u);
	EXPECT_EQ(above[0].severity, Severity::ban);
	EXPECT_EQ(above[0].claimed_cents, 39900);
	EXPECT_EQ(above[0].evidence_cents, 12900);
	EXPECT_EQ(above[0].term, "原价三百九十九");

	PriceFacts msrp{"tea", "茶", 5900, std::nullopt, 19900};
	c.product = &msrp;
	EXPECT_TRUE(check("专柜价199元", c).empty()); // the manufacturer's suggested price
	const Findings not_msrp = check("专柜价 ¥299", c);
	ASSERT_EQ(not_msrp.size(), 1u);
	EXPECT_EQ(not_msrp[0].severity, Severity::ban);
	EXPECT_EQ(not_msrp[0].evidence_cents, 19900);

	PriceFacts none{"x", "x", 5900, std::nullopt, std::nullopt};
	c.product = &none;
	EXPECT_EQ(check("划线价299", c).at(0).severity, Severity::caution);
	c.product = nullptr;
	const Findings unknown = check("原价九块九", c);
	ASSERT_EQ(unknown.size(), 1u);
	EXPECT_EQ(unknown[0].severity, Severity::caution);
	EXPECT_EQ(unknown[0].claimed_cents, 990);
}

TEST(ComplianceChecker, HostileTextDoesNotBreakIt)
{
	std::string junk;
	for (int i = 0; i < 2000; ++i)
		junk += static_cast<char>(i * 37 % 256);
	EXPECT_NO_THROW((void)check(junk));
	EXPECT_TRUE(check("").empty());
	EXPECT_TRUE(check("。。。\n\n").empty());
}

} // namespace
} // namespace lcs::compliance

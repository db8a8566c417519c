#include <gtest/gtest.h>

#include "core/compliance/numbers.hpp"

namespace lcs::compliance {
namespace {

std::optional<int64_t> cents(std::string_view text)
{
	const auto a = parse_amount_at(text, 0, true);
	if (!a)
		return std::nullopt;
	EXPECT_EQ(a->begin, 0u) << text;
	return a->cents;
}

TEST(ComplianceNumbers, SpokenChineseAmounts)
{
	EXPECT_EQ(cents("三百九十九"), 39900);
	EXPECT_EQ(cents("九块九"), 990);
	EXPECT_EQ(cents("一万二"), 1200000);
	EXPECT_EQ(cents("两百"), 20000);
	EXPECT_EQ(cents("十九块八毛"), 1980);
	EXPECT_EQ(cents("十九块八毛五"), 1985);
	EXPECT_EQ(cents("一千零一"), 100100);
	EXPECT_EQ(cents("三百五"), 35000);
	EXPECT_EQ(cents("两千八百元"), 280000);
	EXPECT_EQ(cents("十万"), 10000000);
	EXPECT_EQ(cents("一九九元"), 19900);
	EXPECT_EQ(cents("八毛五"), 85);
	EXPECT_EQ(cents("五块钱"), 500);
	EXPECT_EQ(cents("九十九元"), 9900);
}

TEST(ComplianceNumbers, WrittenAmounts)
{
	EXPECT_EQ(cents("¥199"), 19900);
	EXPECT_EQ(cents("￥199"), 19900);
	EXPECT_EQ(cents("199元"), 19900);
	EXPECT_EQ(cents("199.00"), 19900);
	EXPECT_EQ(cents("$19.99"), 1999);
	EXPECT_EQ(cents("19.99 dollars"), 1999);
	EXPECT_EQ(cents("1,299元"), 129900);
	EXPECT_EQ(cents("1.2万"), 1200000);
	EXPECT_EQ(cents("9块9"), 990);
	EXPECT_EQ(cents("１９９元"), 19900);
}

TEST(ComplianceNumbers, SpansCoverSignNumberAndUnit)
{
	const std::string text = "原价：¥199元，现在";
	const auto a = find_amount(text, std::string("原价").size(), 6);
	ASSERT_TRUE(a);
	EXPECT_EQ(text.substr(a->begin, a->end - a->begin), "¥199元");
	const std::string dollars = "was 19.99 dollars, now";
	const auto d = find_amount(dollars, 3, 6);
	ASSERT_TRUE(d);
	EXPECT_EQ(dollars.substr(d->begin, d->end - d->begin), "19.99 dollars");
}

TEST(ComplianceNumbers, NotEveryNumeralIsMoney)
{
	EXPECT_FALSE(parse_amount_at("一次", 0));
	EXPECT_FALSE(parse_amount_at("第一", 0));
	EXPECT_FALSE(parse_amount_at("abc", 0));
	EXPECT_FALSE(parse_amount_at("", 0));
	EXPECT_FALSE(find_amount("原价很高。199元", 6, 6)); // not across a sentence end
	EXPECT_FALSE(find_amount("原价是多少呢我们今天就不说了199", 6, 6)); // too far
	EXPECT_FALSE(cents("99999999999999999999"));            // too big
}

} // namespace
} // namespace lcs::compliance

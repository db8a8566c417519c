#include <gtest/gtest.h>

#include <filesystem>

#include "core/compliance/checker.hpp"
#include "core/compliance/pinyin.hpp"

namespace lcs::compliance {
namespace {

TEST(CompliancePinyin, TonelessSyllablesFromUnihan)
{
	EXPECT_EQ(pinyin::of_text("醉好"), "zui hao");
	EXPECT_EQ(pinyin::of_text("最好"), "zui hao");
	EXPECT_EQ(pinyin::of_text("绿女"), "lv nv"); // ü as v
	EXPECT_EQ(pinyin::of_text("a最1"), "zui");
	EXPECT_FALSE(pinyin::of(U'a'));
	ASSERT_TRUE(pinyin::syllable("zhuang"));
	EXPECT_EQ(pinyin::text(*pinyin::syllable("zhuang")), "zhuang");
	EXPECT_FALSE(pinyin::syllable("zzz"));
}

TEST(CompliancePinyin, SplitsRomanisedRunsIntoSyllables)
{
	auto joined = [](std::u32string_view letters) {
		const auto parts = pinyin::split(letters);
		if (!parts)
			return std::string("(none)");
		std::string out;
		for (const auto &[at, s] : *parts)
			out += (out.empty() ? "" : "·") + std::string(pinyin::text(s));
		return out;
	};
	EXPECT_EQ(joined(U"zuihao"), "zui·hao");
	EXPECT_EQ(joined(U"zui"), "zui");
	EXPECT_EQ(joined(U"xian"), "xian");
	EXPECT_EQ(joined(U"rhythm"), "(none)");
}

Findings check(std::string_view text)
{
	static const auto load = load_checker(std::filesystem::path(LCS_SOURCE_DIR) / "tests/unit/compliance/fixtures");
	return load.checker->check(text, Context{});
}

TEST(CompliancePinyin, HomophonesAndRomanisedSyllablesMatchWithPinyinConfidence)
{
	for (const std::string text : {"醉好的蜂蜜", "zui好的蜂蜜", "zui hao的蜂蜜", "ZuiHao", "最hao"}) {
		const Findings f = check(text);
		ASSERT_EQ(f.size(), 1u) << text;
		EXPECT_EQ(f[0].rule, "absolute.best") << text;
		EXPECT_EQ(f[0].confidence, Confidence::pinyin) << text;
		EXPECT_EQ(f[0].severity, Severity::ban) << text;
	}
	const std::string text = "真是zui 好的";
	const Findings f = check(text);
	ASSERT_EQ(f.size(), 1u);
	EXPECT_EQ(f[0].term, "zui 好");
	// Sound-alike characters only, none of the term's own: not a hit (嘴 and 号 are ordinary words).
	EXPECT_TRUE(check("嘴号").empty());
	// The exceptions apply to sound hits too.
	EXPECT_EQ(check("开封后醉好先冷藏").at(0).severity, Severity::info);
	// The term itself stays an exact match.
	EXPECT_EQ(check("最好").at(0).confidence, Confidence::exact);
}

} // namespace
} // namespace lcs::compliance

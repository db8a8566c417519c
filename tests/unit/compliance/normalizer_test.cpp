#include <gtest/gtest.h>

#include "core/compliance/normalizer.hpp"

namespace lcs::compliance {
namespace {

std::string norm(std::string_view text)
{
	return to_utf8(Normalizer::instance().normalize(text).chars);
}

// The original bytes each normalised character came from.
std::string source_of(std::string_view text, const NormalizedText &nt, size_t i)
{
	return std::string(text.substr(nt.begin[i], nt.end[i] - nt.begin[i]));
}

TEST(ComplianceNormalizer, FullWidthFormsFoldAndMapBackToTheirBytes)
{
	const std::string text = "ＮＯ．１好货";
	const auto nt = Normalizer::instance().normalize(text);
	EXPECT_EQ(to_utf8(nt.chars), "no1好货");
	ASSERT_EQ(nt.size(), 5u);
	EXPECT_EQ(source_of(text, nt, 0), "Ｎ");
	EXPECT_EQ(source_of(text, nt, 1), "Ｏ");
	EXPECT_EQ(source_of(text, nt, 2), "１"); // the full-width full stop was dropped
	EXPECT_EQ(nt.gap[2], kGapAny | kGapPunctuation);
	EXPECT_EQ(nt.gap[3], 0);
	EXPECT_EQ(source_of(text, nt, 3), "好");
	EXPECT_EQ(nt.byte_begin(0), 0u);
	EXPECT_EQ(nt.byte_end(5), text.size());
}

TEST(ComplianceNormalizer, TraditionalCharactersBecomeSimplifiedOneForOne)
{
	ASSERT_TRUE(Normalizer::instance().has_t2s()) << "OpenCC t2s data not found";
	EXPECT_EQ(norm("最佳"), "最佳");
	EXPECT_EQ(norm("國家標準"), "国家标准");
	EXPECT_EQ(norm("這是最優的產品"), "这是最优的产品");
	const std::string text = "最優";
	const auto nt = Normalizer::instance().normalize(text);
	ASSERT_EQ(nt.size(), 2u);
	EXPECT_EQ(source_of(text, nt, 1), "優");
}

TEST(ComplianceNormalizer, SymbolsAndSpacesAreDroppedInsideTerms)
{
	EXPECT_EQ(norm("最*好"), "最好");
	EXPECT_EQ(norm("最 好"), "最好");
	EXPECT_EQ(norm("最~好_的-货"), "最好的货");
	EXPECT_EQ(norm("最🔥好"), "最好");
	EXPECT_EQ(norm("最\u200b好"), "最好"); // a zero-width space
	const std::string text = "最 * 好";
	const auto nt = Normalizer::instance().normalize(text);
	ASSERT_EQ(nt.size(), 2u);
	EXPECT_EQ(nt.begin[1], text.find("好"));
	EXPECT_EQ(nt.gap[1], kGapAny | kGapPunctuation); // '*' is punctuation
	EXPECT_EQ(Normalizer::instance().normalize("a b").gap[1], kGapAny);   // a space only
}

TEST(ComplianceNormalizer, SentenceEndsStayAsHardBreaks)
{
	EXPECT_EQ(norm("最。好"), "最|好");
	EXPECT_EQ(norm("最！！好"), "最|好");
	EXPECT_EQ(norm("最\n好"), "最|好");
	EXPECT_EQ(norm("best. Ever"), "best|ever");
	EXPECT_EQ(norm("最…好"), "最|好");
	EXPECT_EQ(norm("No.1"), "no1");      // a full stop inside a word is no sentence end
	EXPECT_EQ(norm("19.99元"), "1999元");
	EXPECT_EQ(norm("end."), "end|");
}

TEST(ComplianceNormalizer, CaseFoldingAndCompatibilityForms)
{
	EXPECT_EQ(norm("BEST Ever"), "bestever");
	EXPECT_EQ(norm("Ⅳ"), "iv");
	EXPECT_EQ(norm("①"), "1");
	EXPECT_EQ(norm("Straße"), "strasse");
}

TEST(ComplianceNormalizer, InvalidBytesAreDroppedNotFatal)
{
	const std::string text = std::string("最") + "\xff\xfe" + "好";
	const auto nt = Normalizer::instance().normalize(text);
	EXPECT_EQ(to_utf8(nt.chars), "最好");
	EXPECT_EQ(nt.end[1], text.size());
}

TEST(ComplianceNormalizer, KeyDropsBreaks)
{
	EXPECT_EQ(to_utf8(Normalizer::instance().key("ＮＯ．１")), "no1");
	EXPECT_TRUE(Normalizer::instance().key("*** ").empty());
}

} // namespace
} // namespace lcs::compliance

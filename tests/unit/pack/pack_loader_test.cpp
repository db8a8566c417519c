// Loading packs: every kind of problem is reported with its file, line and column.
#include <gtest/gtest.h>

#include "core/pack/library.hpp"
#include "core/pack/pack_loader.hpp"
#include "pack_test_util.hpp"

namespace {
using lcs::diag::Diagnostic;
using lcs::diag::Severity;
using lcs::pack::load_pack_text;
using lcs::test::position_of;
using lcs::test::replaced;
using lcs::test::valid_pack_text;

/// Loads `text`; expects exactly one error, at the start of `at` in the text, whose message contains `message`.
void expect_one_error(const std::string &text, const std::string &at, const std::string &message)
{
	const auto result = load_pack_text(text, "p.json");
	lcs::diag::Diagnostics errors;
	lcs::diag::Diagnostics all = result.diagnostics;
	if (result.ok()) {
		std::vector<lcs::pack::Pack> packs{*result.pack};
		lcs::pack::Library::link(std::move(packs), all);
	}
	for (const auto &d : all)
		if (d.severity == Severity::Error)
			errors.push_back(d);
	ASSERT_EQ(errors.size(), 1u) << [&] {
		std::string s;
		for (const auto &d : all)
			s += d.to_string() + "\n";
		return s;
	}();
	const auto [line, column] = position_of(text, at);
	EXPECT_EQ(errors[0].where.file, "p.json");
	EXPECT_EQ(errors[0].where.line, line) << errors[0].to_string();
	EXPECT_EQ(errors[0].where.column, column) << errors[0].to_string();
	EXPECT_NE(errors[0].message.find(message), std::string::npos) << errors[0].to_string();
}

TEST(PackLoader, LoadsAValidPackCompletely)
{
	const auto result = load_pack_text(valid_pack_text(), "p.json");
	ASSERT_TRUE(result.ok());
	const auto &pack = *result.pack;
	EXPECT_EQ(pack.meta.id, "tea");
	EXPECT_EQ(pack.meta.language, "en-US");
	ASSERT_EQ(pack.products.size(), 1u);
	EXPECT_EQ(pack.products[0].list_price_cents, 12800);
	EXPECT_EQ(pack.products[0].specs.at("origin"), "Hangzhou");
	ASSERT_EQ(pack.products[0].faq.size(), 1u);
	ASSERT_EQ(pack.segments.size(), 2u);
	EXPECT_EQ(pack.segments[0].planned_seconds, 120);
	ASSERT_EQ(pack.segments[0].cues.size(), 2u);
	EXPECT_EQ(pack.segments[0].cues[0].pin, "TEA");
	EXPECT_EQ(pack.segments[0].cues[1].promotion, "tiers");
	ASSERT_EQ(pack.promotions.size(), 1u);
	EXPECT_STREQ(pack.promotions[0].type_name(), "tiered_price");
	EXPECT_EQ(pack.sha256.size(), 64u);
	const auto [line, column] = position_of(valid_pack_text(), "{ \"id\": \"open-1\"");
	EXPECT_EQ(pack.segments[0].cues[0].where.line, line);
	EXPECT_EQ(pack.segments[0].cues[0].where.column, column);
}

TEST(PackLoader, ToleratesAByteOrderMark)
{
	EXPECT_TRUE(load_pack_text("\xEF\xBB\xBF" + valid_pack_text(), "p.json").ok());
}

TEST(PackLoader, SyntaxErrorIsLocated)
{
	const auto text = replaced(valid_pack_text(), "\"stock\": 300,", "\"stock\": 300,,");
	expect_one_error(text, ", \"category", "JSON syntax error");
}

TEST(PackLoader, TruncatedFileIsASyntaxError)
{
	const std::string text = valid_pack_text().substr(0, 200);
	const auto result = load_pack_text(text, "p.json");
	ASSERT_FALSE(result.ok());
	ASSERT_EQ(result.diagnostics.size(), 1u);
	EXPECT_NE(result.diagnostics[0].message.find("JSON syntax error"), std::string::npos);
}

TEST(PackLoader, EmptyFileIsASyntaxError)
{
	const auto result = load_pack_text("", "p.json");
	ASSERT_EQ(result.diagnostics.size(), 1u);
	EXPECT_EQ(result.diagnostics[0].where.line, 1);
}

TEST(PackLoader, NegativePrice)
{
	expect_one_error(replaced(valid_pack_text(), "12800, \"stock\"", "-5, \"stock\""), "-5, \"stock\"",
			 "'list_price_cents' must be between 1 and");
}

TEST(PackLoader, DecimalPriceIsNotCents)
{
	expect_one_error(replaced(valid_pack_text(), "12800, \"stock\"", "128.5, \"stock\""), "128.5",
			 "must be a whole number, got a decimal number");
}

TEST(PackLoader, DurationOutOfRange)
{
	expect_one_error(replaced(valid_pack_text(), "\"planned_seconds\": 60", "\"planned_seconds\": 99999"), "99999",
			 "'planned_seconds' must be between 10 and 3600");
}

TEST(PackLoader, EmptySegment)
{
	const auto text = replaced(valid_pack_text(), R"("cues": [ { "id": "close-1", "text": "Thank you." } ])", R"("cues": [])");
	expect_one_error(text, "[] }", "'cues' must have at least 1 entry");
}

TEST(PackLoader, MissingRequiredKey)
{
	const auto text = replaced(valid_pack_text(), "\"name\": \"Green tea\", ", "");
	expect_one_error(text, "{ \"sku\": \"TEA\"", "missing required key 'name' in product");
}

TEST(PackLoader, UnknownKeyCatchesTypos)
{
	const auto text = replaced(valid_pack_text(), "\"keywords\"", "\"keyword\"");
	expect_one_error(text, "[\"welcome\"]", "unknown key 'keyword' in cue");
}

TEST(PackLoader, WrongType)
{
	expect_one_error(replaced(valid_pack_text(), "\"stock\": 300", "\"stock\": \"300\""), "\"300\"",
			 "'stock' must be a whole number, got a string");
}

TEST(PackLoader, BadId)
{
	expect_one_error(replaced(valid_pack_text(), "\"id\": \"open-2\"", "\"id\": \"open 2\""), "\"open 2\"",
			 "'id' must be letters, digits");
}

TEST(PackLoader, UnknownSegmentKind)
{
	expect_one_error(replaced(valid_pack_text(), "\"kind\": \"closing\"", "\"kind\": \"farewell\""), "\"farewell\"",
			 "'kind' must be one of");
}

TEST(PackLoader, WrongFormatVersion)
{
	expect_one_error(replaced(valid_pack_text(), "lcs.pack/1", "lcs.pack/2"), "\"lcs.pack/2\"", "'format' must be");
}

TEST(PackLoader, BadVersionString)
{
	expect_one_error(replaced(valid_pack_text(), "\"1.0.0\"", "\"1.0\""), "\"1.0\"", "MAJOR.MINOR.PATCH");
}

TEST(PackLoader, DuplicateIdNamesTheFirstDefinition)
{
	const auto text = replaced(valid_pack_text(), "\"id\": \"open-2\"", "\"id\": \"open-1\"");
	expect_one_error(text, "{ \"id\": \"open-1\", \"text\": \"Prices", "duplicate cue id 'open-1' (first defined at p.json:");
}

TEST(PackLoader, CueNamingAMissingProduct)
{
	expect_one_error(replaced(valid_pack_text(), "\"pin\": \"TEA\"", "\"pin\": \"COFFEE\""), "\"COFFEE\"",
			 "cue 'open-1' names product 'COFFEE', which no loaded pack defines");
}

TEST(PackLoader, CueNamingAMissingPromotion)
{
	expect_one_error(replaced(valid_pack_text(), "\"promotion\": \"tiers\"", "\"promotion\": \"flash\""), "\"flash\"",
			 "launches promotion 'flash'");
}

TEST(PackLoader, TiersMustGrowAndEndOpen)
{
	const auto text = replaced(valid_pack_text(), R"({ "price_cents": 10900 })", R"({ "up_to": 50, "price_cents": 10900 })");
	expect_one_error(text, "50, \"price_cents\": 10900", "the last tier must not have 'up_to'");
	const auto text2 = replaced(valid_pack_text(), R"({ "price_cents": 10900 })",
				    R"({ "up_to": 50, "price_cents": 10900 }, { "price_cents": 11900 })");
	expect_one_error(text2, "50, \"price_cents\": 10900", "'up_to' must grow");
}

TEST(PackLoader, CouponSavingMustBeBelowThreshold)
{
	const auto text = replaced(valid_pack_text(), "\"promotions\": [",
				   R"("promotions": [ { "id": "c", "type": "coupon", "rule": "spend_save", "threshold_cents": 1000,
      "save_cents": 1000, "per_viewer_limit": 1, "total_limit": 10, "valid_seconds": 600 },)");
	expect_one_error(text, "1000, \"per_viewer", "'save_cents' must be less than 'threshold_cents'");
}

TEST(PackLoader, PriceHonestyViolationsAreWarningsAtThePromotion)
{
	// A strike-through price that is not the list price, a falling tier, limited time without end.
	std::string text = replaced(valid_pack_text(), "\"strike_price_cents\": 12800", "\"strike_price_cents\": 19900");
	text = replaced(text, "{ \"price_cents\": 10900 }", "{ \"price_cents\": 8900 }");
	text = replaced(text, "\"basis\": \"units\",", "\"basis\": \"units\", \"limited_time\": true,");
	const auto r = load_pack_text(text, "p.json");
	ASSERT_TRUE(r.ok());
	lcs::diag::Diagnostics out;
	lcs::pack::Library::link({*r.pack}, out);
	ASSERT_EQ(out.size(), 3u);
	const auto [line, column] = position_of(text, "{ \"id\": \"tiers\"");
	for (const auto &d : out) {
		EXPECT_EQ(d.severity, Severity::Warning);
		EXPECT_EQ(d.where.line, line);
		EXPECT_EQ(d.where.column, column);
	}
	EXPECT_NE(out[0].message.find("fake_original_price"), std::string::npos) << out[0].to_string();
	EXPECT_NE(out[1].message.find("falling_tier"), std::string::npos) << out[1].to_string();
	EXPECT_NE(out[2].message.find("limited_time_without_end"), std::string::npos) << out[2].to_string();
}

TEST(PackLoader, FlashSaleRanges)
{
	const auto text = replaced(valid_pack_text(), "\"promotions\": [",
				   R"("promotions": [ { "id": "f", "type": "flash_sale", "sku": "TEA", "price_cents": 5900,
      "countdown_seconds": 5, "duration_seconds": 300, "stock": 50, "per_buyer_limit": 2 },)");
	expect_one_error(text, "5, \"duration", "'countdown_seconds' must be between 10 and 300");
}

TEST(PackLoader, InvalidUtf8IsLocated)
{
	const auto text = replaced(valid_pack_text(), "Green tea", "Green \xC3\x28tea");
	expect_one_error(text, "\xC3\x28tea", "invalid UTF-8");
}

TEST(PackLoader, BinaryJunkIsRejected)
{
	std::string junk;
	for (int i = 0; i < 4096; ++i)
		junk.push_back(static_cast<char>((i * 7919) & 0xFF));
	const auto result = load_pack_text(junk, "junk.bin");
	EXPECT_FALSE(result.ok());
	ASSERT_EQ(result.diagnostics.size(), 1u);
	EXPECT_NE(result.diagnostics[0].message.find("binary data"), std::string::npos);
}

TEST(PackLoader, OversizedFileIsRejectedWithoutParsing)
{
	const std::string huge = "{\"format\": \"" + std::string(50u * 1024 * 1024, 'x') + "\"}";
	const auto result = load_pack_text(huge, "huge.json");
	ASSERT_EQ(result.diagnostics.size(), 1u);
	EXPECT_NE(result.diagnostics[0].message.find("at most"), std::string::npos);
}

TEST(PackLoader, LongStringIsReportedNotTruncated)
{
	const auto text = replaced(valid_pack_text(), "\"Welcome!\"", "\"" + std::string(3'000'000, 'a') + "\"");
	expect_one_error(text, "\"aaaa", "'text' is 3000000 characters long; at most 2000 allowed");
}

TEST(PackLoader, DeepNestingIsReported)
{
	const std::string deep = std::string(100000, '[') + std::string(100000, ']');
	const auto result = load_pack_text(deep, "deep.json");
	ASSERT_EQ(result.diagnostics.size(), 1u);
	EXPECT_NE(result.diagnostics[0].message.find("nesting deeper than 64"), std::string::npos);
	EXPECT_EQ(result.diagnostics[0].where.column, 66);
}

TEST(PackLoader, RootMustBeAnObject)
{
	const auto result = load_pack_text("[1, 2]", "a.json");
	ASSERT_EQ(result.diagnostics.size(), 1u);
	EXPECT_NE(result.diagnostics[0].message.find("pack file must be an object"), std::string::npos);
}

TEST(PackLoader, ColumnsCountCharactersNotBytes)
{
	const auto text = replaced(valid_pack_text(), "\"name\": \"Tea\"", "\"name\": \"绿茶\", \"nme\": 1");
	expect_one_error(text, "1, \"version\"", "unknown key 'nme'");
}

TEST(Library, IdsMustBeUniqueAcrossPacks)
{
	auto a = load_pack_text(valid_pack_text(), "a.json");
	auto b = load_pack_text(replaced(valid_pack_text(), "\"id\": \"tea\"", "\"id\": \"tea2\""), "b.json");
	ASSERT_TRUE(a.ok() && b.ok());
	lcs::diag::Diagnostics out;
	lcs::pack::Library::link({*a.pack, *b.pack}, out);
	int duplicates = 0;
	for (const auto &d : out) {
		EXPECT_EQ(d.where.file, "b.json") << d.to_string();
		duplicates += d.message.find("duplicate") != std::string::npos ? 1 : 0;
	}
	EXPECT_EQ(duplicates, 7); // product, promotion, 2 segments, 3 cues
}

TEST(Library, ReferencesMayCrossPacks)
{
	auto shelf = load_pack_text(valid_pack_text(), "a.json");
	std::string show = replaced(valid_pack_text(), "\"id\": \"tea\"", "\"id\": \"show\"");
	show = replaced(show, "\"sku\": \"TEA\", \"name\"", "\"sku\": \"CUP\", \"name\"");
	show = replaced(show, "\"id\": \"tiers\"", "\"id\": \"tiers2\"");
	show = replaced(show, "\"promotion\": \"tiers\"", "\"promotion\": \"tiers2\"");
	for (const char *id : {"open", "open-1", "open-2", "close", "close-1"})
		show = replaced(show, std::string("\"id\": \"") + id + "\"", std::string("\"id\": \"b-") + id + "\"");
	auto b = load_pack_text(show, "b.json");
	ASSERT_TRUE(shelf.ok() && b.ok());
	lcs::diag::Diagnostics out;
	const auto lib = lcs::pack::Library::link({*shelf.pack, *b.pack}, out);
	EXPECT_TRUE(out.empty()) << out.front().to_string();
	EXPECT_EQ(lib.segments().size(), 4u);
	EXPECT_EQ(lib.planned_seconds(), 360);
	EXPECT_NE(lib.product("CUP"), nullptr);
}

} // namespace

// nlohmann reports 1e400 as out_of_range, not as a parse error: a pack with one is an error at
// the number (inside OBS the loader runs on a worker thread, where an exception would end OBS).
TEST(PackLoader, ANumberTooLargeForADoubleIsAnErrorAtIt)
{
	const auto result = load_pack_text("{\"schema\":\"lcs.pack/1\",\n\"x\":1e400}", "p.json");
	EXPECT_FALSE(result.pack);
	ASSERT_FALSE(result.diagnostics.empty());
	EXPECT_EQ(result.diagnostics.front().to_string().rfind("p.json:2:5", 0), 0u) << result.diagnostics.front().to_string();
}

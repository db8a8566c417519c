// The pack reader's price evidence (price_evidence) and the locations of the strings the
// compliance checker reads (product names, selling points, cue texts).
#include <gtest/gtest.h>

#include "core/pack/pack_loader.hpp"
#include "pack_test_util.hpp"

namespace {
using lcs::pack::load_pack_text;
using lcs::test::position_of;
using lcs::test::replaced;
using lcs::test::valid_pack_text;

std::string with_evidence(const std::string &evidence)
{
	return replaced(valid_pack_text(), "\"list_price_cents\": 12800,", "\"list_price_cents\": 12800, \"price_evidence\": " + evidence + ",");
}

std::string errors_of(const lcs::pack::LoadResult &result)
{
	std::string s;
	for (const auto &d : result.diagnostics)
		s += d.to_string() + "\n";
	return s;
}

TEST(PackPriceEvidence, AbsentByDefault)
{
	const auto result = load_pack_text(valid_pack_text(), "p.json");
	ASSERT_TRUE(result.ok()) << errors_of(result);
	EXPECT_FALSE(result.pack->products[0].price_evidence.lowest_7d_cents);
	EXPECT_FALSE(result.pack->products[0].price_evidence.msrp_cents);
}

TEST(PackPriceEvidence, ReadsBothPrices)
{
	const auto result = load_pack_text(with_evidence(R"({ "lowest_7d_cents": 11800, "msrp_cents": 15800 })"), "p.json");
	ASSERT_TRUE(result.ok()) << errors_of(result);
	EXPECT_EQ(result.pack->products[0].price_evidence.lowest_7d_cents, 11800);
	EXPECT_EQ(result.pack->products[0].price_evidence.msrp_cents, 15800);
}

TEST(PackPriceEvidence, OneOfThemIsEnough)
{
	const auto result = load_pack_text(with_evidence(R"({ "msrp_cents": 15800 })"), "p.json");
	ASSERT_TRUE(result.ok()) << errors_of(result);
	EXPECT_FALSE(result.pack->products[0].price_evidence.lowest_7d_cents);
	EXPECT_EQ(result.pack->products[0].price_evidence.msrp_cents, 15800);
}

void expect_error_at(const std::string &text, const std::string &at, const std::string &message)
{
	const auto result = load_pack_text(text, "p.json");
	ASSERT_FALSE(result.ok());
	ASSERT_EQ(result.diagnostics.size(), 1u) << errors_of(result);
	const auto &d = result.diagnostics[0];
	const auto [line, column] = position_of(text, at);
	EXPECT_EQ(d.where.line, line) << d.to_string();
	EXPECT_EQ(d.where.column, column) << d.to_string();
	EXPECT_NE(d.message.find(message), std::string::npos) << d.to_string();
}

TEST(PackPriceEvidence, PricesAreValidatedLikeOtherCents)
{
	expect_error_at(with_evidence(R"({ "lowest_7d_cents": 0 })"), "0 }", "'lowest_7d_cents' must be between 1 and");
	expect_error_at(with_evidence(R"({ "msrp_cents": 99.5 })"), "99.5", "must be a whole number, got a decimal number");
	expect_error_at(with_evidence(R"({ "msrp_cents": "158" })"), "\"158\"", "must be a whole number, got a string");
}

TEST(PackPriceEvidence, UnknownKeysAndEmptyObjectsAreErrors)
{
	expect_error_at(with_evidence(R"({ "msrp_cents": 15800, "lowest_30d_cents": 1 })"), "1 }", "unknown key 'lowest_30d_cents' in price evidence");
	expect_error_at(with_evidence("{}"), "{},", "'price_evidence' must give 'lowest_7d_cents'");
	expect_error_at(with_evidence("15800"), "15800,", "must be an object");
}

TEST(PackStringLocations, NameSellingPointsAndCueTextsPointAtTheirOpeningQuote)
{
	const std::string text = replaced(valid_pack_text(), "[\"fresh\"]", "[\"fresh\",\n        \"清明前采摘\"]");
	const auto result = load_pack_text(text, "p.json");
	ASSERT_TRUE(result.ok()) << errors_of(result);
	const auto &product = result.pack->products[0];
	auto expect_at = [&](const lcs::diag::Location &where, const std::string &needle) {
		const auto [line, column] = position_of(text, needle);
		EXPECT_EQ(where.file, "p.json");
		EXPECT_EQ(where.line, line) << needle;
		EXPECT_EQ(where.column, column) << needle;
	};
	expect_at(product.name_where, "\"Green tea\"");
	ASSERT_EQ(product.selling_point_where.size(), 2u);
	expect_at(product.selling_point_where[0], "\"fresh\"");
	expect_at(product.selling_point_where[1], "\"清明前采摘\"");
	expect_at(result.pack->segments[0].cues[0].text_where, "\"Welcome!\"");
	expect_at(result.pack->segments[0].cues[1].text_where, "\"Prices now.\"");
	expect_at(result.pack->segments[1].cues[0].text_where, "\"Thank you.\"");
}

} // namespace

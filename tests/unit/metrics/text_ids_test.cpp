#include <gtest/gtest.h>

#include <set>
#include <string>
#include <unordered_map>
#include <utility>

#include "core/metrics/id_pair_set.hpp"
#include "core/metrics/text_ids.hpp"
#include "core/util/rng.hpp"

namespace {
using lcs::metrics::IdPairSet;
using lcs::metrics::TextIds;

TEST(TextIds, GivesDenseIdsInOrderOfFirstSightAndTheSameIdAgain)
{
	TextIds ids;
	EXPECT_EQ(ids.find("v1"), TextIds::kNone);
	EXPECT_EQ(ids.intern("v1"), 0u);
	EXPECT_EQ(ids.intern("v2"), 1u);
	EXPECT_EQ(ids.intern("v1"), 0u);
	EXPECT_EQ(ids.intern(""), 2u); // a missing field reads as "": a text like any other
	EXPECT_EQ(ids.find("v2"), 1u);
	EXPECT_EQ(ids.find("v3"), TextIds::kNone);
	EXPECT_EQ(ids.size(), 3u);
	EXPECT_EQ(ids.text(0), "v1");
	EXPECT_EQ(ids.text(2), "");
}

TEST(TextIds, AgreesWithAMapOverManyTextsWhileItGrows)
{
	// Viewer-like ids (sharing prefixes, differing in their last digits), UTF-8 and bytes.
	lcs::util::Rng rng(3);
	TextIds ids;
	std::unordered_map<std::string, uint32_t> expected;
	for (int i = 0; i < 50000; ++i) {
		const auto n = rng.below(30000);
		std::string text = (n % 3 == 0 ? "观众" : n % 3 == 1 ? "v" : std::string("\0x", 2)) + std::to_string(n);
		const auto [it, fresh] = expected.emplace(text, static_cast<uint32_t>(expected.size()));
		ASSERT_EQ(ids.intern(text), it->second) << text;
		ASSERT_EQ(ids.size(), expected.size());
		(void)fresh;
	}
	for (const auto &[text, id] : expected) {
		ASSERT_EQ(ids.find(text), id);
		ASSERT_EQ(ids.text(id), text);
	}
	EXPECT_EQ(ids.find("v30000"), TextIds::kNone);
}

TEST(IdPairSet, AgreesWithASetOfPairs)
{
	lcs::util::Rng rng(9);
	IdPairSet pairs;
	std::set<std::pair<uint32_t, uint32_t>> expected;
	EXPECT_FALSE(pairs.contains(0, 0));
	for (int i = 0; i < 60000; ++i) {
		// Both ends of the id range, and (a, b) against (b, a).
		const auto a = static_cast<uint32_t>(rng.below(40)) + (i % 7 == 0 ? 0xFFFFFF00u : 0u);
		const auto b = static_cast<uint32_t>(rng.below(5000));
		ASSERT_EQ(pairs.insert(a, b), expected.emplace(a, b).second);
		ASSERT_EQ(pairs.size(), expected.size());
	}
	for (const auto &[a, b] : expected)
		ASSERT_TRUE(pairs.contains(a, b));
	EXPECT_FALSE(pairs.contains(40, 0));
	EXPECT_EQ(pairs.contains(1, 2), expected.count({1, 2}) == 1);
	EXPECT_EQ(pairs.contains(2, 1), expected.count({2, 1}) == 1);
}

} // namespace

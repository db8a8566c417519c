#include <gtest/gtest.h>

#include <algorithm>
#include <tuple>

#include "core/compliance/aho_corasick.hpp"

namespace lcs::compliance {
namespace {

using Found = std::tuple<size_t, size_t, size_t>;

std::vector<Found> run(const AhoCorasick &ac, std::u32string_view text)
{
	std::vector<AhoCorasick::Hit> hits;
	ac.find(text, hits);
	std::vector<Found> out;
	for (const auto &h : hits)
		out.emplace_back(h.pattern, h.begin, h.end);
	std::sort(out.begin(), out.end());
	return out;
}

TEST(ComplianceAhoCorasick, FindsEveryOverlappingOccurrence)
{
	AhoCorasick ac;
	const size_t he = ac.add(U"he");
	const size_t she = ac.add(U"she");
	const size_t his = ac.add(U"his");
	const size_t hers = ac.add(U"hers");
	ac.build();
	EXPECT_EQ(run(ac, U"ushers"), (std::vector<Found>{{he, 2, 4}, {she, 1, 4}, {hers, 2, 6}}));
	EXPECT_EQ(run(ac, U"hishe"), (std::vector<Found>{{he, 3, 5}, {she, 2, 5}, {his, 0, 3}}));
	EXPECT_TRUE(run(ac, U"xyz").empty());
	EXPECT_TRUE(run(ac, U"").empty());
}

TEST(ComplianceAhoCorasick, ChineseTermsAndRepeats)
{
	AhoCorasick ac;
	const size_t best = ac.add(U"最好");
	const size_t best2 = ac.add(U"最好"); // the same term in two rules
	const size_t first = ac.add(U"第一");
	const size_t lowest = ac.add(U"全网最低");
	const size_t low = ac.add(U"最低");
	ac.build();
	EXPECT_EQ(run(ac, U"全网最低价第一最好"),
		  (std::vector<Found>{{best, 7, 9}, {best2, 7, 9}, {first, 5, 7}, {lowest, 0, 4}, {low, 2, 4}}));
	EXPECT_EQ(run(ac, U"最最好"), (std::vector<Found>{{best, 1, 3}, {best2, 1, 3}}));
}

TEST(ComplianceAhoCorasick, MatchesAgreeWithNaiveSearch)
{
	const std::vector<std::u32string> patterns = {U"a", U"ab", U"bab", U"bc", U"bca", U"c", U"caa"};
	AhoCorasick ac;
	for (const auto &p : patterns)
		ac.add(p);
	ac.build();
	const std::u32string text = U"abccabbcaabcbabcaa";
	std::vector<Found> naive;
	for (size_t id = 0; id < patterns.size(); ++id)
		for (size_t at = text.find(patterns[id]); at != std::u32string::npos; at = text.find(patterns[id], at + 1))
			naive.emplace_back(id, at, at + patterns[id].size());
	std::sort(naive.begin(), naive.end());
	EXPECT_EQ(run(ac, text), naive);
}

TEST(ComplianceAhoCorasick, RefusesEmptyPatternsAndLateAdds)
{
	AhoCorasick ac;
	EXPECT_THROW(ac.add(U""), std::invalid_argument);
	ac.add(U"x");
	ac.build();
	EXPECT_THROW(ac.add(U"y"), std::logic_error);
}

} // namespace
} // namespace lcs::compliance

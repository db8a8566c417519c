#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "core/metrics/running_median.hpp"
#include "core/util/rng.hpp"

namespace {
using lcs::metrics::RunningMedian;

double sorted_median(std::vector<int64_t> v)
{
	std::sort(v.begin(), v.end());
	const size_t n = v.size();
	return n % 2 ? static_cast<double>(v[n / 2]) : (static_cast<double>(v[n / 2 - 1]) + static_cast<double>(v[n / 2])) / 2.0;
}

TEST(RunningMedian, EmptyHasNone)
{
	EXPECT_FALSE(RunningMedian{}.median().has_value());
}

TEST(RunningMedian, EqualsTheSortedMedianAfterEveryValue)
{
	lcs::util::Rng rng(42);
	RunningMedian running;
	std::vector<int64_t> all;
	for (int i = 0; i < 2000; ++i) {
		// Repeats and wide spreads both: answer times cluster, and some wait minutes.
		const int64_t v = i % 7 == 0 ? 5000 : static_cast<int64_t>(rng.unit() * (i % 3 ? 60'000 : 600'000));
		running.add(v);
		all.push_back(v);
		ASSERT_EQ(running.size(), all.size());
		ASSERT_DOUBLE_EQ(*running.median(), sorted_median(all)) << "after " << all.size() << " values";
	}
}

} // namespace

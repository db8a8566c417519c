#pragma once
// The most answers a host gave in any 60 s window (times in ms, ascending): the autopilot tests'
// measure of answering "like a person" (at most six a minute).
#include <algorithm>
#include <cstdint>
#include <vector>

namespace lcs::test {

inline int most_in_a_minute(const std::vector<int64_t> &times)
{
	int most = 0;
	for (size_t i = 0; i < times.size(); ++i) {
		int n = 0;
		for (size_t j = i; j < times.size() && times[j] < times[i] + 60'000; ++j)
			++n;
		most = std::max(most, n);
	}
	return most;
}

} // namespace lcs::test

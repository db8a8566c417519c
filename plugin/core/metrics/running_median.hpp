#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <queue>
#include <vector>

namespace lcs::metrics {

// The median of a growing set of values, kept up to date as values arrive (two heaps: the lower
// half's largest on top of one, the upper half's smallest on top of the other). Adding costs
// O(log n), reading O(1), so live metrics can be read every second of a long session without
// sorting every answer time again.
class RunningMedian {
public:
	void add(int64_t value)
	{
		if (lower_.empty() || value <= lower_.top())
			lower_.push(value);
		else
			upper_.push(value);
		// Keep lower_ the same size as upper_ or one larger.
		if (lower_.size() > upper_.size() + 1) {
			upper_.push(lower_.top());
			lower_.pop();
		} else if (upper_.size() > lower_.size()) {
			lower_.push(upper_.top());
			upper_.pop();
		}
	}

	[[nodiscard]] size_t size() const { return lower_.size() + upper_.size(); }

	/// The middle value, or the mean of the two middle values; none when empty.
	[[nodiscard]] std::optional<double> median() const
	{
		if (lower_.empty())
			return std::nullopt;
		if (lower_.size() > upper_.size())
			return static_cast<double>(lower_.top());
		return (static_cast<double>(lower_.top()) + static_cast<double>(upper_.top())) / 2.0;
	}

private:
	std::priority_queue<int64_t> lower_;
	std::priority_queue<int64_t, std::vector<int64_t>, std::greater<>> upper_;
};

} // namespace lcs::metrics

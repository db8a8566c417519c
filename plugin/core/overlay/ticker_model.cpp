#include "core/overlay/ticker_model.hpp"

#include <algorithm>

namespace lcs::overlay {

void TickerModel::offer(const std::vector<session::OrderLine> &recent)
{
	for (const auto &order : recent) {
		if (!seen_.insert(order.order_id).second)
			continue;
		backlog_.push_back(order);
		while (backlog_.size() > options_.max_backlog)
			backlog_.pop_front(); // a long burst: keep the newest
	}
}

void TickerModel::advance(int64_t now_ms)
{
	while (!lines_.empty() && now_ms - lines_.front().shown_at_ms >= options_.visible_ms)
		lines_.pop_front();
	if (!backlog_.empty() && now_ms - last_admitted_ms_ >= options_.min_interval_ms) {
		lines_.push_back({backlog_.front(), now_ms});
		backlog_.pop_front();
		last_admitted_ms_ = now_ms;
		while (lines_.size() > options_.max_lines)
			lines_.pop_front();
	}
}

double TickerModel::alpha(const Line &line, int64_t now_ms) const
{
	const int64_t left = options_.visible_ms - (now_ms - line.shown_at_ms);
	if (left <= 0)
		return 0.0;
	if (options_.fade_ms <= 0 || left >= options_.fade_ms)
		return 1.0;
	return static_cast<double>(left) / static_cast<double>(options_.fade_ms);
}

} // namespace lcs::overlay

#pragma once

#include <cstdint>
#include <deque>
#include <set>
#include <string>
#include <vector>

#include "core/session/controller.hpp"

namespace lcs::overlay {

// What the order ticker shows: new orders enter one at a time, at most one per min_interval_ms,
// so a burst stays readable (the backlog keeps the newest ones; the log keeps them all); each
// line stays visible_ms and fades out over its last fade_ms.
class TickerModel {
public:
	struct Options {
		size_t max_lines = 5;
		int64_t min_interval_ms = 800;
		int64_t visible_ms = 8000;
		int64_t fade_ms = 1000;
		size_t max_backlog = 10;
	};
	struct Line {
		session::OrderLine order;
		int64_t shown_at_ms = 0;
	};

	explicit TickerModel(Options options) : options_(options) {}

	void set_options(Options options) { options_ = options; }
	/// Takes the orders of a snapshot; those not seen before join the backlog.
	void offer(const std::vector<session::OrderLine> &recent);
	/// Admits from the backlog and retires expired lines, at session time now_ms.
	void advance(int64_t now_ms);

	[[nodiscard]] const std::deque<Line> &lines() const { return lines_; }
	/// Opacity of a line at now_ms, 0..1.
	[[nodiscard]] double alpha(const Line &line, int64_t now_ms) const;
	[[nodiscard]] size_t backlog() const { return backlog_.size(); }

private:
	Options options_;
	std::set<std::string> seen_;
	std::deque<session::OrderLine> backlog_;
	std::deque<Line> lines_;
	int64_t last_admitted_ms_ = -1'000'000'000;
};

} // namespace lcs::overlay

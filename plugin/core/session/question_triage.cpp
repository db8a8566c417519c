#include "core/session/question_triage.hpp"

#include <algorithm>

#include "core/session/question_topic.hpp"

namespace lcs::session {
namespace {

// Whether the question asked at `t` is still open (the desk or a coach may have answered it).
bool still_open(const std::vector<FeedComment> &open, const std::string &id, int64_t t)
{
	for (auto it = open.rbegin(); it != open.rend() && it->t >= t; ++it)
		if (it->comment_id == id)
			return true;
	return false;
}

} // namespace

QuestionTriage::QuestionTriage(TriageLimits limits) : limits_(limits) {}

std::optional<std::string> QuestionTriage::step(int64_t now, const std::vector<FeedComment> &open,
						const std::vector<std::string> &product_names, util::Rng &rng)
{
	// New questions are at the end of the open list (answers take questions out anywhere, new
	// ones only come in at the end): they join the queue, oldest first.
	auto it = open.rbegin();
	while (it != open.rend() && !seen_.count(it->comment_id))
		++it;
	for (auto fresh = it.base(); fresh != open.end(); ++fresh) {
		seen_.insert(fresh->comment_id);
		if (now - fresh->t <= limits_.give_up_after_ms)
			queue_.push_back({fresh->t, fresh->comment_id, is_buying(classify_question(fresh->text, product_names))});
	}
	// Waited too long: the question scrolled away and the host gives up on it.
	std::erase_if(queue_, [&](const Waiting &w) {
		if (now - w.t <= limits_.give_up_after_ms)
			return false;
		++dropped_;
		return true;
	});

	std::optional<std::string> answer;
	if (picked_ && now >= picked_->answer_at_ms) {
		if (still_open(open, picked_->id, picked_->asked_t)) {
			answer = picked_->id;
			answered_at_.push_back(now);
		}
		picked_.reset();
	}
	while (!answered_at_.empty() && answered_at_.front() <= now - limits_.window_ms)
		answered_at_.pop_front();

	// Free, with room in the last minute: the oldest buying question, else the oldest. The
	// answer comes later than now, so the window it ends up in holds at most max_answers.
	const bool free = !picked_ && now >= free_at_ms_ && static_cast<int>(answered_at_.size()) < limits_.max_answers;
	if (free) // answered meanwhile from the desk (or by a coach): gone from the open list
		std::erase_if(queue_, [&](const Waiting &w) { return !still_open(open, w.id, w.t); });
	if (free && !queue_.empty()) {
		auto next = std::find_if(queue_.begin(), queue_.end(), [](const Waiting &w) { return w.buying; });
		if (next == queue_.end())
			next = queue_.begin();
		const int64_t read = rng.between(limits_.read_min_ms, limits_.read_max_ms);
		const int64_t occupied = rng.between(std::max(read, limits_.occupied_min_ms), limits_.occupied_max_ms);
		picked_ = Picked{now + read, next->t, next->id};
		free_at_ms_ = now + occupied;
		queue_.erase(next);
	}
	return answer;
}

} // namespace lcs::session

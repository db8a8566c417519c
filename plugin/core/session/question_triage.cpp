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
	// The questions the host can still get to (asked within give_up_after_ms), newest first;
	// the new ones join the queue, oldest first.
	std::unordered_set<std::string> recent;
	std::vector<const FeedComment *> fresh;
	for (auto it = open.rbegin(); it != open.rend() && now - it->t <= limits_.give_up_after_ms; ++it) {
		recent.insert(it->comment_id);
		if (seen_.insert(it->comment_id).second)
			fresh.push_back(&*it);
	}
	for (auto it = fresh.rbegin(); it != fresh.rend(); ++it)
		queue_.push_back({(*it)->t, (*it)->comment_id, is_buying(classify_question((*it)->text, product_names))});
	// Too old: given up. Gone from the open list: answered elsewhere.
	std::erase_if(queue_, [&](const Waiting &w) {
		if (now - w.t > limits_.give_up_after_ms) {
			++dropped_;
			return true;
		}
		return !recent.count(w.id);
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
	if (!picked_ && now >= free_at_ms_ && !queue_.empty() &&
	    static_cast<int>(answered_at_.size()) < limits_.max_answers) {
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

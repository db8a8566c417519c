#include "core/session/controller.hpp"

#include <type_traits>

namespace lcs::session {
namespace {
template<class... Ts> struct Overloaded : Ts... {
	using Ts::operator()...;
};
template<class... Ts> Overloaded(Ts...) -> Overloaded<Ts...>;
} // namespace

Controller::Controller()
{
	snapshot_ = std::make_shared<const Snapshot>();
}

void Controller::submit(Command command)
{
	queue_.push(std::move(command));
}

void Controller::apply(const Command &command)
{
	auto append = [this](script::NavigationEvents events) {
		pending_events_.insert(pending_events_.end(), events.begin(), events.end());
	};
	std::visit(Overloaded{
			   [&](const UseLibrary &c) {
				   navigator_.emplace(c.library);
				   append(navigator_->begin());
			   },
			   [&](const NextCue &) {
				   if (navigator_)
					   append(navigator_->next_cue());
			   },
			   [&](const PreviousCue &) {
				   if (navigator_)
					   append(navigator_->previous_cue());
			   },
			   [&](const NextSegment &) {
				   if (navigator_)
					   append(navigator_->next_segment());
			   },
			   [&](const PreviousSegment &) {
				   if (navigator_)
					   append(navigator_->previous_segment());
			   },
			   [&](const JumpToSegment &c) {
				   if (navigator_)
					   append(navigator_->jump_to_segment(c.segment_id));
			   },
			   [&](const ToggleSegmentTimer &) {
				   if (navigator_)
					   navigator_->set_paused(!navigator_->paused());
			   },
			   [&](const MarkKeywordSaid &c) {
				   if (navigator_)
					   navigator_->mark_keyword_said(c.keyword);
			   },
		   },
		   command);
}

void Controller::tick(int64_t dt_ms)
{
	pending_events_.clear();
	const auto commands = queue_.drain();
	for (const auto &c : commands)
		apply(c);
	if (navigator_)
		navigator_->tick(dt_ms);

	// Publish when a command changed something, or when the displayed second of the segment
	// clock moved (observers draw whole seconds; publishing every frame would be waste).
	const int64_t second = navigator_ ? navigator_->view().segment_elapsed_ms / 1000 : -1;
	if (!commands.empty() || second != last_published_second_) {
		last_published_second_ = second;
		publish();
	}
}

void Controller::publish()
{
	auto next = std::make_shared<Snapshot>();
	next->version = ++version_;
	if (navigator_) {
		next->library = navigator_->library();
		next->cue = navigator_->view();
	}
	std::lock_guard lock(snapshot_mutex_);
	snapshot_ = std::move(next);
}

std::shared_ptr<const Snapshot> Controller::snapshot() const
{
	std::lock_guard lock(snapshot_mutex_);
	return snapshot_;
}

script::NavigationEvents Controller::take_navigation_events()
{
	script::NavigationEvents out;
	out.swap(pending_events_);
	return out;
}

} // namespace lcs::session

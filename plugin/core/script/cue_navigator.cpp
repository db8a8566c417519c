#include "core/script/cue_navigator.hpp"

#include <algorithm>

namespace lcs::script {

CueNavigator::CueNavigator(std::shared_ptr<const pack::Library> library) : library_(std::move(library))
{
	const size_t count = library_ ? library_->segments().size() : 0;
	elapsed_.assign(count, 0);
	finished_ = count == 0;
}

const pack::Segment *CueNavigator::segment_at(int index) const
{
	if (!library_ || index < 0 || static_cast<size_t>(index) >= library_->segments().size())
		return nullptr;
	return library_->segments()[static_cast<size_t>(index)];
}

NavigationEvents CueNavigator::go_to(int segment, int cue)
{
	NavigationEvents events;
	const pack::Segment *target = segment_at(segment);
	if (!target) {
		finished_ = true;
		return events;
	}
	// Entering a segment (also re-entering the last one after the end) starts it in the log.
	const bool new_segment = finished_ || segment != segment_;
	finished_ = false;
	segment_ = segment;
	cue_ = std::clamp(cue, 0, static_cast<int>(target->cues.size()) - 1);
	if (new_segment)
		events.push_back({NavigationEvent::Kind::SegmentStart, target->id, {},
				  static_cast<int64_t>(target->planned_seconds) * 1000});
	events.push_back({NavigationEvent::Kind::CueShown, target->id, target->cues[static_cast<size_t>(cue_)].id, 0});
	return events;
}

NavigationEvents CueNavigator::begin()
{
	if (!segment_at(0))
		return {};
	finished_ = true; // so that go_to reports entering the first segment
	return go_to(0, 0);
}

NavigationEvents CueNavigator::next_cue()
{
	const pack::Segment *current = segment_at(segment_);
	if (finished_ || !current)
		return {};
	if (cue_ + 1 < static_cast<int>(current->cues.size()))
		return go_to(segment_, cue_ + 1);
	if (segment_at(segment_ + 1))
		return go_to(segment_ + 1, 0);
	finished_ = true;
	return {};
}

NavigationEvents CueNavigator::previous_cue()
{
	if (finished_) {
		if (const pack::Segment *current = segment_at(segment_))
			return go_to(segment_, static_cast<int>(current->cues.size()) - 1);
		return {};
	}
	if (cue_ > 0)
		return go_to(segment_, cue_ - 1);
	if (const pack::Segment *previous = segment_at(segment_ - 1))
		return go_to(segment_ - 1, static_cast<int>(previous->cues.size()) - 1);
	return {};
}

NavigationEvents CueNavigator::next_segment()
{
	if (finished_)
		return {};
	if (segment_at(segment_ + 1))
		return go_to(segment_ + 1, 0);
	finished_ = true;
	return {};
}

NavigationEvents CueNavigator::previous_segment()
{
	if (!finished_ && cue_ > 0)
		return go_to(segment_, 0);
	if (finished_)
		return go_to(segment_, 0);
	if (segment_at(segment_ - 1))
		return go_to(segment_ - 1, 0);
	return {};
}

NavigationEvents CueNavigator::jump_to_segment(const std::string &segment_id)
{
	if (!library_)
		return {};
	const auto &segments = library_->segments();
	for (size_t i = 0; i < segments.size(); ++i)
		if (segments[i]->id == segment_id)
			return go_to(static_cast<int>(i), 0);
	return {};
}

void CueNavigator::tick(int64_t dt_ms)
{
	if (paused_ || finished_ || dt_ms <= 0 || static_cast<size_t>(segment_) >= elapsed_.size())
		return;
	elapsed_[static_cast<size_t>(segment_)] += dt_ms;
}

std::vector<std::string> CueNavigator::pending_keywords() const
{
	std::vector<std::string> pending;
	const pack::Segment *segment = segment_at(segment_);
	if (finished_ || !segment)
		return pending;
	const auto &cue = segment->cues[static_cast<size_t>(cue_)];
	for (const auto &k : cue.keywords)
		if (!said_.count(cue.id + "\n" + k))
			pending.push_back(k);
	return pending;
}

bool CueNavigator::mark_keyword_said(const std::string &word)
{
	const auto pending = pending_keywords();
	if (pending.empty())
		return false;
	const pack::Segment *segment = segment_at(segment_);
	const std::string &cue_id = segment->cues[static_cast<size_t>(cue_)].id;
	const std::string chosen = word.empty() ? pending.front() : word;
	if (std::find(pending.begin(), pending.end(), chosen) == pending.end())
		return false;
	said_.insert(cue_id + "\n" + chosen);
	return true;
}

CueView CueNavigator::view() const
{
	CueView v;
	const pack::Segment *segment = segment_at(segment_);
	if (!segment)
		return v;
	v.has_script = true;
	v.segment_id = segment->id;
	v.segment_name = segment->name;
	v.segment_kind = segment->kind;
	v.segment_index = segment_;
	v.segment_count = static_cast<int>(library_->segments().size());
	v.segment_elapsed_ms = elapsed_[static_cast<size_t>(segment_)];
	v.segment_planned_ms = static_cast<int64_t>(segment->planned_seconds) * 1000;
	v.timer_paused = paused_;
	v.cue_count = static_cast<int>(segment->cues.size());
	if (finished_) {
		v.cue_index = v.cue_count;
		return v; // cue_text empty: the end of the show
	}
	const auto &cue = segment->cues[static_cast<size_t>(cue_)];
	v.cue_id = cue.id;
	v.cue_text = cue.text;
	v.coach_note = cue.note;
	v.cue_index = cue_;
	v.keywords_pending = pending_keywords();
	v.pin_sku = cue.pin.value_or("");
	v.promo_id = cue.promotion.value_or("");
	if (cue_ + 1 < v.cue_count)
		v.next_cue_text = segment->cues[static_cast<size_t>(cue_ + 1)].text;
	else if (const pack::Segment *next = segment_at(segment_ + 1))
		v.next_cue_text = next->cues.front().text;
	return v;
}

} // namespace lcs::script

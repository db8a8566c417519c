#pragma once

#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "core/pack/library.hpp"
#include "core/script/cue_view.hpp"

namespace lcs::script {

// What navigation did, for the session log: entering a segment, showing a cue.
struct NavigationEvent {
	enum class Kind { SegmentStart, CueShown };
	Kind kind = Kind::CueShown;
	std::string segment_id;
	std::string cue_id;
	int64_t planned_ms = 0; // SegmentStart only
};
using NavigationEvents = std::vector<NavigationEvent>;

// Walks a library's show cue by cue on the session clock. Time spent in a segment accumulates
// (returning to a segment continues its clock), which is what "planned vs actual" compares.
// Not thread-safe: the session controller owns it and drives it from one thread.
class CueNavigator {
public:
	explicit CueNavigator(std::shared_ptr<const pack::Library> library);

	/// Shows the first cue; returns its segment_start and cue_shown.
	NavigationEvents begin();
	NavigationEvents next_cue();
	NavigationEvents previous_cue();
	NavigationEvents next_segment();
	/// To the first cue of the current segment when past it, else of the previous segment.
	NavigationEvents previous_segment();
	/// To the first cue of the segment with this id; nothing when there is none.
	NavigationEvents jump_to_segment(const std::string &segment_id);

	void set_paused(bool paused) { paused_ = paused; }
	[[nodiscard]] bool paused() const { return paused_; }
	/// Advances the current segment's clock by dt_ms unless paused or finished.
	void tick(int64_t dt_ms);

	/// Marks a keyword of the current cue as said (the next pending one when `word` is empty).
	/// Returns false when the cue has no such pending keyword.
	bool mark_keyword_said(const std::string &word = {});

	[[nodiscard]] CueView view() const;
	[[nodiscard]] bool finished() const { return finished_; }
	[[nodiscard]] int segment_index() const { return segment_; }
	[[nodiscard]] int cue_index() const { return cue_; }
	/// Time spent so far in each segment, in show order.
	[[nodiscard]] const std::vector<int64_t> &segment_elapsed_ms() const { return elapsed_; }
	[[nodiscard]] const std::shared_ptr<const pack::Library> &library() const { return library_; }

private:
	NavigationEvents go_to(int segment, int cue);
	[[nodiscard]] const pack::Segment *segment_at(int index) const;
	[[nodiscard]] std::vector<std::string> pending_keywords() const;

	std::shared_ptr<const pack::Library> library_;
	int segment_ = 0;
	int cue_ = 0;
	bool finished_ = false;
	bool paused_ = false;
	std::vector<int64_t> elapsed_;
	std::set<std::string> said_; // "cue_id\nkeyword"
};

} // namespace lcs::script

#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace lcs::script {

// What a teleprompter shows at one moment: the cue navigator produces it, the cue prompter overlay
// and the dock draw it. Plain data, cheap to copy, compared to decide whether text must re-render.
struct CueView {
	bool has_script = false;          // false: no pack loaded; overlays show their empty state
	std::string segment_id;
	std::string segment_name;
	std::string segment_kind;
	int segment_index = 0;            // 0-based position of the segment in the show
	int segment_count = 0;
	std::string cue_id;
	std::string cue_text;
	std::string coach_note;
	int cue_index = 0;                // 0-based position of the cue in its segment
	int cue_count = 0;
	std::string next_cue_text;        // empty at the end of the show
	std::vector<std::string> keywords_pending; // keywords of the cue not yet said
	std::string pin_sku;              // product the cue pins, if any
	std::string promo_id;             // promotion the cue launches, if any
	int64_t segment_elapsed_ms = 0;
	int64_t segment_planned_ms = 0;
	bool timer_paused = false;

	/// Equality of everything drawn as text (the timer and progress bar excluded): a change here
	/// means the text layer must be rasterised again.
	[[nodiscard]] bool same_text_as(const CueView &other) const
	{
		return has_script == other.has_script && segment_name == other.segment_name &&
		       segment_index == other.segment_index && segment_count == other.segment_count &&
		       cue_text == other.cue_text && cue_index == other.cue_index &&
		       cue_count == other.cue_count && next_cue_text == other.next_cue_text &&
		       keywords_pending == other.keywords_pending && coach_note == other.coach_note;
	}
};

} // namespace lcs::script

#include "studio/hotkey-specs.hpp"

namespace lcs::obs {

const std::array<HotkeySpec, kCommandHotkeys> &command_hotkeys()
{
	static const std::array<HotkeySpec, kCommandHotkeys> list = {{
		{"lcs.next_cue", "Hotkey.NextCue", session::NextCue{}},
		{"lcs.previous_cue", "Hotkey.PreviousCue", session::PreviousCue{}},
		{"lcs.next_segment", "Hotkey.NextSegment", session::NextSegment{}},
		{"lcs.previous_segment", "Hotkey.PreviousSegment", session::PreviousSegment{}},
		{"lcs.toggle_segment_timer", "Hotkey.ToggleSegmentTimer", session::ToggleSegmentTimer{}},
		{"lcs.keyword_said", "Hotkey.KeywordSaid", session::MarkKeywordSaid{}},
		{"lcs.toggle_segment_promotion", "Hotkey.ToggleSegmentPromotion", session::ToggleSegmentPromotion{}},
		{"lcs.pin_next_product", "Hotkey.PinNextProduct", session::PinNextProduct{}},
		{"lcs.pin_previous_product", "Hotkey.PinPreviousProduct", session::PinPreviousProduct{}},
		{"lcs.answer_oldest_question", "Hotkey.AnswerOldestQuestion", session::AnswerComment{}},
		{"lcs.call_interaction", "Hotkey.CallInteraction", session::CallInteraction{}},
	}};
	return list;
}

std::vector<std::string> hotkey_names()
{
	std::vector<std::string> names{kSessionHotkey, kTrafficHotkey};
	for (const auto &spec : command_hotkeys())
		names.emplace_back(spec.name);
	return names;
}

} // namespace lcs::obs

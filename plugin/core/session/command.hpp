#pragma once

#include <memory>
#include <string>
#include <variant>

#include "core/pack/library.hpp"

// Inputs to the session controller. Whatever thread they come from (hotkey, dock, websocket),
// they are queued and applied in order at the next tick.
namespace lcs::session {

struct NextCue {};
struct PreviousCue {};
struct NextSegment {};
struct PreviousSegment {};
struct JumpToSegment {
	std::string segment_id;
};
struct ToggleSegmentTimer {};
struct MarkKeywordSaid {
	std::string keyword; // empty: the next pending one
};
/// Replaces the script (packs chosen in OBS). The show restarts at its first cue.
struct UseLibrary {
	std::shared_ptr<const pack::Library> library;
};

using Command = std::variant<NextCue, PreviousCue, NextSegment, PreviousSegment, JumpToSegment, ToggleSegmentTimer,
			     MarkKeywordSaid, UseLibrary>;

} // namespace lcs::session

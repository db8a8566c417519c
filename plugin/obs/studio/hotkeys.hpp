#pragma once

namespace lcs::obs {

// Frontend-level hotkeys for the trainee's script actions (Settings → Hotkeys → Live Commerce):
// start/stop the session, next/previous cue, next/previous segment, pause/resume the segment
// timer, keyword said, the shelf and audience actions, and buying paid traffic (投流: the desk's
// amount at its bid, ¥50 at the scenario's lowest bid until the desk changes them). They act on the one session, however
// many prompters are in the scenes.
//
// Bindings are kept where OBS keeps its own frontend hotkeys: the profile's basic.ini, section
// [Hotkeys], one {"bindings": [...]} JSON per hotkey name (what Settings → Hotkeys writes itself
// for every frontend hotkey). So they belong to the OBS profile, and switching scene collections
// never changes them; switching profiles brings that profile's bindings (studio/hotkey-storage.hpp).
// Their names and locale keys: studio/hotkey-specs.hpp.
void register_script_hotkeys();
void unregister_script_hotkeys();

} // namespace lcs::obs

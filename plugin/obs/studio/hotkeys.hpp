#pragma once

namespace lcs::obs {

// Frontend-level hotkeys for the trainee's script actions (Settings → Hotkeys → Live Commerce):
// next/previous cue, next/previous segment, pause/resume the segment timer, keyword said. They
// act on the one session, however many prompters are in the scenes. Bindings are saved with the
// scene collection through the frontend's save callback when a frontend is present.
void register_script_hotkeys();
void unregister_script_hotkeys();

} // namespace lcs::obs

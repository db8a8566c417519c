#pragma once

#include <string>

#include <obs.h>

namespace lcs::test {

/// Id of the registered hotkey with this name, or OBS_INVALID_HOTKEY_ID.
obs_hotkey_id hotkey_named(const char *name);

/// Binds F13 to the hotkey, presses and releases it (as a key press reaches OBS), unbinds it.
/// Returns false when no such hotkey is registered.
bool press_hotkey(const char *name);

} // namespace lcs::test

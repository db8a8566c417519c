#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <vector>

#include "core/session/command.hpp"

// The module's frontend hotkeys by name (saved with their bindings in the OBS profile) and
// locale key (studio/hotkeys.hpp registers them).
namespace lcs::obs {

/// A hotkey that sends one fixed command.
struct HotkeySpec {
	const char *name;        // stable id, saved with the bindings
	const char *description; // locale key
	session::Command command;
};

inline constexpr size_t kCommandHotkeys = 11;
/// next/previous cue and segment, segment timer, keyword, promotion, pinning, answer, 扣1.
const std::array<HotkeySpec, kCommandHotkeys> &command_hotkeys();

/// Start/stop the session (decided on the studio's worker).
inline constexpr const char *kSessionHotkey = "lcs.start_stop_session";
/// Buy paid traffic (投流): the desk's amount at its bid (studio/traffic-order.hpp).
inline constexpr const char *kTrafficHotkey = "lcs.buy_traffic";

/// Every hotkey name of the module (what is saved in and loaded from the profile).
std::vector<std::string> hotkey_names();

} // namespace lcs::obs

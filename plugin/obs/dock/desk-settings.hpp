#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <util/config-file.h>

// What the desk remembers between OBS runs: kept in OBS's own user configuration (user.ini from
// OBS 31, global.ini before; section [LiveCommerceStudio]) like obs-websocket keeps its settings. Where the dock sits is
// OBS's business: it saves every dock's place with the window layout.
namespace lcs::obs::dock {

struct DeskSettings {
	std::vector<std::string> pack_files; // UTF-8 paths; empty: the first bundled pack of the UI language
	std::string scenario_id;
	std::string trainee;
	int duration_minutes = 0; // 0: the scenario's
	bool random_seed = true;
	uint64_t seed = 0;        // the last seed, used when random_seed is off
	std::string transcript_source; // the OBS text source followed as the transcript ("" none)

	bool operator==(const DeskSettings &) const = default;
};

inline constexpr const char *kSettingsSection = "LiveCommerceStudio";

/// Reads the settings; missing or unreadable values keep their defaults.
DeskSettings load_desk_settings(config_t *config);
/// Writes the settings and saves the file (atomically, as OBS does).
void save_desk_settings(config_t *config, const DeskSettings &settings);

} // namespace lcs::obs::dock

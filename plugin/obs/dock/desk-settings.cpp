#include "dock/desk-settings.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "library/library-settings.hpp"

namespace lcs::obs::dock {
namespace {

std::string get_string(config_t *config, const char *name)
{
	const char *value = config_get_string(config, kSettingsSection, name);
	return value ? value : "";
}

} // namespace

DeskSettings load_desk_settings(config_t *config)
{
	DeskSettings s;
	if (!config)
		return s;
	std::lock_guard lock(library::config_mutex());
	// Paths are kept as a JSON array: any character may appear in a file name.
	const auto packs = nlohmann::json::parse(get_string(config, "PackFiles"), nullptr, false);
	if (packs.is_array())
		for (const auto &p : packs)
			if (p.is_string())
				s.pack_files.push_back(p.get<std::string>());
	s.scenario_id = get_string(config, "Scenario");
	s.trainee = get_string(config, "Trainee");
	if (config_has_user_value(config, kSettingsSection, "DurationMinutes"))
		s.duration_minutes = static_cast<int>(std::clamp<int64_t>(
			config_get_int(config, kSettingsSection, "DurationMinutes"), 0, 24 * 60));
	if (config_has_user_value(config, kSettingsSection, "RandomSeed"))
		s.random_seed = config_get_bool(config, kSettingsSection, "RandomSeed");
	s.seed = config_get_uint(config, kSettingsSection, "Seed");
	s.transcript_source = get_string(config, "TranscriptSource");
	return s;
}

void save_desk_settings(config_t *config, const DeskSettings &s)
{
	if (!config)
		return;
	std::lock_guard lock(library::config_mutex());
	config_set_string(config, kSettingsSection, "PackFiles", nlohmann::json(s.pack_files).dump().c_str());
	config_set_string(config, kSettingsSection, "Scenario", s.scenario_id.c_str());
	config_set_string(config, kSettingsSection, "Trainee", s.trainee.c_str());
	config_set_int(config, kSettingsSection, "DurationMinutes", s.duration_minutes);
	config_set_bool(config, kSettingsSection, "RandomSeed", s.random_seed);
	config_set_uint(config, kSettingsSection, "Seed", s.seed);
	config_set_string(config, kSettingsSection, "TranscriptSource", s.transcript_source.c_str());
	config_save_safe(config, "tmp", nullptr);
}

} // namespace lcs::obs::dock

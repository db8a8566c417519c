#include "studio/hotkeys.hpp"

#include <array>

#include <obs-frontend-api.h>
#include <obs-module.h>
#include <obs.hpp>

#include "core/log/log.hpp"
#include "studio/frontend.hpp"
#include "studio/hotkey-specs.hpp"
#include "studio/hotkey-storage.hpp"
#include "studio/studio.hpp"

namespace lcs::obs {
namespace {

std::array<obs_hotkey_id, kCommandHotkeys> g_ids;
obs_hotkey_id g_session_id = OBS_INVALID_HOTKEY_ID;
obs_hotkey_id g_traffic_id = OBS_INVALID_HOTKEY_ID;
bool g_registered = false;

void on_hotkey(void *data, obs_hotkey_id, obs_hotkey_t *, bool pressed)
{
	if (!pressed)
		return;
	const auto *spec = static_cast<const HotkeySpec *>(data);
	if (Studio *studio = Studio::get())
		studio->submit_in_order(spec->command);
}

void save_profile_now()
{
	if (config_t *profile = obs_frontend_get_profile_config()) {
		save_hotkey_bindings(profile, hotkey_names());
		config_save_safe(profile, "tmp", nullptr);
	}
}

void on_frontend_event(enum obs_frontend_event event, void *)
{
	switch (event) {
	case OBS_FRONTEND_EVENT_PROFILE_CHANGING: // the old profile is still the current one
	case OBS_FRONTEND_EVENT_EXIT:
		save_profile_now();
		break;
	case OBS_FRONTEND_EVENT_PROFILE_CHANGED:
		if (config_t *profile = obs_frontend_get_profile_config())
			load_hotkey_bindings(profile, hotkey_names());
		break;
	default:
		break;
	}
}

/// A scene collection being loaded: ours are no longer written there (Settings → Hotkeys writes
/// them into the profile itself, and so do we on exit); an old copy is adopted only by a profile
/// that has none of ours.
void on_collection_save(obs_data_t *save_data, bool saving, void *)
{
	if (saving)
		return;
	config_t *profile = obs_frontend_get_profile_config();
	if (profile && adopt_collection_hotkeys(save_data, profile, hotkey_names())) {
		config_save_safe(profile, "tmp", nullptr);
		lcs::log::logger()->info("hotkey bindings taken over from the scene collection into the profile");
	}
}

} // namespace

void register_script_hotkeys()
{
	if (g_registered)
		return;
	g_session_id = obs_hotkey_register_frontend(
		kSessionHotkey, obs_module_text("Hotkey.StartStopSession"),
		[](void *, obs_hotkey_id, obs_hotkey_t *, bool pressed) {
			// The hotkey thread holds libobs's hotkey mutex here: no file work (a start is
			// prepared on the studio's worker).
			if (Studio *studio = Studio::get(); studio && pressed)
				studio->toggle_session();
		},
		nullptr);
	g_traffic_id = obs_hotkey_register_frontend(
		kTrafficHotkey, obs_module_text("Hotkey.BuyTraffic"),
		[](void *, obs_hotkey_id, obs_hotkey_t *, bool pressed) {
			// The desk's amount at its bid (¥50 at the lowest bid until the desk changes them).
			if (Studio *studio = Studio::get(); studio && pressed)
				studio->buy_traffic_order();
		},
		nullptr);
	for (size_t i = 0; i < command_hotkeys().size(); ++i) {
		const HotkeySpec &spec = command_hotkeys()[i];
		g_ids[i] = obs_hotkey_register_frontend(spec.name, obs_module_text(spec.description), on_hotkey,
						       const_cast<HotkeySpec *>(&spec));
	}
	if (frontend_available()) {
		if (config_t *profile = obs_frontend_get_profile_config())
			load_hotkey_bindings(profile, hotkey_names());
		obs_frontend_add_event_callback(on_frontend_event, nullptr);
		obs_frontend_add_save_callback(on_collection_save, nullptr);
	}
	g_registered = true;
}

void unregister_script_hotkeys()
{
	if (!g_registered)
		return;
	if (frontend_available()) {
		obs_frontend_remove_save_callback(on_collection_save, nullptr);
		obs_frontend_remove_event_callback(on_frontend_event, nullptr);
	}
	for (const obs_hotkey_id id : g_ids)
		obs_hotkey_unregister(id);
	obs_hotkey_unregister(g_traffic_id);
	obs_hotkey_unregister(g_session_id);
	g_registered = false;
}

} // namespace lcs::obs

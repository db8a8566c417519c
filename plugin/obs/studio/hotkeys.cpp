#include "studio/hotkeys.hpp"

#include <array>
#include <string>

#include <obs-frontend-api.h>
#include <obs-module.h>
#include <obs.hpp>

#include "core/log/log.hpp"
#include "studio/frontend.hpp"
#include "studio/studio.hpp"

namespace lcs::obs {
namespace {

struct HotkeySpec {
	const char *name;        // stable id, saved with the bindings
	const char *description; // locale key
	session::Command command;
};

const std::array<HotkeySpec, 11> &specs()
{
	static const std::array<HotkeySpec, 11> list = {{
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

std::array<obs_hotkey_id, 11> g_ids;
obs_hotkey_id g_session_id = OBS_INVALID_HOTKEY_ID;
bool g_registered = false;
constexpr const char *kSaveKey = "live-commerce-studio.hotkeys";

void on_hotkey(void *data, obs_hotkey_id, obs_hotkey_t *, bool pressed)
{
	if (!pressed)
		return;
	const auto *spec = static_cast<const HotkeySpec *>(data);
	if (Studio *studio = Studio::get())
		studio->submit(spec->command);
}

void on_save(obs_data_t *save_data, bool saving, void *)
{
	if (saving) {
		OBSDataAutoRelease all = obs_data_create();
		for (size_t i = 0; i < specs().size(); ++i) {
			OBSDataArrayAutoRelease bindings = obs_hotkey_save(g_ids[i]);
			obs_data_set_array(all, specs()[i].name, bindings);
		}
		OBSDataArrayAutoRelease session_keys = obs_hotkey_save(g_session_id);
		obs_data_set_array(all, "lcs.start_stop_session", session_keys);
		obs_data_set_obj(save_data, kSaveKey, all);
		return;
	}
	OBSDataAutoRelease all = obs_data_get_obj(save_data, kSaveKey);
	if (!all)
		return;
	for (size_t i = 0; i < specs().size(); ++i) {
		OBSDataArrayAutoRelease bindings = obs_data_get_array(all, specs()[i].name);
		obs_hotkey_load(g_ids[i], bindings);
	}
	OBSDataArrayAutoRelease session_keys = obs_data_get_array(all, "lcs.start_stop_session");
	obs_hotkey_load(g_session_id, session_keys);
}

} // namespace

void register_script_hotkeys()
{
	if (g_registered)
		return;
	g_session_id = obs_hotkey_register_frontend(
		"lcs.start_stop_session", obs_module_text("Hotkey.StartStopSession"),
		[](void *, obs_hotkey_id, obs_hotkey_t *, bool pressed) {
			if (Studio *studio = Studio::get(); studio && pressed)
				studio->toggle_session();
		},
		nullptr);
	for (size_t i = 0; i < specs().size(); ++i)
		g_ids[i] = obs_hotkey_register_frontend(specs()[i].name, obs_module_text(specs()[i].description), on_hotkey,
						       const_cast<HotkeySpec *>(&specs()[i]));
	if (frontend_available())
		obs_frontend_add_save_callback(on_save, nullptr);
	g_registered = true;
}

void unregister_script_hotkeys()
{
	if (!g_registered)
		return;
	if (frontend_available())
		obs_frontend_remove_save_callback(on_save, nullptr);
	for (const obs_hotkey_id id : g_ids)
		obs_hotkey_unregister(id);
	obs_hotkey_unregister(g_session_id);
	g_registered = false;
}

} // namespace lcs::obs

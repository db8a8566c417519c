#include "obs_hotkeys.hpp"

namespace lcs::test {

obs_hotkey_id hotkey_named(const char *name)
{
	struct Search {
		const char *name;
		obs_hotkey_id id = OBS_INVALID_HOTKEY_ID;
	} search{name};
	obs_enum_hotkeys(
		[](void *data, obs_hotkey_id id, obs_hotkey_t *key) {
			auto *s = static_cast<Search *>(data);
			if (std::string(obs_hotkey_get_name(key)) == s->name) {
				s->id = id;
				return false;
			}
			return true;
		},
		&search);
	return search.id;
}

bool press_hotkey(const char *name)
{
	const obs_hotkey_id id = hotkey_named(name);
	if (id == OBS_INVALID_HOTKEY_ID)
		return false;
	obs_key_combination_t combo = {};
	combo.key = OBS_KEY_F13;
	obs_hotkey_load_bindings(id, &combo, 1);
	obs_hotkey_inject_event(combo, true);
	obs_hotkey_inject_event(combo, false);
	obs_hotkey_load_bindings(id, nullptr, 0);
	return true;
}

} // namespace lcs::test

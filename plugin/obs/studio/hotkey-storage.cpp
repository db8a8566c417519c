#include "studio/hotkey-storage.hpp"

#include <map>

#include <obs.hpp>

namespace lcs::obs {
namespace {
constexpr const char *kCollectionKey = "live-commerce-studio.hotkeys"; // where earlier versions kept them
constexpr const char *kHotkeysSection = "Hotkeys";                     // basic.ini, as OBS's own

/// Our registered hotkeys by name, found through libobs (so any copy of this code finds them).
std::map<std::string, obs_hotkey_id> registered_hotkeys(const std::vector<std::string> &names)
{
	std::map<std::string, obs_hotkey_id> found;
	for (const auto &name : names)
		found[name] = OBS_INVALID_HOTKEY_ID;
	obs_enum_hotkeys(
		[](void *data, obs_hotkey_id id, obs_hotkey_t *key) {
			auto &map = *static_cast<std::map<std::string, obs_hotkey_id> *>(data);
			if (obs_hotkey_get_registerer_type(key) == OBS_HOTKEY_REGISTERER_FRONTEND)
				if (const auto it = map.find(obs_hotkey_get_name(key)); it != map.end())
					it->second = id;
			return true;
		},
		&found);
	return found;
}

} // namespace

void save_hotkey_bindings(config_t *profile, const std::vector<std::string> &names)
{
	for (const auto &[name, id] : registered_hotkeys(names)) {
		if (id == OBS_INVALID_HOTKEY_ID)
			continue;
		OBSDataArrayAutoRelease bindings = obs_hotkey_save(id);
		OBSDataAutoRelease entry = obs_data_create();
		obs_data_set_array(entry, "bindings", bindings);
		config_set_string(profile, kHotkeysSection, name.c_str(), obs_data_get_json(entry));
	}
}

void load_hotkey_bindings(config_t *profile, const std::vector<std::string> &names)
{
	for (const auto &[name, id] : registered_hotkeys(names)) {
		if (id == OBS_INVALID_HOTKEY_ID)
			continue;
		const char *json = config_get_string(profile, kHotkeysSection, name.c_str());
		OBSDataAutoRelease entry = json ? obs_data_create_from_json(json) : nullptr;
		OBSDataArrayAutoRelease bindings = entry ? obs_data_get_array(entry, "bindings") : nullptr;
		obs_hotkey_load(id, bindings); // none: unbound, as in this profile
	}
}

bool adopt_collection_hotkeys(obs_data_t *collection_modules, config_t *profile, const std::vector<std::string> &names)
{
	OBSDataAutoRelease old = collection_modules ? obs_data_get_obj(collection_modules, kCollectionKey) : nullptr;
	if (!old)
		return false;
	for (const auto &name : names)
		if (config_has_user_value(profile, kHotkeysSection, name.c_str()))
			return false; // the profile's bindings rule
	for (const auto &[name, id] : registered_hotkeys(names)) {
		OBSDataArrayAutoRelease bindings = obs_data_get_array(old, name.c_str());
		if (id != OBS_INVALID_HOTKEY_ID && bindings)
			obs_hotkey_load(id, bindings);
	}
	save_hotkey_bindings(profile, names);
	return true;
}

} // namespace lcs::obs

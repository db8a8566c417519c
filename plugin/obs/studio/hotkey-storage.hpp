#pragma once

#include <string>
#include <vector>

#include <obs.h>
#include <util/config-file.h>

// Where hotkey bindings are kept: an OBS profile's configuration (basic.ini), section [Hotkeys],
// one {"bindings": [...]} JSON per hotkey name, as Settings → Hotkeys writes it for every
// frontend hotkey. The hotkeys are found by name through libobs (registered by the module).
namespace lcs::obs {

/// Writes the bindings of the named hotkeys into a profile configuration (not saved to disk here).
void save_hotkey_bindings(config_t *profile, const std::vector<std::string> &names);
/// Binds the named hotkeys as a profile configuration says (one it does not name: unbound).
void load_hotkey_bindings(config_t *profile, const std::vector<std::string> &names);
/// Scene collections saved by earlier versions kept our bindings in the collection (its modules'
/// "live-commerce-studio.hotkeys"): when the profile has none of the named hotkeys yet, those are
/// taken over into the profile once; otherwise a collection's copy is ignored. True when taken.
bool adopt_collection_hotkeys(obs_data_t *collection_modules, config_t *profile, const std::vector<std::string> &names);

} // namespace lcs::obs

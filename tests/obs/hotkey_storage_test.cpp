// Hotkey bindings live in the OBS profile (basic.ini [Hotkeys], where Settings → Hotkeys writes
// OBS's own), not in a scene collection: switching to an older collection keeps the user's
// bindings, and they come back from the profile after a restart.
#include <gtest/gtest.h>

#include <string>
#include <unistd.h>

#include <obs.hpp>
#include <util/config-file.h>

#include "obs_harness.hpp"
#include "obs_hotkeys.hpp"
#include "studio/hotkey-storage.hpp"

namespace {

/// The module's hotkeys this test binds (the storage finds them by name through libobs).
const std::vector<std::string> kNames = {"lcs.start_stop_session", "lcs.next_cue"};

/// The keys bound to one of our hotkeys.
std::vector<obs_key_t> keys_of(const char *name)
{
	std::vector<obs_key_t> keys;
	const obs_hotkey_id id = lcs::test::hotkey_named(name);
	OBSDataArrayAutoRelease bindings = obs_hotkey_save(id);
	for (size_t i = 0; i < obs_data_array_count(bindings); ++i) {
		OBSDataAutoRelease b = obs_data_array_item(bindings, i);
		keys.push_back(obs_key_from_name(obs_data_get_string(b, "key")));
	}
	return keys;
}

void bind(const char *name, obs_key_t key)
{
	obs_key_combination_t combo = {};
	combo.key = key;
	obs_hotkey_load_bindings(lcs::test::hotkey_named(name), &combo, 1);
}

/// A scene collection as an earlier version saved it: its own copy of our bindings.
OBSDataAutoRelease old_collection_modules(obs_key_t start_stop)
{
	OBSDataAutoRelease modules = obs_data_create();
	OBSDataAutoRelease ours = obs_data_create();
	OBSDataArrayAutoRelease keys = obs_data_array_create();
	OBSDataAutoRelease key = obs_data_create();
	obs_data_set_string(key, "key", obs_key_to_name(start_stop));
	obs_data_array_push_back(keys, key);
	obs_data_set_array(ours, "lcs.start_stop_session", keys);
	obs_data_set_obj(modules, "live-commerce-studio.hotkeys", ours);
	return modules;
}

TEST(HotkeyBindings, SurviveASceneCollectionSwitchAndComeBackFromTheProfile)
{
	const std::string file = testing::TempDir() + "lcs-profile-basic-" + std::to_string(getpid()) + ".ini";
	config_t *profile = config_create(file.c_str());
	ASSERT_NE(profile, nullptr);

	// The user binds F13 (Settings → Hotkeys); OBS saves the profile.
	bind("lcs.start_stop_session", OBS_KEY_F13);
	bind("lcs.next_cue", OBS_KEY_F14);
	lcs::obs::save_hotkey_bindings(profile, kNames);
	ASSERT_EQ(config_save(profile), CONFIG_SUCCESS);
	EXPECT_NE(std::string(config_get_string(profile, "Hotkeys", "lcs.start_stop_session")).find("OBS_KEY_F13"),
		  std::string::npos);

	// Switching to a collection saved earlier with F5 in it: the user's F13 stays.
	OBSDataAutoRelease older = old_collection_modules(OBS_KEY_F5);
	EXPECT_FALSE(lcs::obs::adopt_collection_hotkeys(older, profile, kNames));
	EXPECT_EQ(keys_of("lcs.start_stop_session"), std::vector<obs_key_t>{OBS_KEY_F13});
	config_close(profile);

	// Restart: no bindings until the profile is read; then they are back.
	obs_hotkey_load_bindings(lcs::test::hotkey_named("lcs.start_stop_session"), nullptr, 0);
	obs_hotkey_load_bindings(lcs::test::hotkey_named("lcs.next_cue"), nullptr, 0);
	config_t *reopened = nullptr;
	ASSERT_EQ(config_open(&reopened, file.c_str(), CONFIG_OPEN_EXISTING), CONFIG_SUCCESS);
	lcs::obs::load_hotkey_bindings(reopened, kNames);
	EXPECT_EQ(keys_of("lcs.start_stop_session"), std::vector<obs_key_t>{OBS_KEY_F13});
	EXPECT_EQ(keys_of("lcs.next_cue"), std::vector<obs_key_t>{OBS_KEY_F14});

	// A profile without ours (another profile) has them unbound.
	config_t *other = config_create((file + ".other").c_str());
	lcs::obs::load_hotkey_bindings(other, kNames);
	EXPECT_TRUE(keys_of("lcs.start_stop_session").empty());

	// Upgrading: a profile that never had ours takes the old collection's bindings over, once.
	EXPECT_TRUE(lcs::obs::adopt_collection_hotkeys(older, other, kNames));
	EXPECT_EQ(keys_of("lcs.start_stop_session"), std::vector<obs_key_t>{OBS_KEY_F5});
	EXPECT_NE(std::string(config_get_string(other, "Hotkeys", "lcs.start_stop_session")).find("OBS_KEY_F5"),
		  std::string::npos);
	EXPECT_FALSE(lcs::obs::adopt_collection_hotkeys(older, other, kNames));

	// Leave no binding behind for the other tests (they bind F13 themselves).
	obs_hotkey_load_bindings(lcs::test::hotkey_named("lcs.start_stop_session"), nullptr, 0);
	obs_hotkey_load_bindings(lcs::test::hotkey_named("lcs.next_cue"), nullptr, 0);
	config_close(other);
	config_close(reopened);
	std::remove(file.c_str());
	std::remove((file + ".other").c_str());
}

} // namespace

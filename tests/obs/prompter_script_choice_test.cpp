// Who chooses the script (docs/control-desk.md): a prompter's pack setting is a choice only when
// it changes. A cosmetic change, or a scene collection bringing a prompter back, never ends the
// running session nor replaces the script chosen elsewhere; a real change of script does
// (the session ends with reason script_changed).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <obs.hpp>

#include "obs_harness.hpp"
#include "obs_session.hpp"

namespace {
using lcs::test::ObsHarness;

std::string pack(const char *name)
{
	return std::string(name) + "/" + name + "." + ObsHarness::get().locale() + ".json";
}

OBSSourceAutoRelease make_prompter(const char *name, const std::string &pack_setting)
{
	OBSDataAutoRelease settings = obs_data_create();
	obs_data_set_string(settings, "pack", pack_setting.c_str());
	return obs_source_create("lcs_cue_prompter", name, settings, nullptr);
}

void choose(obs_source_t *prompter, const std::string &pack_setting)
{
	OBSDataAutoRelease change = obs_data_create();
	obs_data_set_string(change, "pack", pack_setting.c_str());
	obs_source_update(prompter, change);
}

/// The session's scenario (from the log header), which names the script it runs. The log file
/// appears before its writer thread has written the header: wait for it.
std::string scenario_of(const std::filesystem::path &log)
{
	std::vector<nlohmann::json> lines;
	ObsHarness::wait_until([&] {
		lines = lcs::test::session_lines(log);
		return !lines.empty();
	}, std::chrono::seconds(10));
	return lines.empty() ? std::string() : lines.front()["scenario"].value("id", "");
}

/// Gives the worker and the video thread time to do what a change would do: the session must
/// still be running after it.
bool session_survives(const std::filesystem::path &log)
{
	ObsHarness::wait_until([&] { return !lcs::test::session_end_reason(log).empty(); }, std::chrono::milliseconds(1500));
	return lcs::test::session_end_reason(log).empty();
}

TEST(CuePrompterScript, ACosmeticChangeOrACollectionReloadKeepsTheSessionAndTheChosenScript)
{
	// A scene's prompter names the farm pack; the trainee then chose the beauty pack (in the
	// desk, or here in another prompter's properties) and started a session on it.
	lcs::test::LogWatch watch;
	auto scene_prompter = make_prompter("scene prompter", pack("farm-origin"));
	auto chooser = make_prompter("chooser", "");
	choose(chooser, pack("beauty-demo"));
	// Loads run on the studio's worker, in order: wait until the chosen script is the one in use.
	ASSERT_FALSE(watch.wait_for(pack("beauty-demo")).text.empty()) << "the chosen beauty script never loaded";
	ObsHarness::wait_frames(3);
	const auto log = lcs::test::start_session_by_hotkey();
	ASSERT_FALSE(log.empty()) << "no session started";
	const std::string scenario = scenario_of(log);
	ASSERT_EQ(scenario.rfind("beauty-", 0), 0u) << "the session does not run the chosen beauty script: " << scenario;

	// A colour change of the scene's prompter is cosmetic.
	OBSDataAutoRelease colour = obs_data_create();
	obs_data_set_int(colour, "text_color", 0xFF00FF00);
	obs_source_update(scene_prompter, colour);
	EXPECT_TRUE(session_survives(log)) << "a colour change ended the session: "
					   << lcs::test::session_end_reason(log);

	// Switching scene collection and back: the prompter goes and comes back with its settings.
	scene_prompter = nullptr;
	ObsHarness::wait_frames(2);
	scene_prompter = make_prompter("scene prompter", pack("farm-origin"));
	auto none_prompter = make_prompter("closed prompter", "none");
	EXPECT_TRUE(session_survives(log)) << "recreating the collection's prompters ended the session: "
					   << lcs::test::session_end_reason(log);

	// A real change of script ends the session, as the docs say.
	choose(chooser, pack("apparel-members"));
	EXPECT_TRUE(ObsHarness::wait_until([&] { return !lcs::test::session_end_reason(log).empty(); },
					   std::chrono::seconds(10)));
	EXPECT_EQ(lcs::test::session_end_reason(log), "script_changed");

	// ...and the next session runs the new script, still not the scene prompter's.
	const auto next = lcs::test::start_session_by_hotkey();
	ASSERT_FALSE(next.empty());
	EXPECT_EQ(scenario_of(next).rfind("am-", 0), 0u) << scenario_of(next);
	EXPECT_TRUE(lcs::test::stop_session_by_hotkey(next));
}

} // namespace

// File work never runs on OBS's video thread or on the thread that runs a hotkey (which holds
// libobs's hotkey mutex): pack loads and a session's preparation run on the studio's worker.
// Which thread did the work shows in the log: the module logs through blog on that thread.
#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <thread>
#include <unistd.h>

#include <obs.hpp>

#include "obs_harness.hpp"
#include "obs_hotkeys.hpp"
#include "obs_session.hpp"

namespace {
using lcs::test::LogWatch;
using lcs::test::ObsHarness;

std::string pack(const char *name)
{
	return std::string(name) + "/" + name + "." + ObsHarness::get().locale() + ".json";
}

void choose(obs_source_t *prompter, const std::string &pack_setting, const std::string &file = {})
{
	OBSDataAutoRelease change = obs_data_create();
	obs_data_set_string(change, "pack", pack_setting.c_str());
	if (!file.empty())
		obs_data_set_string(change, "pack_file", file.c_str());
	obs_source_update(prompter, change);
}

TEST(PackLoading, APackIsNeverLoadedOnTheVideoThread)
{
	const std::thread::id video = lcs::test::video_thread_id();
	ASSERT_NE(video, std::thread::id());
	// A pack file of its own, so the load is new work.
	const std::string file = testing::TempDir() + "lcs-thread-pack-" + std::to_string(getpid()) + ".json";
	std::ofstream(file) << lcs::test::bundled_pack_text(pack("farm-origin"));

	LogWatch log;
	OBSDataAutoRelease settings = obs_data_create();
	OBSSourceAutoRelease prompter = obs_source_create("lcs_cue_prompter", "thread prompter", settings, nullptr);
	choose(prompter, "custom", file); // libobs applies a video source's update at its next video tick
	const auto loaded = log.wait_for("script in use: ");
	ASSERT_FALSE(loaded.text.empty()) << "the pack never loaded";
	EXPECT_NE(loaded.text.find(file), std::string::npos) << loaded.text;
	EXPECT_NE(loaded.thread, video) << "the pack was read and parsed on the video thread";
	std::remove(file.c_str());
}

TEST(SessionHotkey, StartAndStopDoNoFileWorkOnTheHotkeyThread)
{
	// No script in use: a start loads the bundled default first (file work).
	OBSDataAutoRelease settings = obs_data_create();
	OBSSourceAutoRelease prompter = obs_source_create("lcs_cue_prompter", "hotkey prompter", settings, nullptr);
	{
		LogWatch closing;
		choose(prompter, "none");
		ASSERT_FALSE(closing.wait_for("script closed").text.empty());
	}
	ObsHarness::wait_frames(2);

	LogWatch log;
	const size_t logs_before = lcs::test::session_log_count();
	ASSERT_TRUE(lcs::test::press_hotkey("lcs.start_stop_session")); // runs the callback on this thread
	const auto loaded = log.wait_for("script in use: ");
	ASSERT_FALSE(loaded.text.empty()) << "the start did not load the bundled default";
	EXPECT_NE(loaded.thread, std::this_thread::get_id()) << "the start loaded a pack on the hotkey's thread";
	ASSERT_TRUE(ObsHarness::wait_until([&] { return lcs::test::session_log_count() > logs_before; }))
		<< "the hotkey did not start a session";

	// Stop: a command.
	const auto session = lcs::test::newest_session_log();
	ObsHarness::wait_frames(2);
	EXPECT_TRUE(lcs::test::stop_session_by_hotkey(session));
	EXPECT_EQ(lcs::test::session_end_reason(session), "stopped");
}

// A Stream Deck macro presses Start then Pin at once. The start is prepared on the worker (it
// may load a pack first); the pin must still apply after it, in the new session, not before the
// start resets the room.
TEST(SessionHotkey, AStartThenAPinPressedAtOnceKeepTheirOrder)
{
	OBSDataAutoRelease settings = obs_data_create();
	OBSSourceAutoRelease prompter = obs_source_create("lcs_cue_prompter", "macro prompter", settings, nullptr);
	{
		LogWatch closing;
		choose(prompter, "none"); // no script in use: the start loads the bundled default first
		ASSERT_FALSE(closing.wait_for("script closed").text.empty());
	}
	ObsHarness::wait_frames(2);

	const size_t logs_before = lcs::test::session_log_count();
	ASSERT_TRUE(lcs::test::press_hotkey("lcs.start_stop_session"));
	ASSERT_TRUE(lcs::test::press_hotkey("lcs.pin_next_product"));
	ASSERT_TRUE(ObsHarness::wait_until([&] { return lcs::test::session_log_count() > logs_before; }))
		<< "the hotkey did not start a session";
	const auto session = lcs::test::newest_session_log();
	const bool pinned = ObsHarness::wait_until([&] {
		for (const auto &e : lcs::test::session_lines(session))
			if (e.value("type", "") == "product_pin")
				return true;
		return false;
	}, std::chrono::seconds(5));
	EXPECT_TRUE(pinned) << "the pin pressed right after Start did not reach the session";
	EXPECT_TRUE(lcs::test::stop_session_by_hotkey(session));
}

} // namespace

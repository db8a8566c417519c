// Issue 11: when the voice meter filter was disabled or removed while the host talked, OBS stopped
// feeding it audio and the session kept "talking" for ever (dead air never measured again). Now
// disabling, removing or destroying the filter tells the session "silence" at once.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include <obs.hpp>

#include "core/metrics/log_reader.hpp"
#include "obs_harness.hpp"
#include "obs_session.hpp"

namespace {
using lcs::test::ObsHarness;

std::vector<std::string> voice_states(const std::filesystem::path &log)
{
	std::vector<std::string> states;
	lcs::metrics::read_session_log(log.string(), {}, [&](const nlohmann::json &e) {
		if (e.value("type", "") == "voice")
			states.push_back(e.value("state", ""));
	});
	return states;
}

/// Waits until the log's voice events number `n` and the last is `state`.
::testing::AssertionResult voice_reaches(const std::filesystem::path &log, size_t n, const std::string &state)
{
	std::vector<std::string> states;
	if (ObsHarness::wait_until([&] {
		    states = voice_states(log);
		    return states.size() >= n && states[n - 1] == state;
	    }, std::chrono::seconds(10)))
		return ::testing::AssertionSuccess();
	std::string seen;
	for (const auto &s : states)
		seen += s + " ";
	return ::testing::AssertionFailure() << "voice event " << n << " is not '" << state << "'; the log has: " << seen;
}

TEST(VoiceMeter, DisablingRemovingOrDestroyingTheFilterMidTalkLogsSilence)
{
	if (!obs_source_get_display_name("ffmpeg_source")) {
		ASSERT_TRUE(ObsHarness::open_stock_module("obs-ffmpeg")) << "cannot open the stock obs-ffmpeg module";
	}
	// A script with a scenario (a session needs one), chosen as a prompter chooses it.
	OBSDataAutoRelease prompter_settings = obs_data_create();
	obs_data_set_string(prompter_settings, "pack", "farm-origin/farm-origin.zh-CN.json");
	OBSSourceAutoRelease prompter = obs_source_create("lcs_cue_prompter", "voice meter prompter", prompter_settings, nullptr);
	ObsHarness::wait_frames(5);

	OBSDataAutoRelease media = obs_data_create();
	obs_data_set_bool(media, "is_local_file", true);
	obs_data_set_string(media, "local_file", lcs::test::write_voice_wav("voice-meter-tone", 2000, 0).c_str());
	obs_data_set_bool(media, "looping", true);
	obs_source_t *mic = obs_source_create("ffmpeg_source", "talking microphone", media, nullptr);
	ASSERT_NE(mic, nullptr);
	obs_source_t *meter = obs_source_create("lcs_voice_meter", "meter under test", nullptr, nullptr);
	ASSERT_NE(meter, nullptr);
	obs_source_filter_add(mic, meter);
	obs_source_inc_active(mic);
	obs_source_media_restart(mic);
	// The host is already talking when the session starts: the session's first voice event (t 0)
	// says so (issue 11 item 2), then every change the meter reports follows.
	ObsHarness::wait_frames(90);
	const auto log = lcs::test::start_session_by_hotkey();
	ASSERT_FALSE(log.empty()) << "no session started";

	EXPECT_TRUE(voice_reaches(log, 1, "talk"));
	int64_t first_voice_t = -1;
	lcs::metrics::read_session_log(log.string(), {}, [&](const nlohmann::json &e) {
		if (first_voice_t < 0 && e.value("type", "") == "voice")
			first_voice_t = e.value("t", int64_t{-1});
	});
	EXPECT_EQ(first_voice_t, 0) << "the talk under way at Start is carried into the session";
	obs_source_set_enabled(meter, false); // the eye icon in OBS's filter list
	EXPECT_TRUE(voice_reaches(log, 2, "silence")) << "disabled mid-talk";
	obs_source_set_enabled(meter, true);
	EXPECT_TRUE(voice_reaches(log, 3, "talk")) << "enabled again";
	obs_source_filter_remove(mic, meter);
	EXPECT_TRUE(voice_reaches(log, 4, "silence")) << "removed mid-talk";
	obs_source_filter_add(mic, meter);
	EXPECT_TRUE(voice_reaches(log, 5, "talk")) << "added again";
	// The microphone source deleted with its filter (the filter is destroyed with it).
	obs_source_release(meter);
	obs_source_dec_active(mic);
	obs_source_remove(mic);
	obs_source_release(mic);
	EXPECT_TRUE(voice_reaches(log, 6, "silence")) << "destroyed mid-talk";

	EXPECT_TRUE(lcs::test::stop_session_by_hotkey(log));
}

} // namespace

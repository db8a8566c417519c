// A practice session inside libobs: started by its hotkey, the comment feed and room stats show
// changing content, the voice meter filter turns microphone audio into voice events, and the
// session log written to the module's config folder follows the contract.
#include <gtest/gtest.h>

#include <filesystem>
#include <vector>

#include <obs.hpp>
#include <util/platform.h>

#include "core/metrics/contract_check.hpp"
#include "core/metrics/log_reader.hpp"
#include "obs_harness.hpp"
#include "obs_hotkeys.hpp"
#include "obs_session.hpp"

namespace {
using lcs::test::Frame;
using lcs::test::ObsHarness;
using lcs::test::press_hotkey;

TEST(LiveRoom, SessionRunsWithChangingFeedAndStatsAndWritesItsLog)
{
	const bool zh = ObsHarness::get().locale() == "zh-CN";
	// The trainee chooses the farm script in the prompter's properties (a prompter only being
	// created offers its pack only when no script is in use).
	OBSDataAutoRelease prompter_settings = obs_data_create();
	OBSSourceAutoRelease prompter = obs_source_create("lcs_cue_prompter", "live room prompter", prompter_settings, nullptr);
	OBSDataAutoRelease farm = obs_data_create();
	obs_data_set_string(farm, "pack", zh ? "farm-origin/farm-origin.zh-CN.json" : "farm-origin/farm-origin.en-US.json");
	obs_source_update(prompter, farm);
	OBSDataAutoRelease feed_settings = obs_data_create();
	OBSDataAutoRelease stats_settings = obs_data_create();
	OBSSourceAutoRelease feed = obs_source_create("lcs_comment_feed", "feed", feed_settings, nullptr);
	OBSSourceAutoRelease stats = obs_source_create("lcs_room_stats", "stats", stats_settings, nullptr);
	ASSERT_NE(feed.Get(), nullptr);
	ASSERT_NE(stats.Get(), nullptr);
	const uint32_t fw = obs_source_get_width(feed), fh = obs_source_get_height(feed);
	const uint32_t sw = obs_source_get_width(stats), sh = obs_source_get_height(stats);

	ObsHarness::wait_frames(5);
	EXPECT_EQ(ObsHarness::render(stats, sw, sh).count_opaque(0, 0, sw, sh), 0) << "no session: stats must be empty";
	const auto log = lcs::test::start_session_by_hotkey();
	ASSERT_FALSE(log.empty()) << "no session log in the module config folder";

	// The room stats appear and keep changing (viewers, clock).
	Frame first;
	ASSERT_TRUE(ObsHarness::wait_until([&] {
		first = ObsHarness::render(stats, sw, sh);
		return first.count_opaque(0, 0, sw, sh) > 1000;
	}, std::chrono::seconds(10))) << "the room stats never appeared; opaque pixels: " << first.count_opaque(0, 0, sw, sh)
				       << " of " << sw << "x" << sh;
	Frame later;
	EXPECT_TRUE(ObsHarness::wait_until([&] {
		later = ObsHarness::render(stats, sw, sh);
		return later.count_different(first, 0, 0, sw, sh) > 100;
	}, std::chrono::seconds(10))) << "the room stats do not change";

	// The comment feed fills with the simulated chat and moves on.
	Frame feed_first;
	ASSERT_TRUE(ObsHarness::wait_until([&] {
		feed_first = ObsHarness::render(feed, fw, fh);
		return feed_first.count_opaque(0, 0, fw, fh) > 500;
	}, std::chrono::seconds(90))) << "no comment appeared"; // a calibrated room of ~30 mostly lurks: a few comments a minute
	Frame feed_later;
	EXPECT_TRUE(ObsHarness::wait_until([&] {
		feed_later = ObsHarness::render(feed, fw, fh);
		return feed_later.count_different(feed_first, 0, 0, fw, fh) > 300;
	}, std::chrono::seconds(90))) << "the comment feed does not change";
	if (HasFailure() || std::getenv("LCS_TEST_ARTIFACTS")) {
		later.save_png("room_stats_" + ObsHarness::get().locale());
		feed_later.save_png("comment_feed_" + ObsHarness::get().locale());
	}

	ASSERT_TRUE(press_hotkey("lcs.start_stop_session"));
	bool ended = false;
	size_t events = 0;
	ASSERT_TRUE(ObsHarness::wait_until([&] {
		ended = false;
		events = 0;
		lcs::metrics::read_session_log(log.string(), {}, [&](const nlohmann::json &e) {
			EXPECT_EQ(lcs::metrics::check_event(e), "") << e.dump();
			++events;
			ended = ended || e["type"] == "session_end";
		});
		return ended;
	}, std::chrono::seconds(10))) << "the session log has no session_end";
	EXPECT_GT(events, 30u);
}

// The microphone is OBS's own media source (stock obs-ffmpeg module) playing a recording of a
// voice-like tone followed by silence, with our filter on it: audio reaches the filter the way a
// microphone's does.
TEST(LiveRoom, VoiceMeterTurnsMicrophoneAudioIntoVoiceEvents)
{
	ASSERT_TRUE(ObsHarness::open_stock_module("obs-ffmpeg")) << "cannot open the stock obs-ffmpeg module";
	const auto log = lcs::test::start_session_by_hotkey();
	ASSERT_FALSE(log.empty());
	OBSDataAutoRelease media = obs_data_create();
	obs_data_set_bool(media, "is_local_file", true);
	obs_data_set_string(media, "local_file", lcs::test::write_voice_wav("live-room", 800, 2500).c_str());
	obs_data_set_bool(media, "looping", false);
	OBSSourceAutoRelease mic = obs_source_create("ffmpeg_source", "microphone recording", media, nullptr);
	ASSERT_NE(mic.Get(), nullptr);
	OBSSourceAutoRelease meter = obs_source_create("lcs_voice_meter", "voice meter", nullptr, nullptr);
	ASSERT_NE(meter.Get(), nullptr);
	obs_source_filter_add(mic, meter);
	obs_source_inc_active(mic);
	obs_source_media_restart(mic);

	// The log is flushed line by line: wait until it shows talk then silence.
	std::vector<std::string> voice;
	const bool heard = ObsHarness::wait_until([&] {
		voice.clear();
		lcs::metrics::read_session_log(log.string(), {}, [&](const nlohmann::json &e) {
			if (e["type"] == "voice")
				voice.push_back(e["state"].get<std::string>());
		});
		return voice.size() >= 2;
	}, std::chrono::seconds(20));
	obs_source_dec_active(mic);
	// The stop applies at the next frame: wait for it, so no session runs into the next test.
	EXPECT_TRUE(lcs::test::stop_session_by_hotkey(log));
	ASSERT_TRUE(heard) << "the voice meter produced no talk/silence (" << voice.size() << " voice events)";
	EXPECT_EQ(voice[0], "talk");
	EXPECT_EQ(voice[1], "silence");
	obs_source_filter_remove(mic, meter);
}

} // namespace

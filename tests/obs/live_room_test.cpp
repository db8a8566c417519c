// A practice session inside libobs: started by its hotkey, the comment feed and room stats show
// changing content, the voice meter filter turns microphone audio into voice events, and the
// session log written to the module's config folder follows the contract.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <vector>
#include <unistd.h>

#include <obs.hpp>
#include <util/platform.h>

#include "core/metrics/contract_check.hpp"
#include "core/metrics/log_reader.hpp"
#include "obs_harness.hpp"
#include "obs_hotkeys.hpp"

namespace {
using lcs::test::Frame;
using lcs::test::ObsHarness;
using lcs::test::press_hotkey;

/// A 48 kHz stereo 16-bit WAV: `talk_ms` of a 440 Hz tone, then `silence_ms` of silence.
std::string write_wav(int talk_ms, int silence_ms)
{
	const std::string path = testing::TempDir() + "lcs-voice-test-" + std::to_string(getpid()) + ".wav";
	constexpr uint32_t rate = 48000;
	const uint32_t frames = rate * static_cast<uint32_t>(talk_ms + silence_ms) / 1000;
	const uint32_t bytes = frames * 4;
	std::ofstream out(path, std::ios::binary);
	auto u32 = [&](uint32_t v) { out.write(reinterpret_cast<const char *>(&v), 4); };
	auto u16 = [&](uint16_t v) { out.write(reinterpret_cast<const char *>(&v), 2); };
	out.write("RIFF", 4);
	u32(36 + bytes);
	out.write("WAVEfmt ", 8);
	u32(16);
	u16(1);
	u16(2);
	u32(rate);
	u32(rate * 4);
	u16(4);
	u16(16);
	out.write("data", 4);
	u32(bytes);
	const uint32_t talk_frames = rate * static_cast<uint32_t>(talk_ms) / 1000;
	for (uint32_t i = 0; i < frames; ++i) {
		const double s = i < talk_frames ? 0.5 * std::sin(2.0 * M_PI * 440.0 * i / rate) : 0.0;
		const auto v = static_cast<int16_t>(s * 32767);
		u16(static_cast<uint16_t>(v));
		u16(static_cast<uint16_t>(v));
	}
	return path;
}

size_t log_count()
{
	const auto dir = std::filesystem::path(ObsHarness::get().module_config()) / "live-commerce-studio" / "sessions";
	std::error_code ec;
	size_t n = 0;
	for (const auto &e : std::filesystem::directory_iterator(dir, ec))
		n += e.path().extension() == ".jsonl" ? 1 : 0;
	return n;
}

/// Presses the session hotkey to start a session and waits for its new log file.
bool start_session_and_wait_for_log()
{
	const size_t before = log_count();
	return press_hotkey("lcs.start_stop_session") &&
	       ObsHarness::wait_until([&] { return log_count() > before; }, std::chrono::seconds(10));
}

std::filesystem::path newest_log()
{
	const auto dir = std::filesystem::path(ObsHarness::get().module_config()) / "live-commerce-studio" / "sessions";
	std::filesystem::path newest;
	std::error_code ec;
	for (const auto &e : std::filesystem::directory_iterator(dir, ec))
		if (e.path().extension() == ".jsonl" &&
		    (newest.empty() || std::filesystem::last_write_time(e.path(), ec) >= std::filesystem::last_write_time(newest, ec)))
			newest = e.path();
	return newest;
}

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
	ASSERT_TRUE(start_session_and_wait_for_log());

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
	}, std::chrono::seconds(20))) << "no comment appeared";
	Frame feed_later;
	EXPECT_TRUE(ObsHarness::wait_until([&] {
		feed_later = ObsHarness::render(feed, fw, fh);
		return feed_later.count_different(feed_first, 0, 0, fw, fh) > 300;
	}, std::chrono::seconds(20))) << "the comment feed does not change";
	if (HasFailure() || std::getenv("LCS_TEST_ARTIFACTS")) {
		later.save_png("room_stats_" + ObsHarness::get().locale());
		feed_later.save_png("comment_feed_" + ObsHarness::get().locale());
	}

	ASSERT_TRUE(press_hotkey("lcs.start_stop_session"));
	const auto log = newest_log();
	ASSERT_FALSE(log.empty()) << "no session log in the module config folder";
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
	ASSERT_TRUE(start_session_and_wait_for_log());
	OBSDataAutoRelease media = obs_data_create();
	obs_data_set_bool(media, "is_local_file", true);
	obs_data_set_string(media, "local_file", write_wav(800, 2500).c_str());
	obs_data_set_bool(media, "looping", false);
	OBSSourceAutoRelease mic = obs_source_create("ffmpeg_source", "microphone recording", media, nullptr);
	ASSERT_NE(mic.Get(), nullptr);
	OBSSourceAutoRelease meter = obs_source_create("lcs_voice_meter", "voice meter", nullptr, nullptr);
	ASSERT_NE(meter.Get(), nullptr);
	obs_source_filter_add(mic, meter);
	obs_source_inc_active(mic);
	obs_source_media_restart(mic);

	// The log is flushed line by line: wait until it shows talk then silence.
	const auto log = newest_log();
	ASSERT_FALSE(log.empty());
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
	ASSERT_TRUE(press_hotkey("lcs.start_stop_session"));
	// The stop applies at the next frame: wait for it, so no session runs into the next test.
	EXPECT_TRUE(ObsHarness::wait_until([&] {
		bool ended = false;
		lcs::metrics::read_session_log(log.string(), {}, [&](const nlohmann::json &e) { ended = ended || e["type"] == "session_end"; });
		return ended;
	}));
	ASSERT_TRUE(heard) << "the voice meter produced no talk/silence (" << voice.size() << " voice events)";
	EXPECT_EQ(voice[0], "talk");
	EXPECT_EQ(voice[1], "silence");
	obs_source_filter_remove(mic, meter);
}

} // namespace

// Issue 11: when the voice meter filter was disabled or removed while the host talked, OBS stopped
// feeding it audio and the session kept "talking" for ever (dead air never measured again). Now
// disabling, removing or destroying the filter tells the session "silence" at once.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>
#include <unistd.h>

#include <obs.hpp>

#include "core/metrics/log_reader.hpp"
#include "obs_harness.hpp"
#include "obs_hotkeys.hpp"

namespace {
using lcs::test::ObsHarness;
using lcs::test::press_hotkey;

/// A 48 kHz stereo 16-bit WAV of a 440 Hz tone (a host who talks without a pause while looped).
std::string write_tone_wav(int ms)
{
	const std::string path = testing::TempDir() + "lcs-voice-meter-tone-" + std::to_string(getpid()) + ".wav";
	constexpr uint32_t rate = 48000;
	const uint32_t frames = rate * static_cast<uint32_t>(ms) / 1000;
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
	for (uint32_t i = 0; i < frames; ++i) {
		const auto v = static_cast<int16_t>(0.5 * std::sin(2.0 * M_PI * 440.0 * i / rate) * 32767);
		u16(static_cast<uint16_t>(v));
		u16(static_cast<uint16_t>(v));
	}
	return path;
}

std::filesystem::path sessions_dir()
{
	return std::filesystem::path(ObsHarness::get().module_config()) / "live-commerce-studio" / "sessions";
}

std::vector<std::filesystem::path> logs()
{
	std::vector<std::filesystem::path> out;
	std::error_code ec;
	for (const auto &e : std::filesystem::directory_iterator(sessions_dir(), ec))
		if (e.path().extension() == ".jsonl")
			out.push_back(e.path());
	return out;
}

/// Starts a session with its hotkey; returns its new log.
std::filesystem::path start_session()
{
	const auto before = logs();
	if (!press_hotkey("lcs.start_stop_session"))
		return {};
	std::filesystem::path fresh;
	ObsHarness::wait_until([&] {
		for (const auto &p : logs())
			if (std::find(before.begin(), before.end(), p) == before.end())
				fresh = p;
		return !fresh.empty();
	}, std::chrono::seconds(10));
	return fresh;
}

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
	obs_data_set_string(media, "local_file", write_tone_wav(2000).c_str());
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
	const auto log = start_session();
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

	ASSERT_TRUE(press_hotkey("lcs.start_stop_session"));
	EXPECT_TRUE(ObsHarness::wait_until([&] {
		bool ended = false;
		lcs::metrics::read_session_log(log.string(), {}, [&](const nlohmann::json &e) { ended = ended || e["type"] == "session_end"; });
		return ended;
	}));
}

} // namespace

// Every source and the audio filter of the Qt6 module inside OBS >= 30's libobs: each source is
// rendered to a texture (tests/obs' harness: gs_texrender in the graphics context, staged and
// mapped) and its pixels checked; the voice meter turns a test tone into the session's voice events.
#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <obs.hpp>
#include <util/platform.h>

#include "obs30_process.hpp"
#include "obs_harness.hpp"
#include "obs_hotkeys.hpp"
#include "obs_session.hpp"

namespace {
namespace fs = std::filesystem;
using lcs::test::Frame;
using lcs::test::ObsHarness;

// A test-only audio source: a 440 Hz tone, 1/30 s of it on every video tick (a talking microphone).
struct Tone {
	obs_source_t *source;
	uint64_t samples = 0;
};

void register_tone_source()
{
	obs_source_info info = {};
	info.id = "lcs_obs30_test_tone";
	info.type = OBS_SOURCE_TYPE_INPUT;
	info.output_flags = OBS_SOURCE_AUDIO;
	info.get_name = [](void *) { return "test tone"; };
	info.create = [](obs_data_t *, obs_source_t *source) -> void * { return new Tone{source}; };
	info.destroy = [](void *data) { delete static_cast<Tone *>(data); };
	info.video_tick = [](void *data, float) {
		auto *tone = static_cast<Tone *>(data);
		constexpr uint32_t rate = 48000, frames = rate / 30;
		std::vector<float> left(frames), right(frames);
		for (uint32_t i = 0; i < frames; ++i)
			left[i] = right[i] = 0.5f * static_cast<float>(std::sin(2.0 * M_PI * 440.0 * double(tone->samples + i) / rate));
		tone->samples += frames;
		obs_source_audio audio = {};
		audio.data[0] = reinterpret_cast<const uint8_t *>(left.data());
		audio.data[1] = reinterpret_cast<const uint8_t *>(right.data());
		audio.frames = frames;
		audio.speakers = SPEAKERS_STEREO;
		audio.format = AUDIO_FORMAT_FLOAT_PLANAR;
		audio.samples_per_sec = rate;
		audio.timestamp = os_gettime_ns();
		obs_source_output_audio(tone->source, &audio);
	};
	obs_register_source(&info);
}

/// Renders the source at its own size until `done` holds (up to `timeout`); the last frame.
Frame render_until(obs_source_t *source, const std::function<bool(const Frame &)> &done,
		   std::chrono::milliseconds timeout = std::chrono::seconds(10))
{
	Frame frame;
	ObsHarness::wait_until([&] {
		frame = ObsHarness::render(source, obs_source_get_width(source), obs_source_get_height(source));
		return frame.width > 0 && done(frame);
	}, timeout);
	return frame;
}

int opaque(const Frame &f)
{
	return f.count_opaque(0, 0, f.width, f.height);
}

int bright(const Frame &f)
{
	return f.count_bright(0, 0, f.width, f.height);
}

void keep(const Frame &f, const std::string &name, bool failed)
{
	if (failed || std::getenv("LCS_TEST_ARTIFACTS"))
		f.save_png("obs30_" + name + "_" + ObsHarness::get().locale());
}

size_t events_of_type(const fs::path &log, const std::string &type)
{
	size_t n = 0;
	for (const auto &j : lcs::test::session_lines(log))
		n += j.value("type", "") == type ? 1 : 0;
	return n;
}

size_t talk_events(const fs::path &log)
{
	size_t n = 0;
	for (const auto &j : lcs::test::session_lines(log))
		n += j.value("type", "") == "voice" && j.value("state", "") == "talk" ? 1 : 0;
	return n;
}

TEST(Obs30Sources, EverySourceRendersAndTheVoiceMeterHearsInOBS30)
{
	// The process runs OBS >= 30's libobs, the module bound to it.
	ASSERT_GE(obs_get_version() >> 24, 30u) << "libobs " << obs_get_version_string();
	const auto libobs = lcs::test::loaded_objects("libobs.so");
	ASSERT_EQ(libobs.size(), 1u);
	EXPECT_EQ(fs::path(libobs[0]).parent_path().string(), lcs::test::real_path(LCS_OBS30_LIBDIR));
	EXPECT_TRUE(lcs::test::loaded_objects("libQt5").empty()) << "a Qt5 library is mapped";
	std::cout << "libobs " << obs_get_version_string() << " from " << libobs[0] << "\n";
	const bool zh = ObsHarness::get().locale() == "zh-CN";

	// Cue prompter with the bundled farm script: its first cue is text.
	OBSDataAutoRelease none = obs_data_create();
	OBSSourceAutoRelease prompter = obs_source_create("lcs_cue_prompter", "obs30 prompter", none, nullptr);
	ASSERT_NE(prompter.Get(), nullptr);
	OBSDataAutoRelease farm = obs_data_create();
	obs_data_set_string(farm, "pack", zh ? "farm-origin/farm-origin.zh-CN.json" : "farm-origin/farm-origin.en-US.json");
	obs_source_update(prompter, farm);
	const Frame cue = render_until(prompter, [](const Frame &f) { return bright(f) > 500; });
	EXPECT_GT(bright(cue), 500) << "the prompter shows no text; opaque " << opaque(cue);
	keep(cue, "cue_prompter", HasFailure());

	// Sources that show the session: transparent before it, drawn once it runs.
	// Each with settings of its own, as OBS creates sources (a settings object is the source's).
	auto create = [](const char *id, const char *name) {
		OBSDataAutoRelease settings = obs_data_create();
		return OBSSourceAutoRelease(obs_source_create(id, name, settings, nullptr));
	};
	OBSSourceAutoRelease card = create("lcs_price_card", "obs30 card");
	OBSSourceAutoRelease feed = create("lcs_comment_feed", "obs30 feed");
	OBSSourceAutoRelease stats = create("lcs_room_stats", "obs30 stats");
	OBSSourceAutoRelease ticker = create("lcs_order_ticker", "obs30 ticker");
	ASSERT_TRUE(card && feed && stats && ticker);
	for (obs_source_t *s : {card.Get(), feed.Get(), stats.Get(), ticker.Get()})
		obs_source_inc_showing(s); // in a scene on screen
	ObsHarness::wait_frames(5);
	EXPECT_EQ(opaque(render_until(stats, [](const Frame &) { return true; })), 0) << "no session: stats must be empty";
	EXPECT_EQ(opaque(render_until(card, [](const Frame &) { return true; })), 0) << "nothing pinned: card must be empty";

	// The voice meter on a talking test tone.
	register_tone_source();
	OBSSourceAutoRelease mic = obs_source_create("lcs_obs30_test_tone", "obs30 tone", nullptr, nullptr);
	OBSSourceAutoRelease meter = obs_source_create("lcs_voice_meter", "obs30 voice meter", nullptr, nullptr);
	ASSERT_TRUE(mic && meter);
	obs_source_filter_add(mic, meter);
	obs_source_inc_active(mic);
	ObsHarness::wait_frames(30);

	const fs::path log = lcs::test::start_session_by_hotkey();
	ASSERT_FALSE(log.empty()) << "no session started by the hotkey";

	const Frame room = render_until(stats, [](const Frame &f) { return opaque(f) > 1000 && bright(f) > 100; });
	EXPECT_GT(opaque(room), 1000) << "the room stats never appeared";
	EXPECT_GT(bright(room), 100) << "the room stats show no text";
	keep(room, "room_stats", HasFailure());

	const Frame chat = render_until(feed, [](const Frame &f) { return opaque(f) > 500 && bright(f) > 100; },
					std::chrono::seconds(20));
	EXPECT_GT(opaque(chat), 500) << "no comment appeared";
	EXPECT_GT(bright(chat), 100) << "the comment feed shows no text";
	keep(chat, "comment_feed", HasFailure());

	ASSERT_TRUE(lcs::test::press_hotkey("lcs.pin_next_product"));
	const Frame pinned = render_until(card, [](const Frame &f) { return opaque(f) > 1000 && bright(f) > 100; });
	EXPECT_GT(opaque(pinned), 1000) << "the pinned product is not drawn";
	EXPECT_GT(bright(pinned), 100) << "the price card shows no text";
	keep(pinned, "price_card", HasFailure());

	// The calibrated room buys like a real one (docs/calibration.md): with ~30 viewers the first
	// order comes minutes after the pin, not seconds. Run the segment's promotion and wait for the
	// first order in the log, then for the ticker to show it.
	ASSERT_TRUE(lcs::test::press_hotkey("lcs.toggle_segment_promotion"));
	EXPECT_TRUE(ObsHarness::wait_until([&] { return events_of_type(log, "order") > 0; }, std::chrono::seconds(360)))
		<< "no order in the session log";
	const Frame orders = render_until(ticker, [](const Frame &f) { return opaque(f) > 300 && bright(f) > 50; },
					  std::chrono::seconds(20));
	EXPECT_GT(opaque(orders), 300) << "no order reached the ticker";
	EXPECT_GT(bright(orders), 50) << "the order ticker shows no text";
	keep(orders, "order_ticker", HasFailure());

	EXPECT_TRUE(ObsHarness::wait_until([&] { return talk_events(log) > 0; }, std::chrono::seconds(10)))
		<< "the voice meter never reported the tone as talk";

	EXPECT_TRUE(lcs::test::stop_session_by_hotkey(log));
	obs_source_filter_remove(mic, meter);
	obs_source_dec_active(mic);
	for (obs_source_t *s : {card.Get(), feed.Get(), stats.Get(), ticker.Get()})
		obs_source_dec_showing(s);
}

} // namespace

// lcs_cue_prompter with a real bundled pack: the script shows, the "next cue" hotkey changes what
// is on screen, and a broken pack leaves the previous script in place.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <unistd.h>

#include <obs.hpp>

#include "obs_harness.hpp"
#include "obs_hotkeys.hpp"
#include "obs_session.hpp"
#include "sources/cue-prompter/cue-prompter-layout.hpp"

namespace {
using lcs::test::Frame;
using lcs::test::ObsHarness;

constexpr uint32_t kW = 1280;
constexpr uint32_t kH = 360;

std::string bundled_pack()
{
	return ObsHarness::get().locale() == "zh-CN" ? "farm-origin/farm-origin.zh-CN.json"
						      : "farm-origin/farm-origin.en-US.json";
}

OBSSourceAutoRelease make_prompter(const std::string &pack)
{
	OBSDataAutoRelease settings = obs_data_create();
	obs_data_set_int(settings, "width", kW);
	obs_data_set_int(settings, "height", kH);
	obs_data_set_int(settings, "background_opacity", 0);
	obs_data_set_string(settings, "pack", pack.c_str());
	return obs_source_create("lcs_cue_prompter", "prompter with pack", settings, nullptr);
}

lcs::obs::Box cue_box()
{
	lcs::obs::CuePrompterStyle style;
	style.width = kW;
	style.height = kH;
	return lcs::obs::CuePrompterLayout::compute(style).cue;
}

/// Presses a hotkey (bound to F13 for the moment).
void press(const char *hotkey)
{
	ASSERT_TRUE(lcs::test::press_hotkey(hotkey)) << hotkey << " is not registered";
}

/// Renders until the cue box shows text that differs from `before` (or the timeout passes).
Frame render_changed(obs_source_t *source, const Frame *before)
{
	const auto box = cue_box();
	Frame frame;
	ObsHarness::wait_until([&] {
		frame = ObsHarness::render(source, kW, kH);
		if (frame.count_bright(box.x, box.y, box.w, box.h) < 500)
			return false;
		return !before || frame.count_different(*before, box.x, box.y, box.w, box.h) > 500;
	});
	return frame;
}

TEST(CuePrompterWithPack, ShowsTheScriptAndTheNextCueHotkeyChangesIt)
{
	lcs::test::LogWatch watch;
	auto source = make_prompter(bundled_pack());
	ASSERT_NE(source.Get(), nullptr);
	// The pack loads on the studio's worker: the first cue is drawn once it is the script in use.
	ASSERT_FALSE(watch.wait_for("script in use").text.empty()) << "the prompter's pack never became the script in use";
	ObsHarness::wait_frames(3);
	const auto box = cue_box();
	const Frame first = render_changed(source, nullptr);
	ASSERT_GT(first.count_bright(box.x, box.y, box.w, box.h), 500) << "the first cue is not drawn";

	press("lcs.next_cue");
	const Frame second = render_changed(source, &first);
	EXPECT_GT(second.count_different(first, box.x, box.y, box.w, box.h), 500) << "next cue changed nothing";

	press("lcs.previous_cue");
	const Frame back = render_changed(source, &second);
	EXPECT_LT(back.count_different(first, box.x, box.y, box.w, box.h), 200) << "previous cue did not go back";
	if (HasFailure() || std::getenv("LCS_TEST_ARTIFACTS")) {
		first.save_png("prompter_pack_first_" + ObsHarness::get().locale());
		second.save_png("prompter_pack_second_" + ObsHarness::get().locale());
	}
}

TEST(CuePrompterWithPack, ABrokenPackLeavesTheOldScriptOnScreen)
{
	auto source = make_prompter(bundled_pack());
	const auto box = cue_box();
	const Frame before = render_changed(source, nullptr);
	ASSERT_GT(before.count_bright(box.x, box.y, box.w, box.h), 500);

	const std::string broken = testing::TempDir() + "broken-pack-" + std::to_string(getpid()) + ".json";
	std::ofstream(broken) << "{ \"format\": \"lcs.pack/1\", \"products\": [ }";
	OBSDataAutoRelease change = obs_data_create();
	obs_data_set_string(change, "pack", "custom");
	obs_data_set_string(change, "pack_file", broken.c_str());
	obs_source_update(source, change);

	// The error is shown in the source's properties (OBS applies updates of video sources at
	// the next video tick)...
	std::string description;
	enum obs_text_info_type type = OBS_TEXT_INFO_NORMAL;
	ObsHarness::wait_until([&] {
		obs_properties_t *props = obs_source_properties(source);
		if (obs_property_t *status = obs_properties_get(props, "pack_status")) {
			description = obs_property_description(status);
			type = obs_property_text_info_type(status);
		}
		obs_properties_destroy(props);
		return !description.empty() && type == OBS_TEXT_INFO_ERROR;
	});
	EXPECT_EQ(type, OBS_TEXT_INFO_ERROR);
	EXPECT_NE(description.find(broken + ":1:"), std::string::npos) << description;

	// ...and the screen keeps the previous script.
	ObsHarness::wait_frames(5);
	const Frame after = ObsHarness::render(source, kW, kH);
	EXPECT_LT(after.count_different(before, box.x, box.y, box.w, box.h), 200);
	std::remove(broken.c_str());
}

} // namespace

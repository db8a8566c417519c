// lcs_cue_prompter inside real libobs: registered, renders localised (Chinese) text, honours its
// style properties.
#include <gtest/gtest.h>

#include <obs.hpp>
#include <cstdlib>
#include <string>

#include "core/script/cue_view.hpp"
#include "obs_harness.hpp"
#include "sources/cue-prompter/cue-prompter-layout.hpp"
#include "sources/cue-prompter/cue-prompter-painter.hpp"

namespace {
using lcs::test::Frame;
using lcs::test::ObsHarness;

constexpr uint32_t kW = 960;
constexpr uint32_t kH = 300;

OBSSourceAutoRelease make_prompter(int opacity, bool mirror = false)
{
	OBSDataAutoRelease settings = obs_data_create();
	obs_data_set_int(settings, "width", kW);
	obs_data_set_int(settings, "height", kH);
	obs_data_set_int(settings, "background_opacity", opacity);
	obs_data_set_bool(settings, "mirror", mirror);
	obs_data_set_string(settings, "pack", "none");
	return obs_source_create("lcs_cue_prompter", "prompter", settings, nullptr);
}

Frame render_when_ticked(obs_source_t *source)
{
	Frame frame;
	ObsHarness::wait_until([&] {
		frame = ObsHarness::render(source, kW, kH);
		return frame.count_opaque(0, 0, kW, kH) > 0;
	});
	return frame;
}

TEST(CuePrompterSource, IsRegisteredWithALocalisedName)
{
	const char *name = obs_source_get_display_name("lcs_cue_prompter");
	ASSERT_NE(name, nullptr);
	if (ObsHarness::get().locale() == "zh-CN")
		EXPECT_STREQ(name, "直播带货：话术提词器");
	else
		EXPECT_STREQ(name, "Live Commerce: Cue Prompter");
	EXPECT_EQ(obs_get_source_output_flags("lcs_cue_prompter") & OBS_SOURCE_VIDEO, OBS_SOURCE_VIDEO);
}

TEST(CuePrompterSource, ReportsItsConfiguredSize)
{
	auto source = make_prompter(70);
	ASSERT_NE(source.Get(), nullptr);
	EXPECT_EQ(obs_source_get_width(source), kW);
	EXPECT_EQ(obs_source_get_height(source), kH);
}

TEST(CuePrompterSource, EmptyStateDrawsTextOnATransparentBackground)
{
	auto source = make_prompter(0);
	ASSERT_NE(source.Get(), nullptr);
	const Frame frame = render_when_ticked(source);

	lcs::obs::CuePrompterStyle style;
	style.width = kW;
	style.height = kH;
	const auto layout = lcs::obs::CuePrompterLayout::compute(style);
	const auto &box = layout.inner;
	const int text = frame.count_bright(box.x, box.y, box.w, box.h);
	EXPECT_GT(text, 500) << "no text pixels inside the padding";
	// Outside the cue box (the padding) nothing is drawn when the background is fully transparent.
	EXPECT_EQ(frame.count_opaque(0, 0, kW, layout.padding - 1), 0);
	EXPECT_EQ(frame.count_opaque(0, 0, layout.padding - 1, kH), 0);
	if (HasFailure() || std::getenv("LCS_TEST_ARTIFACTS"))
		frame.save_png("cue_prompter_empty_" + ObsHarness::get().locale());
}

TEST(CuePrompterSource, SmallSourceStillShowsTheMessage)
{
	OBSDataAutoRelease settings = obs_data_create();
	obs_data_set_int(settings, "width", 512);
	obs_data_set_int(settings, "height", 160);
	obs_data_set_int(settings, "background_opacity", 0);
	obs_data_set_string(settings, "pack", "none");
	OBSSourceAutoRelease source = obs_source_create("lcs_cue_prompter", "small", settings, nullptr);
	Frame frame;
	ObsHarness::wait_until([&] {
		frame = ObsHarness::render(source, 512, 160);
		return frame.count_opaque(0, 0, 512, 160) > 0;
	});
	EXPECT_GT(frame.count_bright(0, 0, 512, 160), 300);
}

TEST(CuePrompterSource, OpaqueBackgroundFillsTheWholeSource)
{
	auto source = make_prompter(100);
	const Frame frame = render_when_ticked(source);
	EXPECT_EQ(frame.count_opaque(0, 0, kW, kH, 250), static_cast<int>(kW * kH));
	const uint8_t *corner = frame.at(2, 2);
	// Default background 0xFF1E1A17 (ABGR) = rgb(0x17, 0x1A, 0x1E).
	EXPECT_NEAR(corner[0], 0x17, 3);
	EXPECT_NEAR(corner[1], 0x1A, 3);
	EXPECT_NEAR(corner[2], 0x1E, 3);
}

TEST(CuePrompterSource, MirrorFlipsTheImageHorizontally)
{
	auto plain = make_prompter(0, false);
	auto mirrored = make_prompter(0, true);
	const Frame a = render_when_ticked(plain);
	const Frame b = render_when_ticked(mirrored);
	ASSERT_GT(a.count_bright(0, 0, kW, kH), 500);
	int mismatches = 0;
	int text = 0;
	for (uint32_t y = 0; y < kH; ++y)
		for (uint32_t x = 0; x < kW; ++x) {
			const bool lit_a = a.at(x, y)[3] > 128;
			const bool lit_b = b.at(kW - 1 - x, y)[3] > 128;
			text += lit_a ? 1 : 0;
			mismatches += lit_a != lit_b ? 1 : 0;
		}
	EXPECT_LT(mismatches, text / 20) << "mirrored frame is not the plain frame flipped";
	EXPECT_GT(a.count_different(b, 0, 0, kW, kH), text / 4) << "mirror changed nothing";
}

TEST(CuePrompterSource, UpdatingSettingsResizesAndRedraws)
{
	auto source = make_prompter(0);
	const Frame before = render_when_ticked(source);
	OBSDataAutoRelease change = obs_data_create();
	obs_data_set_int(change, "text_color", 0xFF0000FF); // red, ABGR
	obs_source_update(source, change);
	Frame after;
	ASSERT_TRUE(ObsHarness::wait_until([&] {
		after = ObsHarness::render(source, kW, kH);
		return after.count_different(before, 0, 0, kW, kH) > 500;
	}));
	int red = 0;
	for (uint32_t y = 0; y < kH; ++y)
		for (uint32_t x = 0; x < kW; ++x) {
			const uint8_t *p = after.at(x, y);
			red += (p[3] > 200 && p[0] > 200 && p[1] < 60 && p[2] < 60) ? 1 : 0;
		}
	EXPECT_GT(red, 300);
}

// The painter is what the source draws with; here it proves Chinese glyphs are real glyphs: two
// different characters give different pixels (missing glyphs would be identical boxes).
TEST(CuePrompterPainter, DifferentChineseCharactersRenderDifferently)
{
	lcs::obs::CuePrompterStyle style;
	style.width = 400;
	style.height = 300;
	lcs::obs::CuePrompterLabels labels;
	lcs::script::CueView a;
	a.has_script = true;
	a.segment_name = "开场";
	a.segment_count = 1;
	a.cue_text = "直";
	lcs::script::CueView b = a;
	b.cue_text = "播";
	const QImage ia = lcs::obs::CuePrompterPainter::paint_text(a, style, labels);
	const QImage ib = lcs::obs::CuePrompterPainter::paint_text(b, style, labels);
	int lit = 0;
	int different = 0;
	for (int y = 0; y < ia.height(); ++y)
		for (int x = 0; x < ia.width(); ++x) {
			const QRgb pa = ia.pixel(x, y);
			const QRgb pb = ib.pixel(x, y);
			lit += qAlpha(pa) > 128 ? 1 : 0;
			different += (qAlpha(pa) > 128) != (qAlpha(pb) > 128) ? 1 : 0;
		}
	EXPECT_GT(lit, 200);
	EXPECT_GT(different, lit / 5);
}

} // namespace

// A raster layer drawn in one draw call (render/raster-layer.hpp, band-mesh.hpp, swatches.hpp)
// gives the very pixels of the way the overlays drew before: a fill_rect for each plain
// rectangle and one sprite for each visible band of the picture. Compared byte for byte in
// headless libobs, plain and mirrored, for a layer placed off the origin, for a bar a fraction of
// a pixel wide, and when a rectangle's colour is not kept on the texture.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <thread>
#include <vector>

#include <QImage>
#include <obs.h>

#include "obs_harness.hpp"
#include "render/gs-texture.hpp"
#include "render/raster-layer.hpp"
#include "render/solid-rect.hpp"
#include "render/visible-bands.hpp"

namespace {
using lcs::obs::render::RasterLayer;
using lcs::obs::render::SolidRect;
using lcs::test::Frame;

constexpr uint32_t kW = 320, kH = 200;

/// Text-like: soft-edged marks of several alphas with fully transparent bands between them.
QImage picture()
{
	QImage image(260, 150, QImage::Format_RGBA8888_Premultiplied);
	image.fill(Qt::transparent);
	for (int y = 0; y < image.height(); ++y) {
		if ((y / 16) % 3 == 1)
			continue; // a transparent band
		for (int x = 5 + y % 7; x < 240 - y % 11; ++x)
			if ((x * 7 + y * 3) % 5 != 0)
				image.setPixelColor(x, y, QColor(250, 240 - x % 200, 100 + y % 100, 40 + (x * y) % 216));
	}
	return image;
}

/// Renders `draw` into a kW × kH frame as the harness renders a source.
Frame render(const std::function<void()> &draw)
{
	Frame frame;
	frame.width = kW;
	frame.height = kH;
	frame.rgba.assign(static_cast<size_t>(kW) * kH * 4, 0);
	obs_enter_graphics();
	gs_texrender_t *texrender = gs_texrender_create(GS_RGBA, GS_ZS_NONE);
	gs_stagesurf_t *stage = gs_stagesurface_create(kW, kH, GS_RGBA);
	if (gs_texrender_begin(texrender, kW, kH)) {
		vec4 clear;
		vec4_zero(&clear);
		gs_clear(GS_CLEAR_COLOR, &clear, 0.0f, 0);
		gs_ortho(0.0f, static_cast<float>(kW), 0.0f, static_cast<float>(kH), -100.0f, 100.0f);
		draw();
		gs_texrender_end(texrender);
		gs_stage_texture(stage, gs_texrender_get_texture(texrender));
		uint8_t *data = nullptr;
		uint32_t linesize = 0;
		if (gs_stagesurface_map(stage, &data, &linesize)) {
			for (uint32_t y = 0; y < kH; ++y)
				std::copy_n(data + static_cast<size_t>(y) * linesize, kW * 4, frame.rgba.data() + static_cast<size_t>(y) * kW * 4);
			gs_stagesurface_unmap(stage);
		}
	}
	gs_stagesurface_destroy(stage);
	gs_texrender_destroy(texrender);
	obs_leave_graphics();
	return frame;
}

/// The drawing before layers took rectangles: fill_rect each, one sprite per visible band.
class SpriteReference {
public:
	explicit SpriteReference(const QImage &painted)
		: image_(painted.convertToFormat(QImage::Format_RGBA8888)), bands_(lcs::obs::render::VisibleBands::of(image_))
	{
	}

	void draw(float x, float y, const std::vector<SolidRect> &under, const std::vector<SolidRect> &over)
	{
		if (texture_.empty())
			texture_.upload(image_);
		gs_blend_state_push();
		gs_reset_blend_state();
		for (const auto &r : under)
			lcs::obs::render::fill_rect(r.x, r.y, r.width, r.height, r.abgr);
		gs_effect_t *effect = obs_get_base_effect(OBS_EFFECT_DEFAULT);
		gs_effect_set_texture(gs_effect_get_param_by_name(effect, "image"), texture_.get());
		while (gs_effect_loop(effect, "Draw"))
			for (const auto &b : bands_.rects) {
				gs_matrix_push();
				gs_matrix_translate3f(x + static_cast<float>(b.x), y + static_cast<float>(b.y), 0.0f);
				gs_draw_sprite_subregion(texture_.get(), 0, b.x, b.y, b.width, b.height);
				gs_matrix_pop();
			}
		for (const auto &r : over)
			lcs::obs::render::fill_rect(r.x, r.y, r.width, r.height, r.abgr);
		gs_blend_state_pop();
	}

private:
	QImage image_;
	lcs::obs::render::VisibleBands bands_;
	lcs::obs::render::GsTexture texture_;
};

void wait_painted(const RasterLayer &layer)
{
	for (int i = 0; i < 500 && layer.painted() == 0; ++i)
		std::this_thread::sleep_for(std::chrono::milliseconds(2));
	ASSERT_EQ(layer.painted(), 1u);
}

void mirrored(float width, const std::function<void()> &draw)
{
	const enum gs_cull_mode previous = gs_get_cull_mode();
	gs_set_cull_mode(GS_NEITHER);
	gs_matrix_push();
	gs_matrix_translate3f(width, 0.0f, 0.0f);
	gs_matrix_scale3f(-1.0f, 1.0f, 1.0f);
	draw();
	gs_matrix_pop();
	gs_set_cull_mode(previous);
}

constexpr uint32_t kPanel = 0xB31E1A17, kTrack = 0x40FFFFFF, kAccent = 0xFF3CC8FF, kOther = 0xFF00FF00;

TEST(RasterLayer, RectanglesAndBandsInOneDrawCallArePixelForPixelTheSpritesOfBefore)
{
	const QImage painted = picture();
	RasterLayer layer;
	layer.submit([painted] { return painted; }, {kPanel, kTrack, kAccent});
	wait_painted(layer);
	SpriteReference before(painted);

	const std::vector<SolidRect> under{{0, 0, 300, 180, kPanel}};
	const std::vector<SolidRect> over{{20, 30, 260, 6, kTrack}, {20, 30, 123.7f, 6, kAccent}, {0, 0, 0.5f, 9, kAccent}};
	const struct {
		const char *name;
		float x, y;
		bool mirror;
	} cases[] = {{"at the origin", 0, 0, false}, {"placed off the origin", 17, 11, false}, {"mirrored", 17, 11, true}};
	for (const auto &c : cases) {
		const auto now = [&](auto &layer_like) {
			return render([&] {
				if (c.mirror)
					mirrored(300.0f, [&] { layer_like.draw(c.x, c.y, under, over); });
				else
					layer_like.draw(c.x, c.y, under, over);
			});
		};
		const Frame expected = now(before);
		const Frame got = now(layer);
		EXPECT_GT(expected.count_opaque(0, 0, kW, kH), 20000) << c.name;
		EXPECT_EQ(got.count_different(expected, 0, 0, kW, kH, 0), 0) << c.name;
		EXPECT_TRUE(got.rgba == expected.rgba) << c.name;
	}
	EXPECT_EQ(layer.width(), 260u) << "the picture's size, without the kept colours";
	EXPECT_EQ(layer.height(), 150u);

	// A colour the texture does not keep (a style changed, its repaint not done yet): drawn as
	// before, with fill_rect.
	const std::vector<SolidRect> other_over{{20, 30, 80, 6, kOther}};
	const Frame expected = render([&] { before.draw(5, 5, under, other_over); });
	const Frame got = render([&] { layer.draw(5, 5, under, other_over); });
	EXPECT_TRUE(got.rgba == expected.rgba);
}

TEST(RasterLayer, BeforeItsFirstImageOnlyTheRectanglesAreDrawn)
{
	RasterLayer layer; // nothing submitted
	const std::vector<SolidRect> under{{0, 0, 300, 180, kPanel}};
	const Frame got = render([&] { layer.draw(0, 0, under, {}); });
	const Frame expected = render([&] {
		gs_blend_state_push();
		gs_reset_blend_state();
		lcs::obs::render::fill_rect(0, 0, 300, 180, kPanel);
		gs_blend_state_pop();
	});
	EXPECT_TRUE(got.rgba == expected.rgba);
	EXPECT_GT(got.count_opaque(0, 0, kW, kH), 50000);
}

} // namespace

#include "render/raster-layer.hpp"

#include <graphics/graphics.h>

#include "render/solid-rect.hpp"

namespace lcs::obs::render {

void RasterLayer::sync()
{
	auto painted = slot_.take();
	if (!painted)
		return;
	texture_.upload(painted->image);
	bands_ = std::move(painted->bands);
	swatches_ = std::move(painted->swatches);
	const bool kept = !swatches_.colours.empty();
	picture_width_ = kept ? swatches_.picture_width : texture_.width();
	picture_height_ = kept ? swatches_.picture_height : texture_.height();
	mesh_current_ = false;
}

namespace {

/// fill_rect's rectangle (whole pixels, nothing when empty or clear), if it draws one.
bool visible(const SolidRect &r)
{
	return r.width >= 1.0f && r.height >= 1.0f && (r.abgr >> 24) != 0;
}

/// `rects` as fill_rect draws them: whole pixels (a bar growing by a fraction of a pixel is the
/// same rectangle, and the same mesh).
std::vector<SolidRect> whole_pixels(const std::vector<SolidRect> &rects)
{
	std::vector<SolidRect> out = rects;
	for (auto &r : out) {
		r.width = r.width >= 1.0f ? static_cast<float>(static_cast<uint32_t>(r.width)) : 0.0f;
		r.height = r.height >= 1.0f ? static_cast<float>(static_cast<uint32_t>(r.height)) : 0.0f;
	}
	return out;
}

} // namespace

bool RasterLayer::build_mesh(float x, float y, const std::vector<SolidRect> &under, const std::vector<SolidRect> &over)
{
	const uint32_t w = texture_.width(), h = texture_.height();
	std::vector<TexturedQuad> quads;
	quads.reserve(under.size() + bands_.rects.size() + over.size());
	bool all_kept = true;
	const auto add_rects = [&](const std::vector<SolidRect> &rects) {
		for (const auto &r : rects) {
			if (!visible(r))
				continue;
			const auto texel = swatches_.texel_of(r.abgr);
			if (!texel) {
				all_kept = false;
				return;
			}
			quads.push_back(TexturedQuad::texel(r.x - x, r.y - y, static_cast<uint32_t>(r.width),
							    static_cast<uint32_t>(r.height), texel->first, texel->second, w, h));
		}
	};
	add_rects(under);
	for (const auto &band : bands_.rects)
		if (band.x + band.width <= w && band.y + band.height <= h)
			quads.push_back(TexturedQuad::band(band, w, h));
	add_rects(over);
	mesh_has_rects_ = all_kept;
	if (!all_kept) { // a colour the image does not keep (a style changed, its repaint is coming)
		quads.clear();
		for (const auto &band : bands_.rects)
			if (band.x + band.width <= w && band.y + band.height <= h)
				quads.push_back(TexturedQuad::band(band, w, h));
	}
	mesh_.set(quads);
	mesh_current_ = true;
	mesh_x_ = x;
	mesh_y_ = y;
	mesh_under_ = under;
	mesh_over_ = over;
	return all_kept;
}

void RasterLayer::draw(float x, float y, const std::vector<SolidRect> &given_under, const std::vector<SolidRect> &given_over)
{
	sync();
	const auto under = whole_pixels(given_under);
	const auto over = whole_pixels(given_over);
	gs_blend_state_push();
	gs_reset_blend_state();
	if (texture_.empty()) { // nothing painted yet: the rectangles alone
		for (const auto &r : under)
			fill_rect(r.x, r.y, r.width, r.height, r.abgr);
		for (const auto &r : over)
			fill_rect(r.x, r.y, r.width, r.height, r.abgr);
	} else {
		if (!mesh_current_ || x != mesh_x_ || y != mesh_y_ || under != mesh_under_ || over != mesh_over_)
			build_mesh(x, y, under, over);
		if (mesh_has_rects_) {
			mesh_.draw(texture_.get(), x, y);
		} else {
			for (const auto &r : under)
				fill_rect(r.x, r.y, r.width, r.height, r.abgr);
			mesh_.draw(texture_.get(), x, y);
			for (const auto &r : over)
				fill_rect(r.x, r.y, r.width, r.height, r.abgr);
		}
	}
	gs_blend_state_pop();
}

} // namespace lcs::obs::render

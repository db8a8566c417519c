#include "render/raster-layer.hpp"

#include <graphics/graphics.h>

namespace lcs::obs::render {

void RasterLayer::sync()
{
	if (auto painted = slot_.take()) {
		texture_.upload(painted->image);
		bands_ = std::move(painted->bands);
	}
}

void RasterLayer::draw(float x, float y)
{
	sync();
	gs_blend_state_push();
	gs_reset_blend_state();
	texture_.draw(x, y, bands_);
	gs_blend_state_pop();
}

} // namespace lcs::obs::render

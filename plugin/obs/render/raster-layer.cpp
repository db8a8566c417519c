#include "render/raster-layer.hpp"

#include <graphics/graphics.h>

namespace lcs::obs::render {

void RasterLayer::offer(QImage image)
{
	std::lock_guard lock(mutex_);
	pending_ = std::move(image);
}

void RasterLayer::draw(float x, float y)
{
	std::optional<QImage> image;
	{
		std::lock_guard lock(mutex_);
		image.swap(pending_);
	}
	if (image)
		texture_.upload(*image);
	gs_blend_state_push();
	gs_reset_blend_state();
	texture_.draw(x, y);
	gs_blend_state_pop();
}

} // namespace lcs::obs::render

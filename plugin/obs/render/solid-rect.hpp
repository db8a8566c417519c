#pragma once

#include <cstdint>

namespace lcs::obs::render {

/// Fills a rectangle with an OBS colour (0xAABBGGRR, as colour properties store it). Must run
/// inside the graphics context. Cheap: used for backgrounds and progress bars every frame
/// instead of re-rasterising text.
void fill_rect(float x, float y, float width, float height, uint32_t abgr);

} // namespace lcs::obs::render

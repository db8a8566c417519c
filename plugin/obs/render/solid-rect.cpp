#include "render/solid-rect.hpp"

#include <obs.h>

namespace lcs::obs::render {

void fill_rect(float x, float y, float width, float height, uint32_t abgr)
{
	if (width < 1.0f || height < 1.0f || (abgr >> 24) == 0)
		return;
	gs_effect_t *solid = obs_get_base_effect(OBS_EFFECT_SOLID);
	gs_eparam_t *color = gs_effect_get_param_by_name(solid, "color");
	struct vec4 rgba;
	vec4_from_rgba(&rgba, abgr);
	gs_effect_set_vec4(color, &rgba);

	gs_matrix_push();
	gs_matrix_translate3f(x, y, 0.0f);
	while (gs_effect_loop(solid, "Solid"))
		gs_draw_sprite(nullptr, 0, static_cast<uint32_t>(width), static_cast<uint32_t>(height));
	gs_matrix_pop();
}

} // namespace lcs::obs::render

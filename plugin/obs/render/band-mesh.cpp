#include "render/band-mesh.hpp"

#include <obs.h>

namespace lcs::obs::render {

TexturedQuad TexturedQuad::band(const VisibleBands::Rect &r, uint32_t width, uint32_t height)
{
	const auto fw = static_cast<float>(width);
	const auto fh = static_cast<float>(height);
	const auto x0 = static_cast<float>(r.x), x1 = static_cast<float>(r.x + r.width);
	const auto y0 = static_cast<float>(r.y), y1 = static_cast<float>(r.y + r.height);
	return {x0, y0, x1, y1, x0 / fw, y0 / fh, x1 / fw, y1 / fh};
}

TexturedQuad TexturedQuad::texel(float x, float y, uint32_t w, uint32_t h, uint32_t tx, uint32_t ty, uint32_t width,
				 uint32_t height)
{
	const float u = (static_cast<float>(tx) + 0.5f) / static_cast<float>(width);
	const float v = (static_cast<float>(ty) + 0.5f) / static_cast<float>(height);
	return {x, y, x + static_cast<float>(w), y + static_cast<float>(h), u, v, u, v};
}

BandMesh::~BandMesh()
{
	if (!buffer_)
		return;
	obs_enter_graphics();
	release_in_graphics();
	obs_leave_graphics();
}

void BandMesh::release_in_graphics()
{
	gs_vertexbuffer_destroy(buffer_);
	buffer_ = nullptr;
	quads_ = 0;
}

void BandMesh::set(const std::vector<TexturedQuad> &quads)
{
	if (buffer_)
		release_in_graphics();
	if (quads.empty())
		return;
	const size_t vertices = quads.size() * 6;
	gs_vb_data *data = gs_vbdata_create();
	data->num = vertices;
	data->points = static_cast<vec3 *>(bmalloc(sizeof(vec3) * vertices));
	data->num_tex = 1;
	data->tvarray = static_cast<gs_tvertarray *>(bzalloc(sizeof(gs_tvertarray)));
	data->tvarray[0].width = 2;
	data->tvarray[0].array = bmalloc(sizeof(vec2) * vertices);
	vec3 *p = data->points;
	auto *uv = static_cast<vec2 *>(data->tvarray[0].array);
	for (const auto &q : quads) {
		// A sprite's strip (0 top-left, 1 top-right, 2 bottom-left, 3 bottom-right) makes the
		// triangles 0 1 2 and 2 1 3.
		const float xs[4] = {q.x0, q.x1, q.x0, q.x1}, ys[4] = {q.y0, q.y0, q.y1, q.y1};
		const float us[4] = {q.u0, q.u1, q.u0, q.u1}, vs[4] = {q.v0, q.v0, q.v1, q.v1};
		for (const int i : {0, 1, 2, 2, 1, 3}) {
			vec3_set(p++, xs[i], ys[i], 0.0f);
			vec2_set(uv++, us[i], vs[i]);
		}
	}
	buffer_ = gs_vertexbuffer_create(data, 0); // owns data from here, even when it fails
	if (buffer_)
		quads_ = static_cast<uint32_t>(quads.size());
}

void BandMesh::draw(gs_texture_t *texture, float x, float y) const
{
	if (!texture || !buffer_)
		return;
	gs_effect_t *effect = obs_get_base_effect(OBS_EFFECT_DEFAULT);
	gs_effect_set_texture(gs_effect_get_param_by_name(effect, "image"), texture);
	gs_matrix_push();
	gs_matrix_translate3f(x, y, 0.0f);
	gs_load_vertexbuffer(buffer_);
	gs_load_indexbuffer(nullptr);
	while (gs_effect_loop(effect, "Draw"))
		gs_draw(GS_TRIS, 0, quads_ * 6);
	gs_load_vertexbuffer(nullptr);
	gs_matrix_pop();
}

} // namespace lcs::obs::render

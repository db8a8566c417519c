#include "render/gs-texture.hpp"

#include <QImage>
#include <obs.h>

namespace lcs::obs::render {

GsTexture::~GsTexture()
{
	if (!texture_)
		return;
	obs_enter_graphics();
	release_in_graphics();
	obs_leave_graphics();
}

void GsTexture::release_in_graphics()
{
	gs_texture_destroy(texture_);
	texture_ = nullptr;
	width_ = height_ = 0;
}

void GsTexture::upload(const QImage &image)
{
	if (image.isNull() || image.width() <= 0 || image.height() <= 0) {
		if (texture_)
			release_in_graphics();
		return;
	}
	const QImage rgba = image.format() == QImage::Format_RGBA8888 ? image
								       : image.convertToFormat(QImage::Format_RGBA8888);
	const auto w = static_cast<uint32_t>(rgba.width());
	const auto h = static_cast<uint32_t>(rgba.height());
	const auto line = static_cast<uint32_t>(rgba.bytesPerLine());

	if (texture_ && (w != width_ || h != height_))
		release_in_graphics();
	if (!texture_) {
		texture_ = gs_texture_create(w, h, GS_RGBA, 1, nullptr, GS_DYNAMIC);
		if (!texture_)
			return;
		width_ = w;
		height_ = h;
	}
	gs_texture_set_image(texture_, rgba.constBits(), line, false);
}

void GsTexture::draw(float x, float y) const
{
	if (!texture_)
		return;
	gs_effect_t *effect = obs_get_base_effect(OBS_EFFECT_DEFAULT);
	gs_eparam_t *image = gs_effect_get_param_by_name(effect, "image");
	gs_effect_set_texture(image, texture_);
	gs_matrix_push();
	gs_matrix_translate3f(x, y, 0.0f);
	while (gs_effect_loop(effect, "Draw"))
		gs_draw_sprite(texture_, 0, width_, height_);
	gs_matrix_pop();
}

} // namespace lcs::obs::render

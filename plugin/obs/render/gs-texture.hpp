#pragma once

#include <cstdint>

#include <graphics/graphics.h>

class QImage;

namespace lcs::obs::render {

// Owns one dynamic RGBA texture. upload() and draw() must run inside the graphics context
// (video_render); the destructor enters it by itself, so the owner may die on any thread.
class GsTexture {
public:
	GsTexture() = default;
	~GsTexture();
	GsTexture(const GsTexture &) = delete;
	GsTexture &operator=(const GsTexture &) = delete;

	/// Copies the image (any format; converted to RGBA8888 if needed) into the texture,
	/// re-creating it when the size changed. A null image releases the texture.
	void upload(const QImage &image);

	/// Draws the texture with its top-left corner at (x, y), in the current matrix.
	void draw(float x, float y) const;

	[[nodiscard]] gs_texture_t *get() const { return texture_; }
	[[nodiscard]] bool empty() const { return texture_ == nullptr; }
	[[nodiscard]] uint32_t width() const { return width_; }
	[[nodiscard]] uint32_t height() const { return height_; }

private:
	void release_in_graphics();

	gs_texture_t *texture_ = nullptr;
	uint32_t width_ = 0;
	uint32_t height_ = 0;
};

} // namespace lcs::obs::render

#pragma once

#include <cstdint>
#include <vector>

#include <graphics/graphics.h>

#include "render/visible-bands.hpp"

namespace lcs::obs::render {

/// One rectangle of a texture placed on the layer: corners in layer pixels, texture coordinates.
struct TexturedQuad {
	float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
	float u0 = 0, v0 = 0, u1 = 0, v1 = 0;
	bool operator==(const TexturedQuad &) const = default;

	/// A band of the picture where it lies, with the texture coordinates
	/// gs_draw_sprite_subregion gives it on a `width` × `height` texture.
	static TexturedQuad band(const VisibleBands::Rect &r, uint32_t width, uint32_t height);
	/// The rectangle (x, y, w, h) showing only the centre of texel (tx, ty).
	static TexturedQuad texel(float x, float y, uint32_t w, uint32_t h, uint32_t tx, uint32_t ty, uint32_t width,
				  uint32_t height);
};

// Quads of one texture as a single vertex buffer (two triangles each, the triangles of a sprite's
// strip), drawn in order in one draw call: each draw call costs the graphics thread its set-up,
// while the quads give the same pixels as one sprite each. Built when what a layer shows
// changes; set()/draw() inside the graphics context; the destructor enters it by itself, so the
// owner may die on any thread.
class BandMesh {
public:
	BandMesh() = default;
	~BandMesh();
	BandMesh(const BandMesh &) = delete;
	BandMesh &operator=(const BandMesh &) = delete;

	/// Rebuilds the buffer from `quads` (none: nothing drawn).
	void set(const std::vector<TexturedQuad> &quads);
	/// Draws `texture` through the quads at (x, y) in the current matrix with the default effect.
	void draw(gs_texture_t *texture, float x, float y) const;

	[[nodiscard]] uint32_t quads() const { return quads_; }

private:
	void release_in_graphics();

	gs_vertbuffer_t *buffer_ = nullptr;
	uint32_t quads_ = 0;
};

} // namespace lcs::obs::render

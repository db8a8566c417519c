#pragma once

#include <cstdint>
#include <vector>

#include "render/band-mesh.hpp"
#include "render/gs-texture.hpp"
#include "render/paint-worker.hpp"

namespace lcs::obs::render {

/// A plain rectangle drawn with a layer, as fill_rect (solid-rect.hpp) would draw it.
struct SolidRect {
	float x = 0, y = 0, width = 0, height = 0;
	uint32_t abgr = 0;
	bool operator==(const SolidRect &) const = default;
};

// A Qt-rasterised layer: painted on the module's painter thread, drawn by whoever renders.
//   submit() the video thread (video_tick): a job painting the new image; a newer one replaces
//            a job not started yet, and it never waits for painting;
//   sync()/draw() the graphics context (video_render): uploads the newest finished image, once,
//            then draws only its visible bands, in one draw call. Until the first image is
//            painted nothing of it is drawn.
class RasterLayer {
public:
	/// Queues a repaint. Any thread (the video thread in practice). `swatches`: the colours of
	/// the rectangles draw() will be given, kept on the texture so they cost no draw call.
	void submit(PaintJob job, std::vector<uint32_t> swatches = {}) { slot_.submit(std::move(job), std::move(swatches)); }
	/// Uploads a newly painted image, if any. Graphics context only.
	void sync();
	/// sync(), then draws at (x, y). Graphics context only.
	void draw(float x, float y) { draw(x, y, {}, {}); }
	/// sync(), then draws `under`, the picture at (x, y), then `over` (rectangles in the current
	/// matrix, not moved by x, y), in one draw call when the image keeps every colour they use
	/// (submit's swatches), else the rectangles with fill_rect. Graphics context only.
	void draw(float x, float y, const std::vector<SolidRect> &under, const std::vector<SolidRect> &over);
	/// Size of the picture on the texture (after sync()). Graphics context only.
	[[nodiscard]] uint32_t width() const { return picture_width_; }
	[[nodiscard]] uint32_t height() const { return picture_height_; }
	/// Jobs submitted and painted (any thread).
	[[nodiscard]] uint64_t submitted() const { return slot_.submitted(); }
	[[nodiscard]] uint64_t painted() const { return slot_.painted(); }

private:
	bool build_mesh(float x, float y, const std::vector<SolidRect> &under, const std::vector<SolidRect> &over);

	PaintSlot slot_;
	// graphics context only
	GsTexture texture_;
	VisibleBands bands_;
	Swatches swatches_;
	uint32_t picture_width_ = 0, picture_height_ = 0;
	BandMesh mesh_;             // the quads of the last draw()
	bool mesh_current_ = false; // mesh_ was built for the texture's image and these:
	bool mesh_has_rects_ = false;
	float mesh_x_ = 0, mesh_y_ = 0;
	std::vector<SolidRect> mesh_under_, mesh_over_;
};

} // namespace lcs::obs::render

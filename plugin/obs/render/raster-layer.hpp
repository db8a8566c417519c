#pragma once

#include <cstdint>

#include "render/gs-texture.hpp"
#include "render/paint-worker.hpp"

namespace lcs::obs::render {

// A Qt-rasterised layer: painted on the module's painter thread, drawn by whoever renders.
//   submit() the video thread (video_tick): a job painting the new image; a newer one replaces
//            a job not started yet, and it never waits for painting;
//   sync()/draw() the graphics context (video_render): uploads the newest finished image, once,
//            then draws only its visible bands. Until the first image is painted nothing is drawn.
class RasterLayer {
public:
	/// Queues a repaint. Any thread (the video thread in practice).
	void submit(PaintJob job) { slot_.submit(std::move(job)); }
	/// Uploads a newly painted image, if any. Graphics context only.
	void sync();
	/// sync(), then draws at (x, y). Graphics context only.
	void draw(float x, float y);
	/// Size of the image on the texture (after sync()). Graphics context only.
	[[nodiscard]] uint32_t width() const { return texture_.width(); }
	[[nodiscard]] uint32_t height() const { return texture_.height(); }
	/// Jobs submitted and painted (any thread).
	[[nodiscard]] uint64_t submitted() const { return slot_.submitted(); }
	[[nodiscard]] uint64_t painted() const { return slot_.painted(); }

private:
	PaintSlot slot_;
	// graphics context only
	GsTexture texture_;
	VisibleBands bands_;
};

} // namespace lcs::obs::render

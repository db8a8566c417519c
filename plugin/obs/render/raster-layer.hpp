#pragma once

#include <mutex>
#include <optional>

#include <QImage>

#include "render/gs-texture.hpp"

namespace lcs::obs::render {

// A Qt-rasterised image handed from the thread that paints it (video_tick) to the one that draws
// it (video_render, which may be another thread holding the graphics context): offer() stores
// the newest image, draw() uploads it once and draws the texture.
class RasterLayer {
public:
	/// Replaces the image to show. Any thread.
	void offer(QImage image);
	/// Uploads a newly offered image, then draws at (x, y). Graphics context only.
	void draw(float x, float y);
	[[nodiscard]] uint32_t width() const { return texture_.width(); }

private:
	std::mutex mutex_;
	std::optional<QImage> pending_;
	GsTexture texture_;
};

} // namespace lcs::obs::render

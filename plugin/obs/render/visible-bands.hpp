#pragma once

#include <cstdint>
#include <vector>

class QImage;

namespace lcs::obs::render {

// The parts of a layer worth drawing: the image cut into horizontal bands of kRows rows, each
// band narrowed to the columns holding a pixel that is not fully transparent; fully transparent
// bands are left out. Drawing only these gives the same picture (a transparent pixel blends to
// nothing) for far fewer pixels: a comment feed, a ticker or a prompter's text leave most of their
// frame empty, and every pixel drawn costs the GPU (or Mesa's software rasteriser) each frame.
struct VisibleBands {
	static constexpr int kRows = 16;

	struct Rect {
		uint32_t x = 0, y = 0, width = 0, height = 0;
		bool operator==(const Rect &) const = default;
	};
	std::vector<Rect> rects; // top to bottom, neighbours of the same columns merged

	/// The bands of `image` (any 32-bit format with alpha in the 4th byte, or any other format
	/// taken as opaque: one rect covering it).
	static VisibleBands of(const QImage &image);
	/// Pixels the rects cover.
	[[nodiscard]] uint64_t area() const;
};

} // namespace lcs::obs::render

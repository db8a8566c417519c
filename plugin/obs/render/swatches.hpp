#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include <QImage>

namespace lcs::obs::render {

// Solid colours kept on a layer's texture, below its picture, so a layer can draw its plain
// rectangles (a panel's background, a progress bar) in the same draw call as its text: each
// colour is a 3×3 block of texels holding it exactly (straight RGBA), sampled at the block's
// centre, where linear filtering returns the texel itself. Drawn through the default effect, a
// quad sampling it blends like OBS's solid effect with that colour: the same pixels, one draw
// call instead of one per rectangle (each draw call costs the graphics thread its set-up).
struct Swatches {
	static constexpr int kBlock = 3;

	std::vector<uint32_t> colours; // OBS colours (0xAABBGGRR), in block order
	uint32_t row = 0;              // the texel row of the blocks' centres
	uint32_t picture_width = 0, picture_height = 0; // the picture above them

	/// `picture` (RGBA8888) with the blocks of `colours` appended below it (wider if it needs
	/// to be); `out` says where they are. No colours: the picture unchanged.
	static QImage append(const QImage &picture, const std::vector<uint32_t> &colours, Swatches *out);

	/// The texel (x, y) whose centre holds `colour`, if it is one of them.
	[[nodiscard]] std::optional<std::pair<uint32_t, uint32_t>> texel_of(uint32_t colour) const;
};

} // namespace lcs::obs::render

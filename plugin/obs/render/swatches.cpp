#include "render/swatches.hpp"

#include <algorithm>
#include <cstring>

namespace lcs::obs::render {

QImage Swatches::append(const QImage &picture, const std::vector<uint32_t> &colours, Swatches *out)
{
	*out = {};
	if (colours.empty() || picture.isNull() || picture.format() != QImage::Format_RGBA8888)
		return picture;
	const int w = std::max(picture.width(), static_cast<int>(colours.size()) * kBlock);
	const int h = picture.height() + kBlock;
	QImage image(w, h, QImage::Format_RGBA8888);
	image.fill(Qt::transparent);
	for (int y = 0; y < picture.height(); ++y)
		std::memcpy(image.scanLine(y), picture.constScanLine(y), static_cast<size_t>(picture.width()) * 4);
	for (size_t i = 0; i < colours.size(); ++i) {
		const uint32_t c = colours[i];
		const uchar rgba[4] = {static_cast<uchar>(c), static_cast<uchar>(c >> 8), static_cast<uchar>(c >> 16),
				       static_cast<uchar>(c >> 24)};
		for (int y = picture.height(); y < h; ++y)
			for (int x = static_cast<int>(i) * kBlock; x < static_cast<int>(i + 1) * kBlock; ++x)
				std::memcpy(image.scanLine(y) + x * 4, rgba, 4);
	}
	out->colours = colours;
	out->row = static_cast<uint32_t>(picture.height() + kBlock / 2);
	out->picture_width = static_cast<uint32_t>(picture.width());
	out->picture_height = static_cast<uint32_t>(picture.height());
	return image;
}

std::optional<std::pair<uint32_t, uint32_t>> Swatches::texel_of(uint32_t colour) const
{
	const auto it = std::find(colours.begin(), colours.end(), colour);
	if (it == colours.end())
		return std::nullopt;
	const auto i = static_cast<uint32_t>(it - colours.begin());
	return std::pair{i * kBlock + kBlock / 2, row};
}

} // namespace lcs::obs::render

#include "render/visible-bands.hpp"

#include <algorithm>

#include <QImage>

namespace lcs::obs::render {

namespace {

bool alpha_in_fourth_byte(QImage::Format f)
{
	return f == QImage::Format_RGBA8888 || f == QImage::Format_RGBA8888_Premultiplied;
}

} // namespace

VisibleBands VisibleBands::of(const QImage &image)
{
	VisibleBands out;
	if (image.isNull())
		return out;
	const auto w = static_cast<uint32_t>(image.width());
	const auto h = static_cast<uint32_t>(image.height());
	if (!alpha_in_fourth_byte(image.format())) {
		out.rects.push_back({0, 0, w, h});
		return out;
	}
	for (uint32_t top = 0; top < h; top += kRows) {
		const uint32_t rows = std::min<uint32_t>(kRows, h - top);
		uint32_t left = w, right = 0; // [left, right)
		for (uint32_t y = top; y < top + rows; ++y) {
			const uchar *line = image.constScanLine(static_cast<int>(y));
			for (uint32_t x = 0; x < left; ++x)
				if (line[x * 4 + 3]) {
					left = x;
					break;
				}
			for (uint32_t x = w; x > std::max(right, left); --x)
				if (line[(x - 1) * 4 + 3]) {
					right = x;
					break;
				}
		}
		if (right <= left)
			continue;
		Rect r{left, top, right - left, rows};
		if (!out.rects.empty()) {
			Rect &last = out.rects.back();
			if (last.x == r.x && last.width == r.width && last.y + last.height == r.y) {
				last.height += r.height;
				continue;
			}
		}
		out.rects.push_back(r);
	}
	return out;
}

uint64_t VisibleBands::area() const
{
	uint64_t sum = 0;
	for (const auto &r : rects)
		sum += static_cast<uint64_t>(r.width) * r.height;
	return sum;
}

} // namespace lcs::obs::render

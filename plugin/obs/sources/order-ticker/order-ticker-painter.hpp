#pragma once

#include <string>
#include <vector>

#include <QImage>

namespace lcs::obs {

struct OrderTickerStyle {
	std::string font_face;
	std::string font_style;
	int width = 440;
	int height = 240;
	int font_px = 24;
	int max_lines = 5;
	int visible_seconds = 8;
	bool newest_on_top = false;
	uint32_t text_color = 0xFFFFFFFF;
	uint32_t accent_color = 0xFF3BC8FF;
	uint32_t background_color = 0xFF1E1A17;
	int background_opacity = 70;
	bool operator==(const OrderTickerStyle &) const = default;
};

struct TickerRow {
	std::string buyer;   // masked
	std::string text;    // "just bought Honey ×2"
	int alpha_percent = 100;
	bool operator==(const TickerRow &) const = default;
};

class OrderTickerPainter {
public:
	/// Rows oldest first; each a rounded pill. Transparent when there are none.
	static QImage paint(const std::vector<TickerRow> &rows, const OrderTickerStyle &style);
};

} // namespace lcs::obs

#pragma once

#include <optional>
#include <string>
#include <vector>

#include <QImage>

#include "core/promo/engine.hpp"
#include "sources/price-card/price-card-image-cache.hpp"

namespace lcs::obs {

struct PriceCardStyle {
	std::string font_face;
	std::string font_style;
	int width = 440;
	int height = 300;
	uint32_t text_color = 0xFFFFFFFF;
	uint32_t price_color = 0xFF3B3BFF;  // red (ABGR)
	uint32_t accent_color = 0xFF3BC8FF; // warm yellow
	uint32_t background_color = 0xFF1E1A17;
	int background_opacity = 85;
	bool show_image = true;
	bool operator==(const PriceCardStyle &) const = default;
};

// Localised phrases; %1.. are filled by the painter (QString::arg).
struct PriceCardLabels {
	std::string tiered, flash, deal_nth, deal_buy_get, deal_breaks;
	std::string tier_progress, tier_rises_in, next_tier, final_tier;
	std::string stock, sale_stock, starts_in, ends_in;
	std::string coupon_spend_save, coupon_percent;
	std::string lucky_bag;
};

// Everything the card shows at one moment. Equal content ⇒ the same pixels, so the source
// re-rasterises only when this changes (about once a second during a countdown).
struct PriceCardContent {
	std::optional<promo::PriceView> price;
	std::vector<promo::LuckyBagView> lucky_bags;
	std::string deal_text;   // filled from the quantity deal definition
	std::string coupon_text; // filled from the coupon definition
	std::string image_path;  // absolute, when the product names one
	bool operator==(const PriceCardContent &) const;
};

class PriceCardPainter {
public:
	/// The card, or a fully transparent image when there is nothing to show. The product picture
	/// comes from `images` (decoded once per file).
	static QImage paint(const PriceCardContent &content, const PriceCardStyle &style, const PriceCardLabels &labels,
			    PriceCardImageCache &images);
};

} // namespace lcs::obs

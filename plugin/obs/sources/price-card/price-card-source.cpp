// obs_source_info of lcs_price_card and its per-source state.
#include "sources/price-card/price-card-source.hpp"

#include <algorithm>
#include <filesystem>

#include <obs-module.h>
#include <obs.hpp>

#include "core/pack/pack_loader.hpp"
#include "core/util/money.hpp"
#include "render/qt-text.hpp"
#include "render/raster-source.hpp"
#include "sources/price-card/price-card-painter.hpp"
#include "studio/studio.hpp"

namespace lcs::obs {
namespace {

PriceCardLabels localised_labels()
{
	PriceCardLabels l;
	l.tiered = obs_module_text("PriceCard.Tiered");
	l.flash = obs_module_text("PriceCard.Flash");
	l.deal_nth = obs_module_text("PriceCard.DealNth");
	l.deal_buy_get = obs_module_text("PriceCard.DealBuyGet");
	l.deal_breaks = obs_module_text("PriceCard.DealBreaks");
	l.tier_progress = obs_module_text("PriceCard.TierProgress");
	l.tier_rises_in = obs_module_text("PriceCard.TierRisesIn");
	l.next_tier = obs_module_text("PriceCard.NextTier");
	l.final_tier = obs_module_text("PriceCard.FinalTier");
	l.stock = obs_module_text("PriceCard.Stock");
	l.sale_stock = obs_module_text("PriceCard.SaleStock");
	l.starts_in = obs_module_text("PriceCard.StartsIn");
	l.ends_in = obs_module_text("PriceCard.EndsIn");
	l.coupon_spend_save = obs_module_text("PriceCard.CouponSpendSave");
	l.coupon_percent = obs_module_text("PriceCard.CouponPercent");
	l.lucky_bag = obs_module_text("PriceCard.LuckyBag");
	return l;
}

std::string fill(const std::string &pattern, std::initializer_list<std::string> args)
{
	QString s = render::qstr(pattern);
	for (const auto &a : args)
		s = s.arg(render::qstr(a));
	return s.toStdString();
}

/// Chinese discount notation: 10% off is 9折, 15% off is 8.5折.
std::string zhe(int percent_off)
{
	const int tenth = 100 - percent_off;
	return std::to_string(tenth / 10) + (tenth % 10 ? "." + std::to_string(tenth % 10) : "");
}

std::string deal_text(const promo::QuantityDeal &q, const PriceCardLabels &l)
{
	switch (q.rule) {
	case promo::QuantityDeal::Rule::NthItemDiscount:
		return fill(l.deal_nth, {std::to_string(q.nth), std::to_string(q.percent_off), zhe(q.percent_off)});
	case promo::QuantityDeal::Rule::BuyNGetM:
		return fill(l.deal_buy_get, {std::to_string(q.buy), std::to_string(q.free)});
	case promo::QuantityDeal::Rule::QuantityBreaks:
		return l.deal_breaks;
	}
	return {};
}

std::string coupon_text(const promo::Coupon &c, const PriceCardLabels &l)
{
	if (c.rule == promo::Coupon::Rule::SpendSave)
		return fill(l.coupon_spend_save, {util::format_yuan(c.threshold_cents), util::format_yuan(c.save_cents)});
	return fill(l.coupon_percent, {std::to_string(c.percent), util::format_yuan(c.cap_cents), zhe(c.percent)});
}

/// A remaining time as the card draws it: whole seconds, rounded up (the painter's clock()).
int64_t shown_ms(int64_t ms)
{
	return std::max<int64_t>(0, (ms + 999) / 1000) * 1000;
}

/// The content as drawn: snapshots come many times a second (every order, comment, command) with
/// millisecond countdowns, but the card only changes when a shown second does.
void round_to_shown_seconds(PriceCardContent &content)
{
	if (content.price) {
		if (content.price->countdown_ms)
			content.price->countdown_ms = shown_ms(*content.price->countdown_ms);
		if (content.price->ends_in_ms)
			content.price->ends_in_ms = shown_ms(*content.price->ends_in_ms);
	}
	for (auto &bag : content.lucky_bags)
		bag.ends_in_ms = shown_ms(bag.ends_in_ms);
}

class PriceCardSourceContent {
public:
	using Style = PriceCardStyle;
	/// A card shown nowhere is not repainted (RasterSource asks again once it shows).
	static constexpr bool kPaintOnlyWhenShowing = true;

	static Style read_style(obs_data_t *settings)
	{
		Style s;
		const FontChoice font = read_font(settings);
		s.font_face = font.face;
		s.font_style = font.style;
		s.width = read_int(settings, "width", 120, 3840);
		s.height = read_int(settings, "height", 80, 2160);
		s.text_color = static_cast<uint32_t>(obs_data_get_int(settings, "text_color"));
		s.price_color = static_cast<uint32_t>(obs_data_get_int(settings, "price_color"));
		s.accent_color = static_cast<uint32_t>(obs_data_get_int(settings, "accent_color"));
		s.background_color = static_cast<uint32_t>(obs_data_get_int(settings, "background_color"));
		s.background_opacity = read_int(settings, "background_opacity", 0, 100);
		s.show_image = obs_data_get_bool(settings, "show_image");
		return s;
	}

	static void defaults(obs_data_t *settings);
	static obs_properties_t *properties();

	std::optional<render::PaintJob> paint(const Style &style, bool style_changed)
	{
		const Studio *studio = Studio::get();
		const auto snap = studio ? studio->snapshot() : nullptr;
		// Nothing new since the last frame (the controller publishes on changes and whole seconds).
		if (!style_changed && seen_snapshot_ && snap == seen_snapshot_)
			return std::nullopt;
		seen_snapshot_ = snap;
		lcs::obs::PriceCardContent content;
		if (snap) {
			content.price = snap->pinned;
			content.lucky_bags = snap->lucky_bags;
			if (snap->pinned && snap->library) {
				const auto &v = *snap->pinned;
				if (v.deal_id)
					if (const auto *p = snap->library->promotion(*v.deal_id))
						content.deal_text = deal_text(std::get<promo::QuantityDeal>(p->rule), labels_);
				if (!v.coupon_badge_id.empty())
					if (const auto *p = snap->library->promotion(v.coupon_badge_id))
						content.coupon_text = coupon_text(std::get<promo::Coupon>(p->rule), labels_);
				if (!v.image.empty())
					content.image_path = image_path(*snap->library, v.sku, v.image);
			}
		}
		round_to_shown_seconds(content);
		if (!style_changed && content == painted_)
			return std::nullopt;
		painted_ = content;
		// The image cache is the painter's: only jobs (run one after another) touch it.
		return [content = std::move(content), style, labels = labels_, images = images_] {
			return PriceCardPainter::paint(content, style, labels, *images);
		};
	}

	void add_render_stats(calldata_t *cd) const
	{
		calldata_set_int(cd, "image_decodes", static_cast<long long>(images_->decodes()));
		calldata_set_int(cd, "image_scales", static_cast<long long>(images_->scales()));
	}

private:
	static std::string image_path(const pack::Library &library, const std::string &sku, const std::string &image)
	{
		for (const auto &pack : library.packs())
			for (const auto &product : pack.products)
				if (product.sku == sku) {
					const auto base = std::filesystem::u8path(pack.path).parent_path();
					return pack::path_utf8(base / std::filesystem::u8path(image));
				}
		return {};
	}

	const PriceCardLabels labels_ = localised_labels();
	lcs::obs::PriceCardContent painted_;
	std::shared_ptr<const session::Snapshot> seen_snapshot_; // video thread
	std::shared_ptr<PriceCardImageCache> images_ = std::make_shared<PriceCardImageCache>(); // painter thread
};

void PriceCardSourceContent::defaults(obs_data_t *settings)
{
	const PriceCardStyle d;
	set_default_font(settings, 32);
	obs_data_set_default_int(settings, "width", d.width);
	obs_data_set_default_int(settings, "height", d.height);
	obs_data_set_default_int(settings, "text_color", d.text_color);
	obs_data_set_default_int(settings, "price_color", d.price_color);
	obs_data_set_default_int(settings, "accent_color", d.accent_color);
	obs_data_set_default_int(settings, "background_color", d.background_color);
	obs_data_set_default_int(settings, "background_opacity", d.background_opacity);
	obs_data_set_default_bool(settings, "show_image", d.show_image);
}

obs_properties_t *PriceCardSourceContent::properties()
{
	obs_properties_t *props = obs_properties_create();
	add_frame_properties(props, "PriceCard", 120, 80);
	obs_properties_add_color_alpha(props, "text_color", obs_module_text("PriceCard.TextColor"));
	obs_properties_add_color_alpha(props, "price_color", obs_module_text("PriceCard.PriceColor"));
	obs_properties_add_color_alpha(props, "accent_color", obs_module_text("PriceCard.AccentColor"));
	obs_properties_add_color(props, "background_color", obs_module_text("PriceCard.BackgroundColor"));
	add_opacity_property(props, "PriceCard");
	obs_properties_add_bool(props, "show_image", obs_module_text("PriceCard.ShowImage"));
	return props;
}

} // namespace

void register_price_card_source()
{
	RasterSource<PriceCardSourceContent>::register_source(kPriceCardSourceId, "PriceCard.Name");
}

} // namespace lcs::obs

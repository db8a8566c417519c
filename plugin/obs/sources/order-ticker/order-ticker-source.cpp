// lcs_order_ticker: the order ticker's content (what to draw when) on the shared raster source.
#include "sources/order-ticker/order-ticker-source.hpp"

#include <string>
#include <unordered_map>

#include "core/overlay/ticker_model.hpp"
#include "render/qt-text.hpp"
#include "render/raster-source.hpp"
#include "sources/order-ticker/order-ticker-painter.hpp"
#include "studio/studio.hpp"

namespace lcs::obs {
namespace {

class OrderTickerContent {
public:
	using Style = OrderTickerStyle;

	static Style read_style(obs_data_t *settings)
	{
		Style s;
		const FontChoice font = read_font(settings);
		s.font_face = font.face;
		s.font_style = font.style;
		s.font_px = font.size > 0 ? font.size : s.font_px;
		s.width = read_int(settings, "width", 100, 3840);
		s.height = read_int(settings, "height", 40, 2160);
		s.max_lines = read_int(settings, "max_lines", 1, 20);
		s.visible_seconds = read_int(settings, "visible_seconds", 2, 120);
		s.newest_on_top = obs_data_get_bool(settings, "newest_on_top");
		s.text_color = static_cast<uint32_t>(obs_data_get_int(settings, "text_color"));
		s.accent_color = static_cast<uint32_t>(obs_data_get_int(settings, "accent_color"));
		s.background_color = static_cast<uint32_t>(obs_data_get_int(settings, "background_color"));
		s.background_opacity = read_int(settings, "background_opacity", 0, 100);
		return s;
	}

	static void defaults(obs_data_t *settings)
	{
		const Style d;
		set_default_font(settings, d.font_px);
		obs_data_set_default_int(settings, "width", d.width);
		obs_data_set_default_int(settings, "height", d.height);
		obs_data_set_default_int(settings, "max_lines", d.max_lines);
		obs_data_set_default_int(settings, "visible_seconds", d.visible_seconds);
		obs_data_set_default_bool(settings, "newest_on_top", d.newest_on_top);
		obs_data_set_default_int(settings, "text_color", d.text_color);
		obs_data_set_default_int(settings, "accent_color", d.accent_color);
		obs_data_set_default_int(settings, "background_color", d.background_color);
		obs_data_set_default_int(settings, "background_opacity", d.background_opacity);
	}

	static obs_properties_t *properties()
	{
		obs_properties_t *props = obs_properties_create();
		add_frame_properties(props, "OrderTicker", 100, 40);
		obs_properties_add_int_slider(props, "max_lines", obs_module_text("OrderTicker.MaxLines"), 1, 20, 1);
		obs_property_t *seconds = obs_properties_add_int_slider(props, "visible_seconds",
									obs_module_text("OrderTicker.VisibleSeconds"), 2, 120, 1);
		obs_property_int_set_suffix(seconds, " s");
		obs_properties_add_bool(props, "newest_on_top", obs_module_text("OrderTicker.NewestOnTop"));
		obs_properties_add_color_alpha(props, "text_color", obs_module_text("OrderTicker.TextColor"));
		obs_properties_add_color_alpha(props, "accent_color", obs_module_text("OrderTicker.AccentColor"));
		obs_properties_add_color(props, "background_color", obs_module_text("OrderTicker.BackgroundColor"));
		add_opacity_property(props, "OrderTicker");
		return props;
	}

	std::optional<render::PaintJob> paint(const Style &style, bool style_changed)
	{
		overlay::TickerModel::Options options;
		options.max_lines = static_cast<size_t>(style.max_lines);
		options.visible_ms = style.visible_seconds * 1000LL;
		model_.set_options(options);
		std::vector<TickerRow> rows;
		if (const Studio *studio = Studio::get()) {
			const auto snap = studio->snapshot();
			model_.offer(snap->recent_orders);
			model_.advance(snap->now_ms);
			for (const auto &line : model_.lines()) {
				TickerRow row;
				row.buyer = line.order.buyer;
				row.text = line_text(line.order.product_name.empty() ? line.order.sku : line.order.product_name,
						     line.order.qty);
				// Opacity in steps of 10%: enough for a smooth fade, few re-renders.
				row.alpha_percent = static_cast<int>(model_.alpha(line, snap->now_ms) * 10.0 + 0.5) * 10;
				if (row.alpha_percent > 0)
					rows.push_back(std::move(row));
			}
		}
		if (!style_changed && rows == painted_)
			return std::nullopt;
		painted_ = rows;
		return [rows = std::move(rows), style] { return OrderTickerPainter::paint(rows, style); };
	}

private:
	/// The line's text for a product and quantity, formatted once (every frame asks for each line
	/// shown; a pack has a few products).
	const std::string &line_text(const std::string &product, int qty)
	{
		auto key = product + '\x1f' + std::to_string(qty);
		if (const auto it = line_texts_.find(key); it != line_texts_.end())
			return it->second;
		if (line_texts_.size() >= 256)
			line_texts_.clear();
		return line_texts_[std::move(key)] = render::qstr(pattern_).arg(render::qstr(product)).arg(qty).toStdString();
	}

	const std::string pattern_ = obs_module_text("OrderTicker.Line");
	std::unordered_map<std::string, std::string> line_texts_;
	overlay::TickerModel model_{overlay::TickerModel::Options{}};
	std::vector<TickerRow> painted_;
};

} // namespace

void register_order_ticker_source()
{
	RasterSource<OrderTickerContent>::register_source(kOrderTickerSourceId, "OrderTicker.Name");
}

} // namespace lcs::obs

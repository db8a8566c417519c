// obs_source_info of lcs_order_ticker and its per-source state.
#include "sources/order-ticker/order-ticker-source.hpp"

#include <algorithm>
#include <mutex>

#include <obs-module.h>
#include <obs.hpp>

#include "core/overlay/ticker_model.hpp"
#include "render/qt-text.hpp"
#include "render/raster-layer.hpp"
#include "sources/order-ticker/order-ticker-painter.hpp"
#include "studio/studio.hpp"

namespace lcs::obs {
namespace {

class OrderTicker {
public:
	explicit OrderTicker(obs_data_t *settings)
		: pattern_(obs_module_text("OrderTicker.Line")), model_(overlay::TickerModel::Options{})
	{
		update(settings);
	}

	void update(obs_data_t *settings)
	{
		OrderTickerStyle s;
		OBSDataAutoRelease font = obs_data_get_obj(settings, "font");
		if (font) {
			s.font_face = obs_data_get_string(font, "face");
			s.font_style = obs_data_get_string(font, "style");
			s.font_px = static_cast<int>(std::clamp<long long>(obs_data_get_int(font, "size"), 8, 200));
		}
		s.width = static_cast<int>(std::clamp<long long>(obs_data_get_int(settings, "width"), 100, 3840));
		s.height = static_cast<int>(std::clamp<long long>(obs_data_get_int(settings, "height"), 40, 2160));
		s.max_lines = static_cast<int>(std::clamp<long long>(obs_data_get_int(settings, "max_lines"), 1, 20));
		s.visible_seconds = static_cast<int>(std::clamp<long long>(obs_data_get_int(settings, "visible_seconds"), 2, 120));
		s.newest_on_top = obs_data_get_bool(settings, "newest_on_top");
		s.text_color = static_cast<uint32_t>(obs_data_get_int(settings, "text_color"));
		s.accent_color = static_cast<uint32_t>(obs_data_get_int(settings, "accent_color"));
		s.background_color = static_cast<uint32_t>(obs_data_get_int(settings, "background_color"));
		s.background_opacity = static_cast<int>(std::clamp<long long>(obs_data_get_int(settings, "background_opacity"), 0, 100));
		std::lock_guard lock(mutex_);
		style_ = s;
		++style_version_;
	}

	void tick()
	{
		OrderTickerStyle style;
		uint64_t version = 0;
		{
			std::lock_guard lock(mutex_);
			style = style_;
			version = style_version_;
		}
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
				row.text = render::qstr(pattern_)
						   .arg(render::qstr(line.order.product_name.empty() ? line.order.sku : line.order.product_name))
						   .arg(line.order.qty)
						   .toStdString();
				// Opacity in steps of 10%: enough for a smooth fade, few re-renders.
				row.alpha_percent = static_cast<int>(model_.alpha(line, snap->now_ms) * 10.0 + 0.5) * 10;
				if (row.alpha_percent > 0)
					rows.push_back(std::move(row));
			}
		}
		if (version == painted_version_ && rows == painted_)
			return;
		layer_.offer(OrderTickerPainter::paint(rows, style));
		painted_ = std::move(rows);
		painted_version_ = version;
	}

	void render() { layer_.draw(0.0f, 0.0f); }
	uint32_t width()
	{
		std::lock_guard lock(mutex_);
		return static_cast<uint32_t>(style_.width);
	}
	uint32_t height()
	{
		std::lock_guard lock(mutex_);
		return static_cast<uint32_t>(style_.height);
	}

private:
	const std::string pattern_;
	std::mutex mutex_;
	OrderTickerStyle style_;     // guarded by mutex_
	uint64_t style_version_ = 0; // guarded by mutex_
	overlay::TickerModel model_; // tick only
	std::vector<TickerRow> painted_;
	uint64_t painted_version_ = ~0ull;
	render::RasterLayer layer_;
};

OrderTicker *self(void *data)
{
	return static_cast<OrderTicker *>(data);
}

void get_defaults(obs_data_t *settings)
{
	const OrderTickerStyle d;
	OBSDataAutoRelease font = obs_data_create();
	obs_data_set_default_string(font, "face", render::default_cjk_face());
	obs_data_set_default_string(font, "style", "Regular");
	obs_data_set_default_int(font, "size", d.font_px);
	obs_data_set_default_obj(settings, "font", font);
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

obs_properties_t *get_properties(void *)
{
	obs_properties_t *props = obs_properties_create();
	obs_properties_add_font(props, "font", obs_module_text("OrderTicker.Font"));
	obs_properties_add_int(props, "width", obs_module_text("OrderTicker.Width"), 100, 3840, 1);
	obs_properties_add_int(props, "height", obs_module_text("OrderTicker.Height"), 40, 2160, 1);
	obs_properties_add_int_slider(props, "max_lines", obs_module_text("OrderTicker.MaxLines"), 1, 20, 1);
	obs_property_t *seconds = obs_properties_add_int_slider(props, "visible_seconds",
								obs_module_text("OrderTicker.VisibleSeconds"), 2, 120, 1);
	obs_property_int_set_suffix(seconds, " s");
	obs_properties_add_bool(props, "newest_on_top", obs_module_text("OrderTicker.NewestOnTop"));
	obs_properties_add_color_alpha(props, "text_color", obs_module_text("OrderTicker.TextColor"));
	obs_properties_add_color_alpha(props, "accent_color", obs_module_text("OrderTicker.AccentColor"));
	obs_properties_add_color(props, "background_color", obs_module_text("OrderTicker.BackgroundColor"));
	obs_property_t *opacity = obs_properties_add_int_slider(props, "background_opacity",
								obs_module_text("OrderTicker.BackgroundOpacity"), 0, 100, 1);
	obs_property_int_set_suffix(opacity, "%");
	return props;
}

} // namespace

void register_order_ticker_source()
{
	obs_source_info info = {};
	info.id = kOrderTickerSourceId;
	info.type = OBS_SOURCE_TYPE_INPUT;
	info.output_flags = OBS_SOURCE_VIDEO | OBS_SOURCE_CUSTOM_DRAW;
	info.icon_type = OBS_ICON_TYPE_TEXT;
	info.get_name = [](void *) { return obs_module_text("OrderTicker.Name"); };
	info.create = [](obs_data_t *settings, obs_source_t *) -> void * { return new OrderTicker(settings); };
	info.destroy = [](void *data) { delete self(data); };
	info.update = [](void *data, obs_data_t *settings) { self(data)->update(settings); };
	info.get_defaults = get_defaults;
	info.get_properties = get_properties;
	info.video_tick = [](void *data, float) { self(data)->tick(); };
	info.video_render = [](void *data, gs_effect_t *) { self(data)->render(); };
	info.get_width = [](void *data) { return self(data)->width(); };
	info.get_height = [](void *data) { return self(data)->height(); };
	obs_register_source(&info);
}

} // namespace lcs::obs

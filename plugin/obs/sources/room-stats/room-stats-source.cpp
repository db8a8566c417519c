// obs_source_info of lcs_room_stats, its state and its painting.
#include "sources/room-stats/room-stats-source.hpp"

#include <algorithm>
#include <cstdio>
#include <mutex>

#include <QFontMetrics>
#include <QPainter>
#include <QPainterPath>
#include <obs-module.h>
#include <obs.hpp>

#include "core/util/money.hpp"
#include "render/qt-text.hpp"
#include "render/raster-layer.hpp"
#include "studio/studio.hpp"

namespace lcs::obs {
namespace {

struct Stats {
	bool active = false;
	int64_t viewers = 0, likes = 0, follows = 0, orders = 0, gmv_cents = 0;
	int64_t elapsed_s = 0;
	int64_t dead_air_s = 0; // 0: not in dead air
	bool operator==(const Stats &) const = default;
};

struct Style {
	std::string face;
	int width = 900;
	int height = 70;
	int background_opacity = 60;
	bool operator==(const Style &) const = default;
};

QString compact(int64_t n, bool chinese)
{
	if (chinese && n >= 10000)
		return QString::number(static_cast<double>(n) / 10000.0, 'f', 1) + QStringLiteral("万");
	if (!chinese && n >= 10000)
		return QString::number(static_cast<double>(n) / 1000.0, 'f', 1) + QStringLiteral("k");
	return QString::number(n);
}

QString clock(int64_t s)
{
	char buf[32];
	std::snprintf(buf, sizeof buf, "%02lld:%02lld:%02lld", static_cast<long long>(s / 3600),
		      static_cast<long long>(s / 60 % 60), static_cast<long long>(s % 60));
	return QString::fromLatin1(buf);
}

QImage paint(const Stats &st, const Style &style)
{
	QImage image(style.width, style.height, QImage::Format_RGBA8888_Premultiplied);
	image.fill(Qt::transparent);
	if (!st.active || !render::text_rendering_available())
		return image;
	const bool chinese = std::string(obs_module_text("RoomStats.Viewers")).find("在线") != std::string::npos;
	QPainter p(&image);
	p.setRenderHint(QPainter::Antialiasing);
	p.setRenderHint(QPainter::TextAntialiasing);
	const int h = style.height;
	QPainterPath bar;
	bar.addRoundedRect(QRectF(0, 0, style.width, h), h / 4.0, h / 4.0);
	p.fillPath(bar, QColor(23, 26, 30, style.background_opacity * 255 / 100));
	struct Item {
		const char *key;
		QString text;
	};
	const Item items[] = {
		{"RoomStats.Viewers", compact(st.viewers, chinese)}, {"RoomStats.Likes", compact(st.likes, chinese)},
		{"RoomStats.Follows", QStringLiteral("+") + QString::number(st.follows)},
		{"RoomStats.Orders", QString::number(st.orders)},    {"RoomStats.Gmv", render::qstr(util::format_yuan(st.gmv_cents))},
		{"RoomStats.Clock", clock(st.elapsed_s)},
	};
	// One row when wide, else a grid of two rows; the dead-air warning covers the clock cell.
	const int count = static_cast<int>(std::size(items));
	const int rows = style.width >= style.height * 9 ? 1 : 2;
	const int columns = (count + rows - 1) / rows;
	const int cell_w = style.width / columns;
	const int cell_h = h / rows;
	const QFont label_font = render::make_font(style.face, {}, std::max(8, cell_h / 4), false);
	const QFont value_font = render::make_font(style.face, {}, std::max(9, std::min(cell_h * 2 / 5, cell_w / 5)), true);
	for (int i = 0; i < count; ++i) {
		const int x = (i % columns) * cell_w;
		const int y = (i / columns) * cell_h;
		const bool warn = st.dead_air_s > 0 && std::string(items[i].key) == "RoomStats.Clock";
		if (warn) {
			QPainterPath pill;
			pill.addRoundedRect(QRectF(x + 2, y + 2, cell_w - 4, cell_h - 4), cell_h / 4.0, cell_h / 4.0);
			p.fillPath(pill, QColor(230, 60, 60));
		}
		p.setFont(label_font);
		p.setPen(QColor(255, 255, 255, 170));
		p.drawText(QRect(x, y + cell_h / 10, cell_w, cell_h * 4 / 10), Qt::AlignCenter,
			   warn ? render::qstr(obs_module_text("RoomStats.DeadAirLabel")) : render::qstr(obs_module_text(items[i].key)));
		p.setFont(value_font);
		p.setPen(QColor(255, 255, 255));
		p.drawText(QRect(x, y + cell_h * 4 / 10, cell_w, cell_h * 6 / 10), Qt::AlignCenter,
			   warn ? render::qstr(obs_module_text("RoomStats.DeadAir")).arg(st.dead_air_s) : items[i].text);
	}
	return image;
}

class RoomStats {
public:
	explicit RoomStats(obs_data_t *settings) { update(settings); }

	void update(obs_data_t *settings)
	{
		Style s;
		OBSDataAutoRelease font = obs_data_get_obj(settings, "font");
		if (font)
			s.face = obs_data_get_string(font, "face");
		s.width = static_cast<int>(std::clamp<long long>(obs_data_get_int(settings, "width"), 200, 3840));
		s.height = static_cast<int>(std::clamp<long long>(obs_data_get_int(settings, "height"), 30, 400));
		s.background_opacity = static_cast<int>(std::clamp<long long>(obs_data_get_int(settings, "background_opacity"), 0, 100));
		std::lock_guard lock(mutex_);
		style_ = s;
	}

	void tick()
	{
		Style style;
		{
			std::lock_guard lock(mutex_);
			style = style_;
		}
		Stats st;
		if (const Studio *studio = Studio::get()) {
			const auto s = studio->snapshot();
			st.active = s->session_running || s->session_ended;
			st.viewers = s->viewers;
			st.likes = s->likes;
			st.follows = s->follows;
			st.orders = s->orders;
			st.gmv_cents = s->gmv_cents;
			st.elapsed_s = s->now_ms / 1000;
			st.dead_air_s = s->session_running && s->silence_ms >= 3000 ? s->silence_ms / 1000 : 0;
		}
		if (st == painted_ && style == painted_style_)
			return;
		layer_.offer(paint(st, style));
		painted_ = st;
		painted_style_ = style;
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
	std::mutex mutex_;
	Style style_;
	Stats painted_{};
	Style painted_style_{"", 0, 0, 0};
	render::RasterLayer layer_;
};

RoomStats *self(void *data)
{
	return static_cast<RoomStats *>(data);
}

} // namespace

void register_room_stats_source()
{
	obs_source_info info = {};
	info.id = kRoomStatsSourceId;
	info.type = OBS_SOURCE_TYPE_INPUT;
	info.output_flags = OBS_SOURCE_VIDEO | OBS_SOURCE_CUSTOM_DRAW;
	info.icon_type = OBS_ICON_TYPE_TEXT;
	info.get_name = [](void *) { return obs_module_text("RoomStats.Name"); };
	info.create = [](obs_data_t *settings, obs_source_t *) -> void * { return new RoomStats(settings); };
	info.destroy = [](void *data) { delete self(data); };
	info.update = [](void *data, obs_data_t *settings) { self(data)->update(settings); };
	info.get_defaults = [](obs_data_t *settings) {
		OBSDataAutoRelease font = obs_data_create();
		obs_data_set_default_string(font, "face", render::default_cjk_face());
		obs_data_set_default_string(font, "style", "Regular");
		obs_data_set_default_int(font, "size", 24);
		obs_data_set_default_obj(settings, "font", font);
		obs_data_set_default_int(settings, "width", 900);
		obs_data_set_default_int(settings, "height", 70);
		obs_data_set_default_int(settings, "background_opacity", 60);
	};
	info.get_properties = [](void *) {
		obs_properties_t *props = obs_properties_create();
		obs_properties_add_font(props, "font", obs_module_text("RoomStats.Font"));
		obs_properties_add_int(props, "width", obs_module_text("RoomStats.Width"), 200, 3840, 1);
		obs_properties_add_int(props, "height", obs_module_text("RoomStats.Height"), 30, 400, 1);
		obs_property_t *o = obs_properties_add_int_slider(props, "background_opacity",
								  obs_module_text("RoomStats.BackgroundOpacity"), 0, 100, 1);
		obs_property_int_set_suffix(o, "%");
		return props;
	};
	info.video_tick = [](void *data, float) { self(data)->tick(); };
	info.video_render = [](void *data, gs_effect_t *) { self(data)->render(); };
	info.get_width = [](void *data) { return self(data)->width(); };
	info.get_height = [](void *data) { return self(data)->height(); };
	obs_register_source(&info);
}

} // namespace lcs::obs

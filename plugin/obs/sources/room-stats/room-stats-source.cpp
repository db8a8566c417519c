// obs_source_info of lcs_room_stats, its state and its painting.
#include "sources/room-stats/room-stats-source.hpp"

#include <algorithm>
#include <cstdio>

#include <QFontMetrics>
#include <QPainter>
#include <QPainterPath>
#include <obs-module.h>
#include <obs.hpp>

#include "core/util/money.hpp"
#include "render/qt-text.hpp"
#include "render/raster-source.hpp"
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

struct StatsStyle {
	std::string face;
	int width = 900;
	int height = 70;
	int background_opacity = 60;
	bool operator==(const StatsStyle &) const = default;
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

QImage paint_stats(const Stats &st, const StatsStyle &style)
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

class RoomStatsContent {
public:
	using Style = StatsStyle;

	static Style read_style(obs_data_t *settings)
	{
		Style s;
		s.face = read_font(settings).face;
		s.width = read_int(settings, "width", 200, 3840);
		s.height = read_int(settings, "height", 30, 400);
		s.background_opacity = read_int(settings, "background_opacity", 0, 100);
		return s;
	}

	static void defaults(obs_data_t *settings)
	{
		set_default_font(settings, 24);
		obs_data_set_default_int(settings, "width", 900);
		obs_data_set_default_int(settings, "height", 70);
		obs_data_set_default_int(settings, "background_opacity", 60);
	}

	static obs_properties_t *properties()
	{
		obs_properties_t *props = obs_properties_create();
		obs_properties_add_font(props, "font", obs_module_text("RoomStats.Font"));
		obs_properties_add_int(props, "width", obs_module_text("RoomStats.Width"), 200, 3840, 1);
		obs_properties_add_int(props, "height", obs_module_text("RoomStats.Height"), 30, 400, 1);
		add_opacity_property(props, "RoomStats");
		return props;
	}

	std::optional<render::PaintJob> paint(const Style &style, bool style_changed)
	{
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
		if (!style_changed && st == painted_)
			return std::nullopt;
		painted_ = st;
		return [st, style] { return paint_stats(st, style); };
	}

private:
	Stats painted_{};
};

} // namespace

void register_room_stats_source()
{
	RasterSource<RoomStatsContent>::register_source(kRoomStatsSourceId, "RoomStats.Name");
}

} // namespace lcs::obs

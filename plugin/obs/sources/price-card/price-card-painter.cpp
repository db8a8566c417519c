#include "sources/price-card/price-card-painter.hpp"

#include <algorithm>
#include <cstdio>

#include <QFontMetrics>
#include <QPainter>
#include <QPainterPath>

#include "core/util/money.hpp"
#include "render/qt-text.hpp"

namespace lcs::obs {
namespace {
using render::make_font;
using render::qstr;
using render::to_qcolor;

QString money(int64_t cents)
{
	return qstr(util::format_yuan(cents));
}

QString clock(int64_t ms)
{
	const int64_t s = std::max<int64_t>(0, (ms + 999) / 1000);
	char buf[32];
	std::snprintf(buf, sizeof buf, "%02lld:%02lld", static_cast<long long>(s / 60), static_cast<long long>(s % 60));
	return QString::fromLatin1(buf);
}

/// Draws a rounded "pill" with text; returns its width.
int pill(QPainter &p, int x, int y, const QString &text, const QFont &font, const QColor &fill, const QColor &ink)
{
	const QFontMetrics fm(font);
	const int h = fm.height() + 6;
	const int w = fm.horizontalAdvance(text) + h;
	QPainterPath path;
	path.addRoundedRect(QRectF(x, y, w, h), h / 2.0, h / 2.0);
	p.fillPath(path, fill);
	p.setPen(ink);
	p.setFont(font);
	p.drawText(QRect(x, y, w, h), Qt::AlignCenter, text);
	return w;
}
} // namespace

bool PriceCardContent::operator==(const PriceCardContent &o) const
{
	return price == o.price && lucky_bags == o.lucky_bags && deal_text == o.deal_text && coupon_text == o.coupon_text &&
	       image_path == o.image_path;
}

QImage PriceCardPainter::paint(const PriceCardContent &content, const PriceCardStyle &style, const PriceCardLabels &labels,
			       PriceCardImageCache &images)
{
	QImage image(style.width, style.height, QImage::Format_RGBA8888_Premultiplied);
	image.fill(Qt::transparent);
	if ((!content.price && content.lucky_bags.empty()) || !render::text_rendering_available())
		return image;

	QPainter p(&image);
	p.setRenderHint(QPainter::Antialiasing);
	p.setRenderHint(QPainter::TextAntialiasing);
	const int w = style.width;
	const int h = style.height;
	const int pad = std::max(8, h / 20);
	QColor background = to_qcolor(style.background_color);
	background.setAlphaF(background.alphaF() * style.background_opacity / 100.0);
	QPainterPath card;
	card.addRoundedRect(QRectF(0, 0, w, h), pad, pad);
	p.fillPath(card, background);

	const QColor text = to_qcolor(style.text_color);
	const QColor accent = to_qcolor(style.accent_color);
	const QColor price_color = to_qcolor(style.price_color);
	QColor dim = text;
	dim.setAlphaF(0.7);
	const int small = std::max(10, h / 15);
	const QFont small_font = make_font(style.font_face, style.font_style, small, true);
	int y = pad;

	if (content.price) {
		const auto &v = *content.price;
		// Badges: the promotion type, the quantity deal, the coupon.
		int x = pad;
		const QColor ink(20, 20, 20);
		if (v.promo_type == "tiered_price")
			x += pill(p, x, y, qstr(labels.tiered), small_font, accent, ink) + pad / 2;
		else if (v.promo_type == "flash_sale")
			x += pill(p, x, y, qstr(labels.flash), small_font, price_color, QColor(255, 255, 255)) + pad / 2;
		if (!content.deal_text.empty())
			x += pill(p, x, y, qstr(content.deal_text), small_font, accent, ink) + pad / 2;
		if (!content.coupon_text.empty())
			pill(p, x, y, qstr(content.coupon_text), small_font, QColor(255, 255, 255), price_color);
		y += QFontMetrics(small_font).height() + 6 + pad / 2;

		// Image on the left when the pack names one.
		int text_x = pad;
		if (style.show_image && !content.image_path.empty()) {
			const int side = std::min(h - y - pad, w / 3);
			if (const QImage *picture = images.picture(content.image_path, side)) {
				// Centred in its square (the cache keeps the aspect ratio).
				p.drawImage(QPoint(pad + (side - picture->width()) / 2, y + (side - picture->height()) / 2), *picture);
				text_x = pad + side + pad;
			}
		}
		const int text_w = w - text_x - pad;

		// Name, two lines at most.
		const QFont name_font = make_font(style.font_face, style.font_style, std::max(12, h / 12), true);
		p.setFont(name_font);
		p.setPen(text);
		const int name_h = QFontMetrics(name_font).height() * 2;
		p.drawText(QRect(text_x, y, text_w, name_h), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, qstr(v.name));
		y += name_h + pad / 3;

		// Price large, the struck-through list price beside it.
		const QFont price_font = make_font(style.font_face, style.font_style, std::max(18, h / 5), true);
		p.setFont(price_font);
		p.setPen(price_color);
		const QString price = money(v.price_cents);
		const int price_h = QFontMetrics(price_font).height();
		p.drawText(QRect(text_x, y, text_w, price_h), Qt::AlignLeft | Qt::AlignVCenter, price);
		if (v.strike_price_cents || v.price_cents != v.list_price_cents) {
			const int64_t struck = v.strike_price_cents.value_or(v.list_price_cents);
			QFont strike_font = make_font(style.font_face, style.font_style, std::max(10, h / 12), false);
			strike_font.setStrikeOut(true);
			p.setFont(strike_font);
			p.setPen(dim);
			const int after = text_x + QFontMetrics(price_font).horizontalAdvance(price) + pad / 2;
			p.drawText(QRect(after, y, w - after - pad, price_h), Qt::AlignLeft | Qt::AlignVCenter, money(struck));
		}
		y += price_h;

		// Tier progress with its bar.
		const QFont info_font = make_font(style.font_face, style.font_style, small, false);
		p.setFont(info_font);
		const int line_h = QFontMetrics(info_font).height();
		if (v.promo_type == "tiered_price") {
			QString line;
			if (v.tier_by_time && v.tier_up_to)
				line = qstr(labels.tier_rises_in).arg(clock((*v.tier_up_to - v.tier_sold) * 1000));
			else if (!v.tier_by_time)
				line = qstr(labels.tier_progress).arg(v.tier_sold).arg(v.tier_up_to ? QString::number(*v.tier_up_to) : QStringLiteral("∞"));
			if (!line.isEmpty())
				line += QStringLiteral(" · ");
			line += v.next_tier_price_cents ? qstr(labels.next_tier).arg(money(*v.next_tier_price_cents)) : qstr(labels.final_tier);
			p.setPen(text);
			p.drawText(QRect(text_x, y, text_w, line_h), Qt::AlignLeft | Qt::AlignVCenter, line);
			y += line_h;
			if (v.tier_up_to && *v.tier_up_to > 0) {
				const int bar_h = std::max(4, small / 3);
				const double ratio = std::clamp(static_cast<double>(v.tier_sold) / static_cast<double>(*v.tier_up_to), 0.0, 1.0);
				p.fillRect(QRect(text_x, y + 2, text_w, bar_h), QColor(255, 255, 255, 60));
				p.fillRect(QRect(text_x, y + 2, static_cast<int>(text_w * ratio), bar_h), accent);
				y += bar_h + 4;
			}
		}

		// Stock and countdowns.
		QString status = v.sale_stock_left ? qstr(labels.sale_stock).arg(*v.sale_stock_left) : qstr(labels.stock).arg(v.stock_left);
		if (v.countdown_ms)
			status += QStringLiteral(" · ") + qstr(labels.starts_in).arg(clock(*v.countdown_ms));
		else if (v.ends_in_ms)
			status += QStringLiteral(" · ") + qstr(labels.ends_in).arg(clock(*v.ends_in_ms));
		p.setPen(v.countdown_ms ? accent : text);
		p.drawText(QRect(text_x, y, text_w, line_h), Qt::AlignLeft | Qt::AlignVCenter, status);
		y += line_h;
	}

	// Lucky bags at the bottom.
	const QFont bag_font = make_font(style.font_face, style.font_style, small, true);
	p.setFont(bag_font);
	const int bag_h = QFontMetrics(bag_font).height() + 6;
	int bag_y = h - pad - bag_h * static_cast<int>(content.lucky_bags.size());
	for (const auto &bag : content.lucky_bags) {
		const QString line = qstr(labels.lucky_bag).arg(qstr(bag.keyword)).arg(bag.winners).arg(clock(bag.ends_in_ms));
		QPainterPath path;
		path.addRoundedRect(QRectF(pad, bag_y, w - 2 * pad, bag_h - 2), bag_h / 3.0, bag_h / 3.0);
		p.fillPath(path, price_color);
		p.setPen(QColor(255, 255, 255));
		p.drawText(QRect(pad, bag_y, w - 2 * pad, bag_h - 2), Qt::AlignCenter,
			   QFontMetrics(bag_font).elidedText(line, Qt::ElideRight, w - 3 * pad));
		bag_y += bag_h;
	}
	return image;
}

} // namespace lcs::obs

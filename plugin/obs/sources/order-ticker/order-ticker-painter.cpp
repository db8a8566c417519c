#include "sources/order-ticker/order-ticker-painter.hpp"

#include <algorithm>

#include <QFontMetrics>
#include <QPainter>
#include <QPainterPath>

#include "render/qt-text.hpp"

namespace lcs::obs {

QImage OrderTickerPainter::paint(const std::vector<TickerRow> &rows, const OrderTickerStyle &style)
{
	QImage image(style.width, style.height, QImage::Format_RGBA8888_Premultiplied);
	image.fill(Qt::transparent);
	if (rows.empty() || !render::text_rendering_available())
		return image;
	QPainter p(&image);
	p.setRenderHint(QPainter::Antialiasing);
	p.setRenderHint(QPainter::TextAntialiasing);
	const QFont bold = render::make_font(style.font_face, style.font_style, style.font_px, true);
	const QFont plain = render::make_font(style.font_face, style.font_style, style.font_px, false);
	const int row_h = QFontMetrics(bold).height() + style.font_px / 2;
	const int gap = std::max(2, style.font_px / 5);
	const int count = static_cast<int>(rows.size());
	for (int i = 0; i < count; ++i) {
		const TickerRow &row = rows[static_cast<size_t>(i)];
		// Oldest first in `rows`: newest at the bottom unless newest_on_top.
		const int slot = style.newest_on_top ? count - 1 - i : i;
		const int y = style.newest_on_top ? slot * (row_h + gap) : style.height - (count - slot) * (row_h + gap);
		if (y < 0 || y + row_h > style.height)
			continue;
		p.setOpacity(row.alpha_percent / 100.0);
		const QString buyer = render::qstr(row.buyer) + QStringLiteral(" ");
		const QString text = render::qstr(row.text);
		const int width = std::min(style.width, QFontMetrics(bold).horizontalAdvance(buyer) +
								 QFontMetrics(plain).horizontalAdvance(text) + row_h);
		QColor background = render::to_qcolor(style.background_color);
		background.setAlphaF(background.alphaF() * style.background_opacity / 100.0);
		QPainterPath pill;
		pill.addRoundedRect(QRectF(0, y, width, row_h), row_h / 2.0, row_h / 2.0);
		p.fillPath(pill, background);
		int x = row_h / 2;
		p.setFont(bold);
		p.setPen(render::to_qcolor(style.accent_color));
		p.drawText(QRect(x, y, width, row_h), Qt::AlignLeft | Qt::AlignVCenter, buyer);
		x += QFontMetrics(bold).horizontalAdvance(buyer);
		p.setFont(plain);
		p.setPen(render::to_qcolor(style.text_color));
		p.drawText(QRect(x, y, width - x, row_h), Qt::AlignLeft | Qt::AlignVCenter,
			   QFontMetrics(plain).elidedText(text, Qt::ElideRight, std::max(10, width - x - row_h / 2)));
	}
	return image;
}

} // namespace lcs::obs

#include "sources/comment-feed/comment-feed-painter.hpp"

#include <algorithm>

#include <QFontMetrics>
#include <QPainter>
#include <QPainterPath>

#include "render/qt-text.hpp"

namespace lcs::obs {

QImage CommentFeedPainter::paint(const std::vector<FeedRow> &rows, int open_questions, const CommentFeedStyle &style,
				 const FeedLabels &labels)
{
	QImage image(style.width, style.height, QImage::Format_RGBA8888_Premultiplied);
	image.fill(Qt::transparent);
	if ((rows.empty() && open_questions == 0) || !render::text_rendering_available())
		return image;
	QPainter p(&image);
	p.setRenderHint(QPainter::Antialiasing);
	p.setRenderHint(QPainter::TextAntialiasing);
	const QFont bold = render::make_font(style.font_face, style.font_style, style.font_px, true);
	const QFont plain = render::make_font(style.font_face, style.font_style, style.font_px, false);
	const QFontMetrics fm(plain);
	const int pad = std::max(4, style.font_px / 3);
	const QColor question = render::to_qcolor(style.question_color);
	const QColor overdue = render::to_qcolor(style.overdue_color);
	QColor background = render::to_qcolor(style.background_color);
	background.setAlphaF(background.alphaF() * style.background_opacity / 100.0);

	// Header: questions waiting.
	int top = 0;
	if (open_questions > 0) {
		const QString header = render::qstr(labels.waiting).arg(open_questions);
		const int h = fm.height() + pad;
		QPainterPath pill;
		const int w = QFontMetrics(bold).horizontalAdvance(header) + 2 * pad;
		pill.addRoundedRect(QRectF(0, 0, w, h), h / 2.0, h / 2.0);
		p.fillPath(pill, question);
		p.setFont(bold);
		p.setPen(QColor(20, 20, 20));
		p.drawText(QRect(0, 0, w, h), Qt::AlignCenter, header);
		top = h + pad;
	}

	// Rows from the bottom up, each wrapped to at most two lines.
	int y = style.height;
	for (auto it = rows.rbegin(); it != rows.rend(); ++it) {
		const FeedRow &row = *it;
		const QString badge = row.question ? render::qstr(labels.question_badge) + QStringLiteral(" ") : QString();
		const QString name = render::qstr(row.name) + QStringLiteral("：");
		const QString text = render::qstr(row.text);
		const int text_w = style.width - 2 * pad;
		const QString line = badge + name + text;
		const QRect needed = fm.boundingRect(QRect(0, 0, text_w, fm.height() * 2), Qt::TextWordWrap, line);
		const int h = std::min(needed.height(), fm.height() * 2) + pad;
		y -= h + pad / 2;
		if (y < top)
			break;
		QColor fill = background;
		if (row.question && !row.answered) {
			// Ageing: from the question colour to the overdue colour over a minute.
			const double f = std::min(1.0, row.age_bucket * 5 / 60.0);
			fill = QColor::fromRgbF(question.redF() + (overdue.redF() - question.redF()) * f,
						question.greenF() + (overdue.greenF() - question.greenF()) * f,
						question.blueF() + (overdue.blueF() - question.blueF()) * f, 0.85);
		}
		QPainterPath path;
		path.addRoundedRect(QRectF(0, y, style.width, h), pad, pad);
		p.fillPath(path, fill);
		const bool highlighted = row.question && !row.answered;
		p.setOpacity(row.answered ? 0.6 : 1.0);
		QRect box(pad, y + pad / 2, text_w, h - pad);
		// Name in its colour, then the text; drawn as one wrapped paragraph with two pens.
		p.setFont(bold);
		p.setPen(highlighted ? QColor(20, 20, 20) : render::to_qcolor(style.name_color));
		const int name_w = QFontMetrics(bold).horizontalAdvance(badge + name);
		p.drawText(box, Qt::AlignLeft | Qt::AlignTop, badge + name);
		p.setFont(plain);
		p.setPen(highlighted ? QColor(20, 20, 20) : render::to_qcolor(style.text_color));
		const QString indent(static_cast<int>(name_w / std::max(1, fm.horizontalAdvance(QChar(' ')))), QChar(' '));
		p.drawText(box, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, indent + text);
		p.setOpacity(1.0);
	}
	return image;
}

} // namespace lcs::obs

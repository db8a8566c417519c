#include "sources/cue-prompter/cue-prompter-painter.hpp"

#include <algorithm>
#include <cstdio>

#include <QFontMetrics>
#include <QPainter>
#include <QStringList>

#include "render/qt-text.hpp"
#include "studio/compliance-marks.hpp"

namespace lcs::obs {
namespace {
using render::make_font;
using render::qstr;
using render::to_qcolor;

QRect rect_of(const Box &b)
{
	return {b.x, b.y, b.w, b.h};
}

std::string clock(int64_t ms)
{
	const int64_t total = std::max<int64_t>(0, ms) / 1000;
	char buf[32];
	std::snprintf(buf, sizeof buf, "%02lld:%02lld", static_cast<long long>(total / 60),
		      static_cast<long long>(total % 60));
	return buf;
}

/// Draws word-wrapped text in a box, shrinking the font (down to half size) until it fits.
void draw_fitted(QPainter &p, const QRect &box, const QString &text, QFont font, int flags)
{
	const int original = font.pixelSize();
	for (int size = original; size >= std::max(8, original / 2); size = size * 9 / 10) {
		font.setPixelSize(size);
		const QRect needed = QFontMetrics(font).boundingRect(box, flags | Qt::TextWordWrap, text);
		if (needed.height() <= box.height() || size * 9 / 10 < std::max(8, original / 2))
			break;
	}
	p.setFont(font);
	p.drawText(box, flags | Qt::TextWordWrap, text);
}
/// The mark's badge ("Banned") and its suggestion on one line at the bottom of `box`, and a stripe
/// in the severity's colour left of the cue.
void draw_mark(QPainter &p, const CueMark &mark, const CuePrompterLabels &labels, const CuePrompterStyle &style,
	       const CuePrompterLayout &layout, const QRect &line)
{
	const QColor colour = QColor::fromRgba(mark.argb());
	const int stripe_w = std::max(3, layout.padding / 2);
	p.fillRect(QRect(std::max(0, layout.cue.x - stripe_w - 2), layout.cue.y, stripe_w, layout.cue.h), colour);

	const QFont bold = make_font(style.font_face, style.font_style, layout.label_px, true);
	const QString badge = qstr(mark.severity == compliance::Severity::ban ? labels.ban : labels.caution);
	const int badge_w = QFontMetrics(bold).horizontalAdvance(badge) + layout.label_px;
	const QRect badge_box(line.x(), line.y(), std::min(badge_w, line.width()), line.height());
	p.setPen(Qt::NoPen);
	p.setBrush(colour);
	p.drawRoundedRect(badge_box, line.height() / 5.0, line.height() / 5.0);
	p.setPen(Qt::white);
	p.setFont(bold);
	p.drawText(badge_box, Qt::AlignCenter, badge);

	QString rest = qstr(mark.term);
	if (!mark.suggestion.empty())
		rest += QStringLiteral("  ") + qstr(labels.instead) + QStringLiteral(" ") + qstr(mark.suggestion);
	const QRect text_box(badge_box.right() + layout.label_px / 2, line.y(),
			     std::max(1, line.right() - badge_box.right() - layout.label_px / 2), line.height());
	p.setPen(colour);
	p.setFont(make_font(style.font_face, style.font_style, layout.label_px, false));
	p.drawText(text_box, Qt::AlignLeft | Qt::AlignVCenter, QFontMetrics(p.font()).elidedText(rest, Qt::ElideRight, text_box.width()));
}

} // namespace

std::optional<CueMark> CueMark::of(const compliance::Findings &findings)
{
	const compliance::Finding *first = mark_finding(findings);
	if (!first)
		return std::nullopt;
	return CueMark{first->severity, first->term, first->suggestion};
}

uint32_t CueMark::argb() const
{
	return severity == compliance::Severity::ban ? 0xFFD9534Fu : 0xFFF0AD4Eu;
}

QImage CuePrompterPainter::paint_text(const script::CueView &view, const CuePrompterStyle &style,
				      const CuePrompterLabels &labels, const std::optional<CueMark> &mark)
{
	QImage image(style.width, style.height, QImage::Format_RGBA8888_Premultiplied);
	image.fill(Qt::transparent);
	if (!render::text_rendering_available())
		return image;

	const auto layout = CuePrompterLayout::compute(style);
	QPainter p(&image);
	p.setRenderHint(QPainter::TextAntialiasing);
	p.setRenderHint(QPainter::Antialiasing);
	p.setClipRect(0, 0, style.width, style.height);

	const QColor text = to_qcolor(style.text_color);
	const QColor accent = to_qcolor(style.accent_color);
	QColor dim = text;
	dim.setAlphaF(text.alphaF() * 0.7);

	if (!view.has_script) {
		p.setPen(text);
		draw_fitted(p, rect_of(layout.inner), qstr(labels.empty),
			    make_font(style.font_face, style.font_style, style.cue_px * 2 / 3, false),
			    Qt::AlignLeft | Qt::AlignVCenter);
		return image;
	}

	if (style.show_segment && layout.header.h > 0) {
		QString title = QStringLiteral("%1/%2  %3")
					.arg(view.segment_index + 1)
					.arg(view.segment_count)
					.arg(qstr(view.segment_name));
		p.setPen(accent);
		p.setFont(make_font(style.font_face, style.font_style, layout.label_px, true));
		// Leave the right third of the header to the timer layer.
		QRect box = rect_of(layout.header);
		box.setWidth(box.width() * 2 / 3);
		p.drawText(box, Qt::AlignLeft | Qt::AlignVCenter,
			   QFontMetrics(p.font()).elidedText(title, Qt::ElideRight, box.width()));
	}

	const std::string &cue_text = view.cue_text.empty() ? labels.finished : view.cue_text;
	QRect cue_box = rect_of(layout.cue);
	if (mark && !view.cue_text.empty()) {
		// The mark's line takes the bottom of the cue's box: the cue still gets the rest.
		const int line_h = std::min(cue_box.height() / 3, layout.label_px * 8 / 5);
		const QRect line(cue_box.x(), cue_box.bottom() - line_h + 1, cue_box.width(), line_h);
		cue_box.setHeight(cue_box.height() - line_h);
		draw_mark(p, *mark, labels, style, layout, line);
	}
	p.setPen(text);
	draw_fitted(p, cue_box, qstr(cue_text),
		    make_font(style.font_face, style.font_style, style.cue_px, true),
		    Qt::AlignLeft | Qt::AlignVCenter);

	if (style.show_keywords && layout.keywords.h > 0 && !view.keywords_pending.empty()) {
		QStringList words;
		for (const auto &k : view.keywords_pending)
			words << qstr(k);
		const QString line = qstr(labels.keywords) + QStringLiteral("  ") + words.join(QStringLiteral(" · "));
		p.setPen(accent);
		p.setFont(make_font(style.font_face, style.font_style, layout.label_px, false));
		const QRect box = rect_of(layout.keywords);
		p.drawText(box, Qt::AlignLeft | Qt::AlignVCenter,
			   QFontMetrics(p.font()).elidedText(line, Qt::ElideRight, box.width()));
	}

	if (style.show_next && layout.next.h > 0 && !view.next_cue_text.empty()) {
		p.setPen(dim);
		p.setFont(make_font(style.font_face, style.font_style, layout.next_px, false));
		const QString line = qstr(labels.next) + QStringLiteral("  ") + qstr(view.next_cue_text);
		p.drawText(rect_of(layout.next), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, line);
	}
	return image;
}

std::string CuePrompterPainter::timer_text(const script::CueView &view, const CuePrompterLabels &labels)
{
	if (!view.has_script)
		return {};
	std::string t = clock(view.segment_elapsed_ms) + " / " + clock(view.segment_planned_ms);
	if (view.timer_paused)
		t += "  " + labels.paused;
	return t;
}

QImage CuePrompterPainter::paint_timer(const script::CueView &view, const CuePrompterStyle &style,
				       const CuePrompterLabels &labels)
{
	const auto layout = CuePrompterLayout::compute(style);
	const std::string text = timer_text(view, labels);
	if (!style.show_timer || layout.header.h <= 0 || text.empty() || !render::text_rendering_available())
		return {};

	const QFont font = make_font(style.font_face, style.font_style, layout.label_px, true);
	const QString qtext = qstr(text);
	const int w = std::min(layout.header.w, QFontMetrics(font).horizontalAdvance(qtext) + 4);
	QImage image(std::max(1, w), layout.header.h, QImage::Format_RGBA8888_Premultiplied);
	image.fill(Qt::transparent);
	QPainter p(&image);
	p.setRenderHint(QPainter::TextAntialiasing);
	const bool overrun = view.segment_planned_ms > 0 && view.segment_elapsed_ms > view.segment_planned_ms;
	p.setPen(to_qcolor(overrun ? style.warning_color : style.text_color));
	p.setFont(font);
	p.drawText(image.rect(), Qt::AlignRight | Qt::AlignVCenter, qtext);
	return image;
}

} // namespace lcs::obs

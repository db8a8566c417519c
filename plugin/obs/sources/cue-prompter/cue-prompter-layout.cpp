#include "sources/cue-prompter/cue-prompter-layout.hpp"

#include <algorithm>

namespace lcs::obs {

CuePrompterLayout CuePrompterLayout::compute(const CuePrompterStyle &style)
{
	CuePrompterLayout l;
	const int w = style.width;
	const int h = style.height;
	l.padding = std::max(8, std::min(w, h) / 24);
	const int inner_w = std::max(1, w - 2 * l.padding);
	int y = l.padding;

	if (style.show_segment || style.show_timer) {
		l.header = {l.padding, y, inner_w, style.label_px * 3 / 2};
		y += l.header.h;
	}
	if (style.show_timer) {
		l.bar = {l.padding, y, inner_w, std::max(4, style.label_px / 4)};
		y += l.bar.h + l.padding / 2;
	}

	int bottom = h - l.padding;
	if (style.show_next) {
		const int next_h = style.next_px * 5 / 2;
		l.next = {l.padding, bottom - next_h, inner_w, next_h};
		bottom = l.next.y - l.padding / 2;
	}
	if (style.show_keywords) {
		const int kw_h = style.label_px * 8 / 5;
		l.keywords = {l.padding, bottom - kw_h, inner_w, kw_h};
		bottom = l.keywords.y;
	}
	l.cue = {l.padding, y, inner_w, std::max(0, bottom - y)};
	return l;
}

} // namespace lcs::obs

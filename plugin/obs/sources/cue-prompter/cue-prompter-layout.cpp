#include "sources/cue-prompter/cue-prompter-layout.hpp"

#include <algorithm>

namespace lcs::obs {

CuePrompterLayout CuePrompterLayout::compute(const CuePrompterStyle &requested)
{
	// When the parts around the cue would leave it less than half the height, shrink them
	// proportionally: the current cue is what the trainee must be able to read.
	CuePrompterStyle style = requested;
	const int around = (style.show_segment || style.show_timer ? style.label_px * 3 / 2 : 0) +
			   (style.show_timer ? std::max(4, style.label_px / 4) : 0) +
			   (style.show_keywords ? style.label_px * 8 / 5 : 0) +
			   (style.show_next ? style.next_px * 5 / 2 : 0);
	const int budget = style.height / 2;
	if (around > budget && around > 0) {
		style.label_px = std::max(6, style.label_px * budget / around);
		style.next_px = std::max(6, style.next_px * budget / around);
	}

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
	l.label_px = style.label_px;
	l.next_px = style.next_px;
	l.inner = {l.padding, l.padding, inner_w, std::max(1, h - 2 * l.padding)};
	return l;
}

} // namespace lcs::obs
